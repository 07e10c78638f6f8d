/**
 * `tensormarket stake|st …` in btcli's grammar: add, remove, move and list. Every value-moving verb is
 * protected against slippage unless `--unsafe`: add and remove send a limit price computed from the
 * pool's current price and `--tolerance` (default 0.05) that the chain enforces (`add_stake_limit`,
 * `remove_stake_limit`; `--partial` fills what the limit allows instead of refusing); move, which the
 * chain takes without a limit, is quoted first and refused when the quote loses more than the tolerance.
 */
import { type Command, Option } from 'commander';
import { InputError } from '../engine/errors.ts';
import { type AmountJson, amountJson, parseAmount } from '../sdk/amount/amount.ts';
import { nodeViews } from '../sdk/client/nodeViews.ts';
import { receiptEvent } from '../sdk/client/receiptEvents.ts';
import { TransactionFailure } from '../sdk/client/transactionFailure.ts';
import type { Ss58Address } from '../sdk/keys/ss58.ts';
import { hotkeyAddress } from '../sdk/wallet/walletKeys.ts';
import {
  addressOption,
  btcliCommand,
  type Context,
  finish,
  type NodeOptions,
  netuidOption,
  networkOptions,
  parsePeriod,
  periodOption,
  signingColdkey,
  walletColdkeyAddress,
  walletHotkeyAddress,
  withNode,
} from './btcliCommand.ts';
import { dim, green } from './output.ts';
import { sendTransaction, sentJson } from './sendTransaction.ts';
import { SlippageError } from './slippageError.ts';
import {
  buyLimitPrice,
  DEFAULT_TOLERANCE,
  moveSlippage,
  parseTolerance,
  priceRao,
  sellLimitPrice,
  type TolerancePpb,
  toleranceNumber,
  withinTolerance,
} from './slippageTolerance.ts';
import { subnetOf } from './subnets.ts';

/** Options of the stake commands. */
interface StakeOptions extends NodeOptions {
  readonly netuid?: string;
  readonly amount?: string;
  readonly hotkeySs58?: string;
  readonly safe?: boolean;
  readonly unsafe?: boolean;
  readonly tolerance: string;
  /** btcli's older name of `--tolerance`. */
  readonly rateTolerance?: string;
  readonly partial?: boolean;
  readonly originNetuid?: string;
  readonly destNetuid?: string;
  readonly destHotkey?: string;
  readonly destSs58?: string;
  readonly ss58?: string;
}

/** The option behind each argument of the stake calls. */
const CALL_OPTIONS = {
  netuid: '--netuid',
  hotkey: '--wallet-hotkey',
  amount: '--amount',
  limitPrice: '--tolerance',
  signer: '--wallet-name',
  originNetuid: '--origin-netuid',
  destinationNetuid: '--dest-netuid',
  originHotkey: '--wallet-hotkey',
  destinationHotkey: '--dest-hotkey',
} as const;

const tao = (rao: bigint) => `${amountJson(rao).tao} τ`;
const alpha = (units: bigint) => `${amountJson(units).tao} α`;

/** Slippage protection as asked: null with `--unsafe`, else the tolerance and whether partial fills are fine. */
function protection(opts: StakeOptions): { tolerance: TolerancePpb; partial: boolean } | null {
  if (opts.safe === true && opts.unsafe === true)
    throw new InputError('--unsafe', 'give --safe (the default) or --unsafe, not both');
  const tolerance = parseTolerance(opts.rateTolerance ?? opts.tolerance);
  return opts.unsafe === true ? null : { tolerance, partial: opts.partial === true };
}

/** The hotkey staked on: `--hotkey-ss58`, else the wallet's hotkey. */
function stakeHotkey(opts: StakeOptions, ctx: Context): Promise<Ss58Address> {
  return opts.hotkeySs58 === undefined
    ? walletHotkeyAddress(ctx)
    : Promise.resolve(addressOption(opts.hotkeySs58, '--hotkey-ss58'));
}

/** A positive `--amount`. */
function positiveAmount(opts: StakeOptions, unit: string): bigint {
  if (opts.amount === undefined) throw new InputError('--amount', `required: the ${unit}, e.g. 1.5`);
  const amount = parseAmount(opts.amount, '--amount');
  if (amount === 0n) throw new InputError('--amount', `give more than 0 ${unit}`);
  return amount;
}

/** The safety fields as printed. */
function safetyJson(guard: { tolerance: TolerancePpb; partial: boolean }, price: number, limit: bigint) {
  return {
    tolerance: toleranceNumber(guard.tolerance),
    partial: guard.partial,
    price,
    limitPrice: amountJson(limit),
  };
}

/** A stake subcommand: wallet and node flags, and with `sends` the transaction and safety flags. */
function stakeCommand(
  group: Command,
  name: string,
  description: string,
  run: (opts: StakeOptions, ctx: Context) => Promise<void>,
  sends: boolean,
): Command {
  const command = networkOptions(
    btcliCommand<StakeOptions>({ group, name, description, run, callOptions: CALL_OPTIONS }),
  );
  if (!sends) return command;
  return periodOption(command)
    .option('--safe', 'protect against slippage with a limit price (the default)')
    .option('--unsafe', 'no slippage protection: plain add_stake / remove_stake / move_stake')
    .option('--tolerance <fraction>', 'how far the price may move, 0 to 1 (0.05 = 5 %)', DEFAULT_TOLERANCE)
    .addOption(new Option('--rate-tolerance <fraction>').hideHelp())
    .option('--partial', 'with --safe: fill what the limit price allows instead of refusing the order')
    .addOption(new Option('--allow-partial').hideHelp().implies({ partial: true }))
    .addOption(new Option('--no-partial', 'refuse an order the limit price cannot fill whole (the default)'))
    .option('--hotkey-ss58 <address>', 'stake on this hotkey instead of the wallet’s');
}

/**
 * {@link sendTransaction} for a limit order: the chain's `SlippageTooHigh` is told as what to change.
 * `side` says which way the limit bounds the price.
 */
async function sendLimitOrder(
  request: Parameters<typeof sendTransaction>[0],
  limit: { readonly price: bigint; readonly tolerance: TolerancePpb; readonly side: 'buy' | 'sell' } | null,
) {
  try {
    return await sendTransaction(request);
  } catch (error) {
    if (limit === null || !(error instanceof TransactionFailure) || error.reason.code !== 'SlippageTooHigh')
      throw error;
    const pct = (100 * toleranceNumber(limit.tolerance)).toFixed(2);
    throw new SlippageError(
      `block ${error.block} refused the order: it would move the price past the limit ${amountJson(limit.price).tao} τ/α (${limit.side === 'buy' ? '+' : '−'}${pct} %); give a smaller --amount, a larger --tolerance, or --partial to fill what the limit allows`,
      { id: error.id, block: error.block, limitPrice: limit.price.toString() },
      { cause: error },
    );
  }
}

/** What differs between staking (buying alpha) and unstaking (selling it) through the pool. */
const SWAP_SIDES = {
  buy: {
    unit: 'TAO',
    plain: 'add_stake',
    limited: 'add_stake_limit',
    limitPrice: buyLimitPrice,
    what: 'stake add',
    ask: (amount: bigint) => `Stake ${tao(amount)} on`,
    bound: 'paying at most',
  },
  sell: {
    unit: 'alpha',
    plain: 'remove_stake',
    limited: 'remove_stake_limit',
    limitPrice: sellLimitPrice,
    what: 'stake remove',
    ask: (amount: bigint) => `Sell ${alpha(amount)} of`,
    bound: 'taking at least',
  },
} as const;

/** A swap the chain included, with what every swap prints. */
interface SwapOrder {
  readonly included: NonNullable<Awaited<ReturnType<typeof sendTransaction>>>;
  readonly amount: bigint;
  readonly sent: {
    network: string;
    id: string;
    block: number;
    coldkey: string;
    hotkey: string;
    netuid: number;
  };
  readonly safe: ReturnType<typeof safetyJson> | null;
  readonly balance: { before: AmountJson; after: AmountJson };
}

/**
 * Stake or unstake `--amount` on `--netuid` as `side` says: a limit order from the pool's price and the
 * tolerance unless --unsafe, confirmed unless -y; `report` prints what was included.
 */
async function swapStake(
  opts: StakeOptions,
  ctx: Context,
  side: keyof typeof SWAP_SIDES,
  report: (order: SwapOrder) => void,
): Promise<void> {
  const terms = SWAP_SIDES[side];
  const netuid = netuidOption(opts.netuid);
  const amount = positiveAmount(opts, terms.unit);
  const guard = protection(opts);
  const period = parsePeriod(opts.period ?? '');
  const hotkey = await stakeHotkey(opts, ctx);
  const keypair = await signingColdkey(ctx);
  await withNode(opts, async (client) => {
    const [subnet, before] = await Promise.all([subnetOf(client, netuid), client.balance(keypair.address)]);
    const limit = guard === null ? null : terms.limitPrice(priceRao(subnet.price), guard.tolerance);
    const args = { hotkey, netuid, amount: amount.toString() };
    const included = await sendLimitOrder(
      {
        ctx,
        client,
        keypair,
        call:
          guard === null || limit === null
            ? { name: terms.plain, args }
            : {
                name: terms.limited,
                args: { ...args, limitPrice: limit.toString(), allowPartial: guard.partial },
              },
        period,
        question: `${terms.ask(amount)} ${hotkey} on subnet ${netuid} at ${subnet.price} τ/α${limit === null ? ' without a limit' : `, ${terms.bound} ${amountJson(limit).tao} τ/α`}?`,
        what: terms.what,
      },
      guard === null || limit === null ? null : { price: limit, tolerance: guard.tolerance, side },
    );
    if (included === null) return;
    const after = await client.balance(keypair.address);
    report({
      included,
      amount,
      sent: {
        ...sentJson(client.httpUrl, included),
        coldkey: keypair.address,
        hotkey,
        netuid,
      },
      safe: guard === null || limit === null ? null : safetyJson(guard, subnet.price, limit),
      balance: { before: amountJson(before), after: amountJson(after) },
    });
  });
}

/** Register `stake` (alias `st`) and its subcommands. */
export function registerStake(program: Command): void {
  const stake = program
    .command('stake')
    .alias('st')
    .description('stake: add, remove, move (slippage-protected unless --unsafe), list');

  stakeCommand(
    stake,
    'add',
    'stake TAO on a hotkey on a subnet: buy its alpha through the pool',
    (opts, ctx) =>
      swapStake(opts, ctx, 'buy', (order) => {
        const added = receiptEvent(order.included.events, 'StakeAdded');
        finish(
          ctx,
          'stake add',
          {
            ...order.sent,
            amount: amountJson(order.amount),
            spent: amountJson(added.tao),
            fee: amountJson(added.fee),
            alpha: amountJson(added.alpha),
            safe: order.safe,
            balance: order.balance,
          },
          () => {
            ctx.say(
              `${green('staked')} ${tao(added.tao)} for ${alpha(added.alpha)} on subnet ${order.sent.netuid} in block ${order.sent.block}`,
            );
            if (order.safe !== null) ctx.say(dim(`  limit price ${order.safe.limitPrice.tao} τ/α`));
          },
        );
      }),
    true,
  )
    .option('--netuid <n>', 'the subnet')
    .option('--amount <tao>', 'the TAO to stake, e.g. 10 (at most 9 decimals)');

  stakeCommand(
    stake,
    'remove',
    'remove stake: sell alpha of a hotkey on a subnet through the pool for TAO',
    (opts, ctx) =>
      swapStake(opts, ctx, 'sell', (order) => {
        const removed = receiptEvent(order.included.events, 'StakeRemoved');
        finish(
          ctx,
          'stake remove',
          {
            ...order.sent,
            amount: amountJson(order.amount),
            sold: amountJson(removed.alpha),
            fee: amountJson(removed.fee),
            received: amountJson(removed.tao),
            safe: order.safe,
            balance: order.balance,
          },
          () => {
            ctx.say(
              `${green('unstaked')} ${alpha(removed.alpha)} for ${tao(removed.tao)} on subnet ${order.sent.netuid} in block ${order.sent.block}`,
            );
            if (order.safe !== null) ctx.say(dim(`  limit price ${order.safe.limitPrice.tao} τ/α`));
          },
        );
      }),
    true,
  )
    .option('--netuid <n>', 'the subnet')
    .option('--amount <alpha>', 'the alpha to sell, e.g. 5 (at most 9 decimals)');

  stakeCommand(
    stake,
    'move',
    'move stake to another hotkey (--dest-hotkey, --dest-ss58) and/or subnet (--dest-netuid)',
    async (opts, ctx) => {
      const originNetuid = netuidOption(opts.originNetuid, '--origin-netuid');
      const destinationNetuid =
        opts.destNetuid === undefined ? originNetuid : netuidOption(opts.destNetuid, '--dest-netuid');
      const amount = positiveAmount(opts, 'alpha');
      const guard = protection(opts);
      if (opts.partial === true)
        throw new InputError('--partial', 'a move is whole or refused; drop --partial');
      const period = parsePeriod(opts.period ?? '');
      const originHotkey = await stakeHotkey(opts, ctx);
      if (opts.destHotkey !== undefined && opts.destSs58 !== undefined)
        throw new InputError(
          '--dest-ss58',
          'give --dest-hotkey (a hotkey of the wallet) or --dest-ss58, not both',
        );
      const destinationHotkey =
        opts.destSs58 !== undefined
          ? addressOption(opts.destSs58, '--dest-ss58')
          : opts.destHotkey !== undefined
            ? await hotkeyAddress({
                walletPath: ctx.wallet.walletPath,
                name: ctx.wallet.name,
                hotkey: opts.destHotkey,
              })
            : originHotkey;
      if (destinationHotkey === originHotkey && destinationNetuid === originNetuid)
        throw new InputError(
          '--dest-netuid',
          'the destination equals the origin; give --dest-netuid, --dest-hotkey or --dest-ss58',
        );
      const keypair = await signingColdkey(ctx);
      await withNode(opts, async (client) => {
        let slippage = 0;
        if (guard !== null && originNetuid !== destinationNetuid) {
          const [origin, destination] = await Promise.all([
            subnetOf(client, originNetuid, '--origin-netuid'),
            subnetOf(client, destinationNetuid, '--dest-netuid'),
          ]);
          const views = nodeViews(client.httpUrl);
          const sold = await views.simulateSwap(originNetuid, { alphaIn: amount });
          const bought = await views.simulateSwap(destinationNetuid, { taoIn: sold.amountOut });
          slippage = moveSlippage({
            alpha: amount,
            originPrice: priceRao(origin.price),
            destinationPrice: priceRao(destination.price),
            alphaOut: bought.amountOut,
          });
          if (!withinTolerance(slippage, guard.tolerance))
            throw new SlippageError(
              `the move would lose ${(100 * slippage).toFixed(2)} % to the pools, more than the tolerance ${(100 * toleranceNumber(guard.tolerance)).toFixed(2)} %; move less, raise --tolerance or pass --unsafe`,
              { slippage, tolerance: toleranceNumber(guard.tolerance) },
            );
        }
        const included = await sendTransaction({
          ctx,
          client,
          keypair,
          call: {
            name: 'move_stake',
            args: {
              originHotkey,
              destinationHotkey,
              originNetuid,
              destinationNetuid,
              amount: amount.toString(),
            },
          },
          period,
          question: `Move ${alpha(amount)} from ${originHotkey} on subnet ${originNetuid} to ${destinationHotkey} on subnet ${destinationNetuid}?`,
          what: 'stake move',
        });
        if (included === null) return;
        const moved = receiptEvent(included.events, 'StakeMoved');
        finish(
          ctx,
          'stake move',
          {
            ...sentJson(client.httpUrl, included),
            coldkey: keypair.address,
            originHotkey,
            destinationHotkey,
            originNetuid,
            destinationNetuid,
            amount: amountJson(amount),
            moved: amountJson(moved.alpha),
            safe:
              guard === null
                ? null
                : { tolerance: toleranceNumber(guard.tolerance), quotedSlippage: slippage },
          },
          () =>
            ctx.say(
              `${green('moved')} ${alpha(amount)} → ${alpha(moved.alpha)} to ${destinationHotkey} on subnet ${destinationNetuid} in block ${included.block}`,
            ),
        );
      });
    },
    true,
  )
    .option('--origin-netuid <n>', 'the subnet the stake is on')
    .option('--dest-netuid <n>', 'the subnet to move it to (default: the same)')
    .option('--dest-hotkey <name>', 'a hotkey of the wallet to move it to')
    .option('--dest-ss58 <address>', 'a hotkey address to move it to')
    .option('--amount <alpha>', 'the alpha to move');

  stakeCommand(
    stake,
    'list',
    'a coldkey’s stake: alpha per hotkey and subnet, and its TAO value',
    async (opts, ctx) => {
      const coldkey =
        opts.ss58 === undefined ? await walletColdkeyAddress(ctx) : addressOption(opts.ss58, '--ss58');
      await withNode(opts, async (client) => {
        const positions = await nodeViews(client.httpUrl).stake(coldkey);
        const total = positions.reduce((sum, p) => sum + p.taoValue, 0n);
        finish(
          ctx,
          'stake list',
          {
            network: client.httpUrl,
            coldkey,
            stakes: positions.map((p) => ({
              hotkey: p.hotkey,
              netuid: p.netuid,
              alpha: amountJson(p.alpha),
              taoValue: amountJson(p.taoValue),
            })),
            total: amountJson(total),
          },
          () => {
            ctx.say(`stake of ${coldkey}${positions.length === 0 ? ': none' : ''}`);
            for (const p of positions)
              ctx.say(
                `  subnet ${String(p.netuid).padStart(3)}  ${p.hotkey}  ${alpha(p.alpha).padStart(18)}  ${tao(p.taoValue)}`,
              );
            ctx.say(`  total ${tao(total)}`);
          },
        );
      });
    },
    false,
  ).option('--ss58 <address>', 'the coldkey to list (default: the wallet’s)');
}
