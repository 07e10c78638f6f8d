/** The chain-state file (`chain_state_2026.csv` and files with its columns): rows checked one by one. */
import { csvTable } from './csvTable.ts';
import { rowReader } from './rowReader.ts';
import type { SnapshotProblem } from './snapshotError.ts';
import type { SnapshotLabel, StartSubnet } from './startingState.ts';

/** The columns of the chain-state file, in its order. */
export const CHAIN_STATE_COLUMNS = [
  'label',
  'netuid',
  'state_block',
  'registered_block',
  'owner_coldkey',
  'alpha_issued',
  'alpha_in_pool',
  'alpha_staked_by_wallets',
  'alpha_staked_total',
  'alpha_protocol_owned',
  'alpha_burned',
  'alpha_burned_share',
  'owner_alpha',
  'owner_alpha_share_issued',
  'stake_share_owner_validator',
  'owner_locked_alpha',
  'owner_lock_share_owner_alpha',
  'ownerhk_locked_alpha',
  'ownerhk_lock_share_issued',
  'owner_lock_perpetual',
  'owner_cut_autolock',
  'validators_n',
  'owner_validator_div_share',
  'validator_stake_hhi',
  'commit_reveal_on',
  'yuma3_on',
  'liquid_alpha_on',
  'mech_count',
  'max_neurons',
  'uids_registered_now',
  'uids_immune_share_now',
  'rao_recycled_cumulative',
  'startup_mode',
] as const;

/**
 * How far alpha_issued may sit from the sum of its four parts: the five amounts are each rounded to 6
 * decimals (±5e-7), so up to 2.5e-6 (two rows of the 2026 file are 2e-6 off; the data README says 1e-6).
 */
export const ALPHA_IDENTITY_TOLERANCE = 2.5e-6;

/** A subnet's row of the chain-state file, without the roster's fields yet. */
export type ChainStateRow = Omit<StartSubnet, 'name' | 'firstEmissionBlock' | 'tempo'> & {
  readonly line: number;
  readonly stateBlock: number;
};

/** The rows of one label and how many rows the file has. */
export interface ChainState {
  readonly rows: readonly ChainStateRow[];
  readonly recordCount: number;
}

/** Largest netuid accepted (the chain's u16). */
const MAX_NETUID = 65_535;

/**
 * Check every row of a chain-state file (both labels) and return the rows of `label`; each problem
 * goes to `problems`.
 * @example parseChainState({ file: 'chain_state_2026.csv', text, label: 't', problems }).rows.length // 128
 */
export function parseChainState(args: {
  file: string;
  text: string;
  label: SnapshotLabel;
  problems: SnapshotProblem[];
}): ChainState {
  const { file, text, label, problems } = args;
  const table = csvTable({
    file,
    text,
    columns: CHAIN_STATE_COLUMNS,
    example: 'chain_state_2026.csv',
    problems,
  });
  if (!table.usable) return { rows: [], recordCount: table.recordCount };
  const selected: ChainStateRow[] = [];
  const seen = new Map<string, number>();
  const blockOf = new Map<string, { block: number; line: number }>();
  for (const { line, fields } of table.rows) {
    const before = problems.length;
    const r = rowReader({ file, line, header: table.header, fields, problems });
    const rowLabel = r.text('label').trim();
    if (rowLabel !== 't' && rowLabel !== 'lag') {
      r.problem(
        'label',
        `expected t or lag, got "${rowLabel}"; write t (snapshot block) or lag (30 days earlier)`,
      );
    }
    const netuid = r.int('netuid', { min: 1, max: MAX_NETUID });
    const key = `${rowLabel} ${netuid}`;
    const first = seen.get(key);
    if (!r.ok('netuid', 'label')) {
      // A bad netuid or label cannot be compared with the other rows.
    } else if (first !== undefined) {
      r.problem(
        'netuid',
        `netuid ${netuid} appears again for label ${rowLabel} (first on line ${first}); keep one row`,
      );
    } else {
      seen.set(key, line);
    }
    const stateBlock = r.int('state_block', { min: 0 });
    const labelBlock = blockOf.get(rowLabel);
    if (!r.ok('state_block', 'label')) {
      // Nothing to compare.
    } else if (labelBlock === undefined) blockOf.set(rowLabel, { block: stateBlock, line });
    else if (labelBlock.block !== stateBlock) {
      r.problem(
        'state_block',
        `${stateBlock} differs from ${labelBlock.block} on line ${labelBlock.line}; all ${rowLabel} rows must be read at one block`,
      );
    }
    const registeredBlock = r.int('registered_block', { min: 0 });
    if (r.ok('registered_block', 'state_block') && registeredBlock > stateBlock) {
      r.problem(
        'registered_block',
        `${registeredBlock} is after state_block ${stateBlock}; check the two blocks`,
      );
    }
    const ownerColdkey = r.text('owner_coldkey').trim();
    if (!/^[1-9A-HJ-NP-Za-km-z]{40,60}$/.test(ownerColdkey)) {
      r.problem('owner_coldkey', `"${ownerColdkey}" is not an SS58 address; write the owner's SS58 coldkey`);
    }
    const amount = (column: string) => r.num(column, { min: 0 });
    const share = (column: string) => r.num(column, { min: 0, max: 1 });
    const optionalShare = (column: string) => r.num(column, { min: 0, max: 1, nullable: true });
    const alphaIssued = amount('alpha_issued');
    const alphaInPool = amount('alpha_in_pool');
    const alphaStakedByWallets = amount('alpha_staked_by_wallets');
    const alphaStakedTotal = r.num('alpha_staked_total', { min: 0, nullable: true });
    const alphaProtocolOwned = amount('alpha_protocol_owned');
    const alphaBurned = amount('alpha_burned');
    const burnedShare = share('alpha_burned_share');
    const ownerAlpha = amount('owner_alpha');
    const ownerShare = share('owner_alpha_share_issued');
    const ownerLockedAlpha = amount('owner_locked_alpha');
    optionalShare('owner_lock_share_owner_alpha');
    const ownerHotkeyLockedAlpha = amount('ownerhk_locked_alpha');
    const hkLockShare = share('ownerhk_lock_share_issued');
    const uidsRegistered = r.int('uids_registered_now', { min: 0 });
    const maxNeurons = r.int('max_neurons', { min: 0 });
    const raoText = r.text('rao_recycled_cumulative').trim();
    if (!/^\d+$/.test(raoText)) {
      r.problem(
        'rao_recycled_cumulative',
        `expected a whole number of RAO, got "${raoText}"; write digits only`,
      );
    }
    const row: ChainStateRow = {
      line,
      stateBlock,
      netuid,
      registeredBlock,
      ownerColdkey,
      alphaIssued,
      alphaInPool,
      alphaStakedByWallets,
      alphaStakedTotal,
      alphaProtocolOwned,
      alphaBurned,
      ownerAlpha,
      ownerLockedAlpha,
      ownerHotkeyLockedAlpha,
      ownerValidatorStakeShare: optionalShare('stake_share_owner_validator'),
      ownerValidatorDividendShare: optionalShare('owner_validator_div_share'),
      validators: r.int('validators_n', { min: 0 }),
      validatorStakeHhi: optionalShare('validator_stake_hhi'),
      mechanisms: r.int('mech_count', { min: 0 }),
      maxNeurons,
      uidsRegistered,
      uidsImmuneShare: optionalShare('uids_immune_share_now'),
      raoRecycledCumulative: raoText,
      flags: {
        ownerLockPerpetual: r.flag('owner_lock_perpetual'),
        ownerCutAutolock: r.flag('owner_cut_autolock'),
        commitReveal: r.flag('commit_reveal_on'),
        yuma3: r.flag('yuma3_on'),
        liquidAlpha: r.flag('liquid_alpha_on'),
        startupMode: r.flag('startup_mode'),
      },
    };
    // The identities only mean something once every amount has been read.
    if (problems.length === before) {
      const parts = alphaInPool + alphaStakedByWallets + alphaProtocolOwned + alphaBurned;
      if (Math.abs(alphaIssued - parts) > ALPHA_IDENTITY_TOLERANCE + 1e-12 * alphaIssued) {
        r.problem(
          'alpha_issued',
          `${alphaIssued} is not alpha_in_pool + alpha_staked_by_wallets + alpha_protocol_owned + alpha_burned = ${round6(parts)} (off by ${round6(alphaIssued - parts)}); correct the amounts`,
        );
      }
      checkRatio(
        r,
        'alpha_burned_share',
        burnedShare,
        alphaBurned,
        alphaIssued,
        'alpha_burned / alpha_issued',
      );
      checkRatio(
        r,
        'owner_alpha_share_issued',
        ownerShare,
        ownerAlpha,
        alphaIssued,
        'owner_alpha / alpha_issued',
      );
      checkRatio(
        r,
        'ownerhk_lock_share_issued',
        hkLockShare,
        ownerHotkeyLockedAlpha,
        alphaIssued,
        'ownerhk_locked_alpha / alpha_issued',
      );
      if (uidsRegistered > maxNeurons) {
        r.problem(
          'uids_registered_now',
          `${uidsRegistered} is more than max_neurons ${maxNeurons}; check both counts`,
        );
      }
    }
    if (rowLabel === label) selected.push(row);
  }
  if (selected.length === 0 && table.rows.length > 0) {
    const other = label === 't' ? 'lag' : 't';
    problems.push({
      file,
      line: 0,
      column: 'label',
      message: `no rows labelled ${label}; choose --label ${other} or add the ${label} rows`,
    });
  }
  return { rows: selected, recordCount: table.recordCount };
}

function round6(x: number): string {
  return x.toFixed(6);
}

/** A share column must equal its ratio (the source computed it from the same row). */
function checkRatio(
  r: ReturnType<typeof rowReader>,
  column: string,
  share: number,
  numerator: number,
  denominator: number,
  formula: string,
): void {
  if (denominator <= 0) return;
  const expected = numerator / denominator;
  if (Math.abs(share - expected) > 1e-9) {
    r.problem(column, `${share} is not ${formula} = ${expected}; correct the share or the amounts`);
  }
}
