/**
 * The JSON each command prints with `--json-output`: one zod schema per command, declared here only.
 * Commands check what they print against it (a mismatch is a bug, not output), and `tensormarket schema
 * cli` publishes them as JSON Schema. Amounts are `{ rao, tao }` strings everywhere.
 */
import { z } from 'zod';
import { amountJsonSchema } from '../sdk/amount/amount.ts';
import { calibrationFileSchema } from '../sim/calibration/calibrationFile.ts';
import { SWEEP_METHODS } from '../sim/scenario/sweepSchema.ts';
import { gapSchema, sourceFileSchema, startingStateSchema } from '../sim/start/startingState.ts';

const address = z.string().describe('SS58 address, network prefix 42');
const walletPath = z.string().describe('the folder of wallets, absolute');
const walletName = z.string().describe('the wallet (its folder under the wallet path)');
const network = z.string().describe('the node, as an http URL');

/** A key just written. */
const writtenKey = z.strictObject({
  name: z.string().describe('`coldkey`, or the hotkey name'),
  address,
  path: z.string().describe('the key file, absolute'),
  encrypted: z
    .boolean()
    .describe('stored in btcli’s $NACL form (true) or as plain JSON (false, development only)'),
  mnemonic: z
    .string()
    .optional()
    .describe('the new key’s mnemonic, present when the key was generated: the only way to recover it'),
});

/** An estimate and its interval; null where not finite. */
const interval = z.strictObject({
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});

const netuid = z.int().min(0).max(65_535).describe('the subnet');
/** The fields of every command that sent a transaction: where, its id and the block that included it. */
const sent = {
  network,
  id: z.string().describe('the submission id (0x, 32 bytes)'),
  block: z.int().describe('the block that included it'),
};
const balanceChange = z
  .strictObject({ before: amountJsonSchema, after: amountJsonSchema })
  .describe('the coldkey’s free balance before and after');
const alphaAmount = amountJsonSchema.describe('an amount of alpha: 9 decimals, written as TAO is');
const price = z.number().describe('TAO per alpha at the pool’s spot price (a float, for display)');
const u16List = z.array(z.int().min(0).max(65_535));

/** A subnet as the subnets commands print it. */
const subnet = z.strictObject({
  netuid,
  owner: address.describe('the owner’s coldkey'),
  ownerHotkey: address,
  registeredAt: z.int().describe('the block it was registered in'),
  tempo: z.int().describe('blocks between epochs'),
  price,
  taoIn: amountJsonSchema.describe('TAO in the pool'),
  alphaIn: alphaAmount.describe('alpha in the pool'),
  alphaOut: alphaAmount.describe('alpha outside the pool (staked)'),
  neurons: z.int().min(0).describe('UIDs registered'),
  burn: amountJsonSchema.describe('what registering a UID costs now (subnets register)'),
});

/** Slippage protection as a stake command applied it; null with --unsafe. */
const safety = z
  .strictObject({
    tolerance: z.number().describe('--tolerance: the price may move this share at most (0.05 = 5 %)'),
    partial: z.boolean().describe('--partial: fill what the limit allows instead of refusing'),
    price: price.describe('the spot price the limit was computed from'),
    limitPrice: amountJsonSchema.describe(
      'the limit price sent, in TAO per alpha (rao per alpha as rao): the most a buy pays, the least a sell takes',
    ),
  })
  .nullable()
  .describe('the limit price sent, or null with --unsafe');

/** A weights commit or reveal: the weights and what hides them. */
const weightsData = {
  netuid,
  hotkey: address.describe('the validator’s hotkey, which signed'),
  hash: z.string().describe('the commit hash, 0x + 64 hex digits'),
  uids: u16List,
  weights: u16List.describe('the weights as u16 (max-upscaled so the largest is 65535)'),
  salt: u16List.describe('the salt the hash was made with'),
  versionKey: z.string().describe('the weights version key (u64, decimal)'),
};

/** A number that may be missing: null where it cannot be computed (NaN, ±∞ in the computation). */
const figure = z.number().nullable();
const path = z.string().describe('a file or folder written, absolute');
const shardJson = z
  .strictObject({
    index: z.int().describe('k of k/n'),
    count: z.int().describe('n of k/n'),
    firstRun: z.int().describe('first run index of the block'),
    runs: z.int().describe('runs in the block'),
  })
  .describe('shard k of n and its block of run indices');
const u16Row = z.array(z.int().min(0).max(65_535));

/** A dev account as `localnet` lists it. */
const fundedAccount = z.strictObject({
  name: z.string().describe('`Alice` …, `funded` for TENSORMARKET_FUND, `account` in a chosen genesis'),
  uri: z.string().nullable().describe('its secret URI (`//Alice`), null when it is not a dev account'),
  address,
  balance: amountJsonSchema,
});

/** What `localnet` and `node start` print once the node listens. */
const served = z.strictObject({
  url: z.string().describe('the HTTP endpoint'),
  wsUrl: z.string().describe('the WebSocket endpoint (the same port)'),
  dataDir: z.string().describe('the chain’s folder, absolute'),
  block: z.int().describe('the head at start'),
  genesisHash: z.string(),
  rulePack: z.string(),
  mechanisms: z.array(z.string()).describe('binding mechanisms switched on at genesis'),
  blockTime: z.string().describe('e.g. 250ms, instant, manual'),
  overlay: z
    .array(z.strictObject({ name: z.string(), value: z.number(), why: z.string() }))
    .describe('chain parameters the dev overlay changes (empty for a chosen genesis)'),
  sudo: address,
  accounts: z.array(fundedAccount).describe('the funded accounts'),
});

/** What `wallet new-coldkey` and `wallet regen-coldkey` print. */
const coldkeyWritten = z.strictObject({ walletPath, name: walletName, coldkey: writtenKey });
/** What `wallet new-hotkey` and `wallet regen-hotkey` print. */
const hotkeyWritten = z.strictObject({ walletPath, name: walletName, hotkey: writtenKey });

/** Each command's output, by the words that run it. */
export const CLI_JSON_SHAPES = {
  'wallet create': z
    .strictObject({ walletPath, name: walletName, coldkey: writtenKey, hotkey: writtenKey })
    .describe('a new wallet: a coldkey (with coldkeypub.txt) and a hotkey'),
  'wallet new-coldkey': coldkeyWritten.describe('a new coldkey'),
  'wallet new-hotkey': hotkeyWritten.describe('a new hotkey'),
  'wallet regen-coldkey': coldkeyWritten.describe('a coldkey written again from its mnemonic, seed or URI'),
  'wallet regen-hotkey': hotkeyWritten.describe('a hotkey written again from its mnemonic, seed or URI'),
  'wallet list': z
    .strictObject({
      walletPath,
      wallets: z.array(
        z.strictObject({
          name: walletName,
          coldkey: address.nullable().describe('from coldkeypub.txt; null when it cannot be read'),
          hotkeys: z.array(
            z.strictObject({
              name: z.string(),
              address: address.nullable().describe('null when encrypted without a public keyfile'),
            }),
          ),
        }),
      ),
    })
    .describe('the wallets under the wallet path, sorted by name'),
  'wallet balance': z
    .strictObject({
      network,
      balances: z.array(
        z.strictObject({
          name: walletName.nullable().describe('null for an address given with --ss58'),
          address,
          free: amountJsonSchema,
        }),
      ),
      total: amountJsonSchema.describe('the sum of the free balances'),
    })
    .describe('free balances of the wallets’ coldkeys (or of the addresses given)'),
  'wallet transfer': z
    .strictObject({
      network,
      id: z.string().describe('the submission id (0x, 32 bytes)'),
      block: z.int().describe('the block that included it'),
      from: address,
      dest: address,
      amount: amountJsonSchema,
      balance: z
        .strictObject({ before: amountJsonSchema, after: amountJsonSchema })
        .describe('the sender’s free balance before and after'),
    })
    .describe('a transfer included in a block'),
  'subnets list': z
    .strictObject({ network, subnets: z.array(subnet) })
    .describe('every subnet with its pool, owner and registration cost'),
  'subnets show': z.strictObject({ network, subnet }).describe('one subnet'),
  'subnets create': z
    .strictObject({
      ...sent,
      netuid: netuid.describe('the new subnet'),
      owner: address.describe('the coldkey that paid the lock and owns the subnet'),
      ownerHotkey: address,
      lock: amountJsonSchema.describe('the TAO locked (the burn cost)'),
      balance: balanceChange,
    })
    .describe('a subnet registered (register_network) with the wallet’s hotkey as its owner hotkey'),
  'subnets start': z
    .strictObject({
      ...sent,
      netuid,
      firstEmissionBlock: z.int().describe('the first block that emits to the subnet'),
    })
    .describe('a subnet started (start_call): emission and staking open'),
  'subnets register': z
    .strictObject({
      ...sent,
      netuid,
      uid: z.int().min(0).describe('the UID the hotkey holds'),
      hotkey: address,
      burn: amountJsonSchema.describe('the TAO burned for the UID'),
      replaced: address.nullable().describe('the hotkey pruned to make room, null when a UID was free'),
      balance: balanceChange,
    })
    .describe('a hotkey registered on a subnet by burning TAO (burned_register)'),
  'subnets metagraph': z
    .strictObject({
      network,
      metagraph: z
        .looseObject({
          netuid,
          n: z.int().min(0).describe('UIDs'),
          block: z.int().min(0),
          uids: z.array(z.int().min(0)),
          hotkeys: z.array(address),
          coldkeys: z.array(address.nullable()),
          stake: z.array(alphaAmount).describe('alpha staked on each hotkey on the subnet'),
        })
        .describe(
          'bittensor’s Metagraph field names, one list per field indexed by UID; more fields as the node gives them',
        ),
    })
    .describe('a subnet’s neurons'),
  'subnets price': z
    .strictObject({
      network,
      prices: z.array(z.strictObject({ netuid, price, taoIn: amountJsonSchema, alphaIn: alphaAmount })),
    })
    .describe('each subnet’s spot price and reserves'),
  'subnets burn-cost': z
    .strictObject({
      network,
      burnCost: amountJsonSchema.describe('the TAO subnets create locks in the next block'),
    })
    .describe('the cost of registering a subnet'),
  'subnets hyperparameters': z
    .strictObject({
      network,
      netuid,
      hyperparameters: z
        .record(z.string(), z.unknown())
        .describe('by the names sudo set takes; amounts of TAO as { rao, tao }'),
    })
    .describe('a subnet’s hyperparameters'),
  'stake add': z
    .strictObject({
      ...sent,
      coldkey: address,
      hotkey: address,
      netuid,
      amount: amountJsonSchema.describe('the TAO offered'),
      spent: amountJsonSchema.describe('the TAO spent, fee included (less than amount after a partial fill)'),
      fee: amountJsonSchema.describe('the pool’s fee, in TAO'),
      alpha: alphaAmount.describe('the alpha bought and staked'),
      safe: safety,
      balance: balanceChange,
    })
    .describe('TAO staked: alpha bought through the subnet’s pool'),
  'stake remove': z
    .strictObject({
      ...sent,
      coldkey: address,
      hotkey: address,
      netuid,
      amount: alphaAmount.describe('the alpha offered'),
      sold: alphaAmount.describe('the alpha sold, fee included (less than amount after a partial fill)'),
      fee: alphaAmount.describe('the pool’s fee, in alpha'),
      received: amountJsonSchema.describe('the TAO received'),
      safe: safety,
      balance: balanceChange,
    })
    .describe('stake removed: alpha sold through the subnet’s pool'),
  'stake move': z
    .strictObject({
      ...sent,
      coldkey: address,
      originHotkey: address,
      destinationHotkey: address,
      originNetuid: netuid,
      destinationNetuid: netuid,
      amount: alphaAmount.describe('the alpha taken from the origin'),
      moved: alphaAmount.describe('the alpha credited at the destination'),
      safe: z
        .strictObject({
          tolerance: z.number(),
          quotedSlippage: z
            .number()
            .describe('the share the quoted swaps lose against the spot prices; 0 within one subnet'),
        })
        .nullable()
        .describe('the check made before sending (the chain has no limit on moves), null with --unsafe'),
    })
    .describe('stake moved to another hotkey or subnet'),
  'stake list': z
    .strictObject({
      network,
      coldkey: address,
      stakes: z.array(
        z.strictObject({
          hotkey: address,
          netuid,
          alpha: alphaAmount,
          taoValue: amountJsonSchema.describe('the alpha’s value at the spot price'),
        }),
      ),
      total: amountJsonSchema.describe('the sum of the TAO values'),
    })
    .describe('a coldkey’s stake positions'),
  'weights set': z
    .strictObject({
      ...sent,
      netuid,
      hotkey: address.describe('the validator’s hotkey, which signed'),
      uid: z.int().min(0).describe('the validator’s UID'),
      uids: u16List,
      weights: u16List.describe('the weights as u16 (max-upscaled so the largest is 65535)'),
    })
    .describe('weights set (set_weights)'),
  'weights commit': z
    .strictObject({
      ...sent,
      ...weightsData,
      saved: z.string().describe('the file keeping the weights and salt for the reveal, absolute'),
    })
    .describe('a weights commit (commit_weights); reveal it in the commit-reveal period’s epoch'),
  'weights reveal': z
    .strictObject({ ...sent, ...weightsData })
    .describe('committed weights revealed (reveal_weights) and stored'),
  'sudo set': z
    .strictObject({
      ...sent,
      netuid,
      param: z.string().describe('the hyperparameter, by the name tm_hyperparameters gives'),
      value: z
        .union([z.boolean(), z.number(), z.string()])
        .describe('as sent: a boolean, an integer, or a decimal string (rao for amounts of TAO)'),
    })
    .describe('a subnet hyperparameter set (sudo_set_hyperparameter) by the owner or the sudo account'),
  simulate: z
    .strictObject({
      scenario: z.string(),
      outDir: path,
      runs: z.int().describe('runs asked for'),
      completed: z.int(),
      errored: z.int().describe('runs that failed (listed in summary.json and runs.csv)'),
      stopped: z.boolean().describe('Ctrl-C stopped it: partial results (exit 130)'),
      workers: z.int(),
      wallTimeMs: z.number(),
      headline: z.array(z.string()).describe('the summary’s headline figures, as printed'),
      report: path.nullable().describe('report.html, null when it could not be written'),
      files: z.array(path),
      sensitivity: z
        .strictObject({
          variations: z.int(),
          runs: z.int().describe('paired runs per variation'),
          completed: z.int(),
          errored: z.int(),
          stopped: z.boolean(),
        })
        .nullable()
        .describe('the sensitivity screen, null when the scenario has none'),
      shard: shardJson
        .nullable()
        .describe('with --shard: the block of runs this shard ran (then no headline, summary or report)'),
    })
    .describe('a Monte Carlo experiment run and written'),
  merge: z
    .strictObject({
      scenario: z.string(),
      outDir: path,
      runs: z.int().describe('runs (per variant for compare shards)'),
      completed: z.int().describe('over every variant for compare shards'),
      errored: z.int(),
      variants: z
        .array(z.string())
        .nullable()
        .describe('shards of compare: the variants merged and compared; null for shards of simulate'),
      shards: z.array(z.strictObject({ dir: z.string(), shard: shardJson })).describe('in run order'),
      headline: z.array(z.string()),
      report: path
        .nullable()
        .describe('report.html (compare.html for compare shards), null when it could not be written'),
      files: z.array(path),
    })
    .describe('shards of an experiment merged into its outputs'),
  compare: z
    .strictObject({
      scenario: z.string(),
      outDir: path,
      variants: z.array(z.string()),
      runs: z.int().describe('runs per variant'),
      wallTimeMs: z.number().nullable().describe('null when stopped'),
      headline: z.array(z.string()),
      comparison: path.nullable().describe('compare.html, null when stopped before the comparison'),
      stopped: z.boolean().describe('Ctrl-C stopped it (exit 130)'),
      shard: shardJson
        .nullable()
        .describe('with --shard: the block of runs each variant ran (then nothing is compared)'),
    })
    .describe('a scenario’s variants run on the same seeds and compared'),
  sweep: z
    .strictObject({
      scenario: z.string(),
      outDir: path,
      method: z.enum(SWEEP_METHODS),
      points: z.int().describe('points of the design'),
      runsPerPoint: z.int().describe('paired runs per point'),
      completed: z.int(),
      errored: z.int(),
      stopped: z.boolean().describe('Ctrl-C stopped it: no sweep written (exit 130)'),
      workers: z.int(),
      wallTimeMs: z.number(),
      sobol: z
        .array(
          z.strictObject({
            outcome: z.string(),
            parameter: z.string(),
            firstOrder: interval.describe('first-order index'),
            total: interval.describe('total-effect index'),
          }),
        )
        .nullable()
        .describe('the Sobol’ indices per outcome and parameter, null unless the method is sobol'),
      report: path.nullable().describe('report.html, null when stopped'),
      files: z.array(path),
    })
    .describe('a parameter sweep run on the same seeds, with Sobol’ indices for a sobol design'),
  backtest: z
    .strictObject({
      scenario: z.string(),
      from: z.string(),
      to: z.string(),
      seed: z.int(),
      completed: z.int(),
      errored: z.int(),
      wallTimeMs: z.number(),
      errors: z
        .array(
          z.strictObject({
            metric: z.string(),
            window: z.string(),
            from: z.string(),
            to: z.string(),
            dates: z.int().describe('dates compared'),
            missingRuns: z.int(),
            coverage: figure.describe('share of the dates whose recorded value lies in [p5, p95]'),
            mdape: figure.describe('median |p50 − recorded| / |recorded|'),
            lastDate: z.string().nullable(),
            lastError: figure,
          }),
        )
        .describe('how the fans matched the record, per metric and window'),
      facts: z.array(
        z.strictObject({
          name: z.string(),
          description: z.string(),
          recorded: figure,
          unit: z.string(),
          date: z.string(),
          source: z.string(),
          simulated: figure,
          note: z.string(),
        }),
      ),
      files: z.strictObject({ csv: path, json: path, html: path }),
    })
    .describe('the recorded network replayed and compared with the simulated futures'),
  calibrate: z
    .strictObject({ file: path, calibration: calibrationFileSchema })
    .describe('parameters fitted to the recorded network, as written to the calibration file'),
  'calibrate demand': z
    .strictObject({
      file: path.describe('the price file read'),
      estimate: z
        .strictObject({
          first: z.string(),
          last: z.string(),
          returns: z.int(),
          years: z.number(),
          driftPerYear: z.number(),
          driftStandardError: z.number(),
          totalVolatilityPerYear: z.number(),
          volatilityPerYear: z.number(),
          jumpsPerYear: z.number(),
          jumpMean: figure,
          jumpStdev: figure,
          jumpRms: figure,
          jumpsUp: z.int(),
          jumpsDown: z.int(),
          k: z.number(),
          scale: z.number(),
        })
        .describe('log drift, volatility and jumps per year (null where too few jumps)'),
    })
    .describe('TAO demand estimated from daily TAO/USD prices'),
  'scenario validate': z
    .strictObject({
      file: z.string(),
      name: z.string(),
      runs: z.int(),
      horizon: z.string(),
      horizonDays: z.number(),
      step: z.string(),
      recordEvery: z.number(),
      seed: z.int(),
    })
    .describe(
      'a valid scenario (an invalid one is the error INVALID_SCENARIO, every problem in its message)',
    ),
  'scenario schema': z
    .looseObject({})
    .describe('the JSON Schema of scenario files (the same with or without --json-output)'),
  'snapshot import': z
    .strictObject({
      out: path,
      snapshot: startingStateSchema.shape.snapshot,
      files: z.array(sourceFileSchema),
      figures: z.record(z.string(), figure).describe('counts, medians and the split of alpha, as printed'),
      gaps: z.array(gapSchema).describe('the snapshot’s gaps and how each was filled'),
    })
    .describe('a starting-state file written from recorded chain snapshots'),
  epoch: z
    .strictObject({
      path: z.enum(['exact', 'fast']),
      epochs: z.array(
        z.strictObject({
          block: z.int(),
          consensus: u16Row,
          incentive: u16Row,
          dividends: u16Row,
          validator_trust: u16Row,
          validator_permit: z.array(z.boolean()),
          bonds: z.array(u16Row).describe('the bonds to store, u16 rows'),
          server_emission: z.array(alphaAmount),
          validator_emission: z.array(alphaAmount),
        }),
      ),
    })
    .describe('Yuma Consensus on a case file, per epoch (u16 values are parts of 65535)'),
  conformance: z
    .strictObject({
      results: z.array(
        z.strictObject({
          file: z.string(),
          name: z.string(),
          kind: z.string(),
          status: z.enum(['pass', 'fail', 'unsupported']),
          details: z.array(z.string()),
        }),
      ),
      passed: z.int(),
      failed: z.int().describe('failed or unsupported (exit 1 when any)'),
    })
    .describe('the engine checked against the chain’s test vectors'),
  localnet: served.describe(
    'a local network serving: one line, printed once it listens (the process keeps running)',
  ),
  'node start': served.describe(
    'a node serving a chosen genesis: one line, printed once it listens (the process keeps running)',
  ),
  'node genesis': z
    .looseObject({ format: z.string(), sudo: address })
    .describe('a genesis file (the dev network’s unless edited): what `node start --genesis` reads'),
  demo: z
    .strictObject({
      network,
      netuid,
      block: z.int().describe('the block the metagraph was read at'),
      rounds: z.int().describe('validator rounds run'),
      difficulty: z.number().nullable().describe('the task’s difficulty in the last round'),
      roundsFile: path.describe('the validator’s round records (JSON lines)'),
      miners: z
        .array(
          z.strictObject({
            uid: z.int(),
            label: z.string().describe('the miner’s model or behaviour'),
            hotkey: address,
            adversary: z.boolean(),
            accuracy: z.number().describe('the validator’s score over all rounds (0..1)'),
            accuracyLow: z.number().describe('95 % Wilson interval, low end'),
            accuracyHigh: z.number().describe('95 % Wilson interval, high end'),
            answers: z.int().describe('answers scored'),
            incentive: z.number(),
            emission: alphaAmount.describe('alpha of the last epoch'),
          }),
        )
        .describe('best incentive first'),
    })
    .describe('the glyphs subnet after its run: each miner’s measured accuracy beside its incentive'),
  'schema cli': z.looseObject({}).describe('this document'),
} as const;

/** The words that run a command with published output, e.g. `wallet balance`. */
export type CliCommand = keyof typeof CLI_JSON_SHAPES;

/** What a command prints for `command`. */
export type CliOutput<C extends CliCommand> = z.input<(typeof CLI_JSON_SHAPES)[C]>;

/** What every command prints with `--json-output` when it fails (and exits with 2). */
export const CLI_ERROR_SHAPE = z
  .strictObject({
    error: z.strictObject({
      code: z.string().describe('a stable code, e.g. WRONG_PASSWORD, NotEnoughBalance, RPC_UNREACHABLE'),
      field: z.string().nullable().describe('the option or input at fault, e.g. --amount; null when none'),
      message: z.string().describe('what went wrong and how to fix it'),
    }),
  })
  .describe('a failed command');
