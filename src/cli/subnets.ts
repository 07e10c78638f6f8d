/**
 * `tensormarket subnets|s …` in btcli's grammar: list, show, create (register_network with the wallet's
 * hotkey as owner hotkey), start (start_call), register (burned_register), metagraph, price, burn-cost
 * and hyperparameters; with btcli's wallet flags, `--network`, `--period`, `--json-output`/`--json` and
 * `--no-prompt`/`-y`.
 */
import type { Command } from 'commander';
import { InputError } from '../engine/errors.ts';
import { amountJson } from '../sdk/amount/amount.ts';
import type { ChainClient } from '../sdk/client/chainClient.ts';
import { nodeViews } from '../sdk/client/nodeViews.ts';
import { receiptEvent } from '../sdk/client/receiptEvents.ts';
import type { SubnetView } from '../sdk/client/rpcResults.ts';
import {
  btcliCommand,
  type Context,
  finish,
  type NodeOptions,
  netuidOption,
  networkOptions,
  parsePeriod,
  periodOption,
  signingColdkey,
  walletHotkeyAddress,
  withNode,
} from './btcliCommand.ts';
import { dim, green } from './output.ts';
import { sendTransaction, sentJson } from './sendTransaction.ts';

/** Options of the subnets commands. */
interface SubnetsOptions extends NodeOptions {
  readonly netuid?: string;
}

/** The option behind each argument of the subnet calls. */
const CALL_OPTIONS = { netuid: '--netuid', hotkey: '--wallet-hotkey', signer: '--wallet-name' } as const;

/** A subnet as printed. */
function subnetJson(s: SubnetView) {
  return {
    netuid: s.netuid,
    owner: s.owner,
    ownerHotkey: s.ownerHotkey,
    registeredAt: s.registeredAt,
    tempo: s.tempo,
    price: s.price,
    taoIn: amountJson(s.taoIn),
    alphaIn: amountJson(s.alphaIn),
    alphaOut: amountJson(s.alphaOut),
    neurons: s.neurons,
    burn: amountJson(s.burn),
  };
}

/** TAO for a person: the amount with its unit. */
const tao = (rao: bigint) => `${amountJson(rao).tao} τ`;
const alpha = (units: bigint) => `${amountJson(units).tao} α`;

/**
 * Subnet `netuid` from the node's list; an InputError naming `option` lists the netuids when absent.
 * @example const s = await subnetOf(client, 1, '--netuid')
 */
export async function subnetOf(
  client: ChainClient,
  netuid: number,
  option = '--netuid',
): Promise<SubnetView> {
  const subnets = await client.subnets();
  const found = subnets.find((s) => s.netuid === netuid);
  if (found === undefined)
    throw new InputError(
      option,
      `no subnet ${netuid} on ${client.httpUrl}; subnets: ${subnets.map((s) => s.netuid).join(', ')}`,
    );
  return found;
}

/** A subnets subcommand that reaches a node (and, with `sends`, sends a transaction). */
function subnetsCommand(
  group: Command,
  name: string,
  description: string,
  run: (opts: SubnetsOptions, ctx: Context) => Promise<void>,
  sends = false,
): Command {
  const command = networkOptions(
    btcliCommand<SubnetsOptions>({ group, name, description, run, callOptions: CALL_OPTIONS }),
  );
  return sends ? periodOption(command) : command;
}

/** Register `subnets` (alias `s`) and its subcommands. */
export function registerSubnets(program: Command): void {
  const subnets = program
    .command('subnets')
    .alias('s')
    .description(
      'subnets: list, show, create, start, register, metagraph, price, burn-cost, hyperparameters',
    );

  subnetsCommand(subnets, 'list', 'list the subnets with their pools', async (opts, ctx) => {
    await withNode(opts, async (client) => {
      const list = await client.subnets();
      finish(ctx, 'subnets list', { network: client.httpUrl, subnets: list.map(subnetJson) }, () => {
        ctx.say(
          dim(
            `netuid  ${'price τ/α'.padEnd(10)}  ${'TAO in'.padEnd(18)}  ${'alpha in'.padEnd(18)}  UIDs  tempo  burn`,
          ),
        );
        for (const s of list)
          ctx.say(
            `${String(s.netuid).padStart(6)}  ${s.price.toPrecision(6).padEnd(10)}  ${tao(s.taoIn).padEnd(18)}  ${alpha(s.alphaIn).padEnd(18)}  ${String(s.neurons).padStart(4)}  ${String(s.tempo).padStart(5)}  ${tao(s.burn)}`,
          );
      });
    });
  });

  subnetsCommand(subnets, 'show', 'one subnet: owner, pool, price, registration cost', async (opts, ctx) => {
    const netuid = netuidOption(opts.netuid);
    await withNode(opts, async (client) => {
      const s = await subnetOf(client, netuid);
      finish(ctx, 'subnets show', { network: client.httpUrl, subnet: subnetJson(s) }, () => {
        ctx.say(`${green(`subnet ${s.netuid}`)}  registered at block ${s.registeredAt}, tempo ${s.tempo}`);
        ctx.say(`  owner ${s.owner}, owner hotkey ${s.ownerHotkey}`);
        ctx.say(
          `  price ${s.price} τ/α; pool ${tao(s.taoIn)} and ${alpha(s.alphaIn)}; staked ${alpha(s.alphaOut)}`,
        );
        ctx.say(`  ${s.neurons} UIDs; registering one burns ${tao(s.burn)}`);
      });
    });
  }).option('--netuid <n>', 'the subnet');

  subnetsCommand(
    subnets,
    'create',
    'register a subnet: the coldkey locks the burn cost, the wallet’s hotkey becomes its owner hotkey',
    async (opts, ctx) => {
      const period = parsePeriod(opts.period ?? '');
      const hotkey = await walletHotkeyAddress(ctx);
      const keypair = await signingColdkey(ctx);
      await withNode(opts, async (client) => {
        const [cost, before] = await Promise.all([client.lockCost(), client.balance(keypair.address)]);
        const included = await sendTransaction({
          ctx,
          client,
          keypair,
          call: { name: 'register_network', args: { hotkey } },
          period,
          question: `Create a subnet locking about ${tao(cost)} from ${keypair.address}, owner hotkey ${hotkey}?`,
          what: 'subnets create',
        });
        if (included === null) return;
        const added = receiptEvent(included.events, 'NetworkAdded');
        const after = await client.balance(keypair.address);
        finish(
          ctx,
          'subnets create',
          {
            ...sentJson(client.httpUrl, included),
            netuid: added.netuid,
            owner: keypair.address,
            ownerHotkey: hotkey,
            lock: amountJson(added.lock),
            balance: { before: amountJson(before), after: amountJson(after) },
          },
          () => {
            ctx.say(
              `${green(`subnet ${added.netuid} created`)} in block ${included.block}, ${tao(added.lock)} locked`,
            );
            ctx.say(dim(`  start it: tensormarket subnets start --netuid ${added.netuid}`));
          },
        );
      });
    },
    true,
  );

  subnetsCommand(
    subnets,
    'start',
    'start a subnet you own: emission and staking open (start_call)',
    async (opts, ctx) => {
      const netuid = netuidOption(opts.netuid);
      const period = parsePeriod(opts.period ?? '');
      const keypair = await signingColdkey(ctx);
      await withNode(opts, async (client) => {
        const included = await sendTransaction({
          ctx,
          client,
          keypair,
          call: { name: 'start_call', args: { netuid } },
          period,
          question: `Start subnet ${netuid}?`,
          what: 'subnets start',
        });
        if (included === null) return;
        const started = receiptEvent(included.events, 'FirstEmissionBlockNumberSet');
        finish(
          ctx,
          'subnets start',
          {
            ...sentJson(client.httpUrl, included),
            netuid,
            firstEmissionBlock: started.block,
          },
          () => ctx.say(`${green(`subnet ${netuid} started`)}: emission from block ${started.block}`),
        );
      });
    },
    true,
  ).option('--netuid <n>', 'the subnet');

  subnetsCommand(
    subnets,
    'register',
    'register the wallet’s hotkey on a subnet, burning the registration cost (burned_register)',
    async (opts, ctx) => {
      const netuid = netuidOption(opts.netuid);
      const period = parsePeriod(opts.period ?? '');
      const hotkey = await walletHotkeyAddress(ctx);
      const keypair = await signingColdkey(ctx);
      await withNode(opts, async (client) => {
        const [s, before] = await Promise.all([subnetOf(client, netuid), client.balance(keypair.address)]);
        const included = await sendTransaction({
          ctx,
          client,
          keypair,
          call: { name: 'burned_register', args: { hotkey, netuid } },
          period,
          question: `Register hotkey ${hotkey} on subnet ${netuid}, burning ${tao(s.burn)}?`,
          what: 'subnets register',
        });
        if (included === null) return;
        const registered = receiptEvent(included.events, 'NeuronRegistered');
        const after = await client.balance(keypair.address);
        finish(
          ctx,
          'subnets register',
          {
            ...sentJson(client.httpUrl, included),
            netuid,
            uid: registered.uid,
            hotkey,
            burn: amountJson(registered.burn),
            replaced: registered.replaced,
            balance: { before: amountJson(before), after: amountJson(after) },
          },
          () =>
            ctx.say(
              `${green(`registered UID ${registered.uid}`)} on subnet ${netuid} for ${hotkey}, ${tao(registered.burn)} burned${registered.replaced === null ? '' : ` (replaced ${registered.replaced})`}`,
            ),
        );
      });
    },
    true,
  ).option('--netuid <n>', 'the subnet');

  subnetsCommand(subnets, 'metagraph', 'a subnet’s neurons: UIDs, keys, stake', async (opts, ctx) => {
    const netuid = netuidOption(opts.netuid);
    await withNode(opts, async (client) => {
      const m = await nodeViews(client.httpUrl).metagraph(netuid);
      const metagraph = {
        ...m,
        stake: m.stake.map((a) => amountJson(a)),
        emission: m.emission.map((a) => amountJson(a)),
      };
      finish(ctx, 'subnets metagraph', { network: client.httpUrl, metagraph }, () => {
        ctx.say(`${green(`subnet ${m.netuid}`)} at block ${m.block}: ${m.n} UIDs`);
        ctx.say(dim('  uid  hotkey                                            stake (α)'));
        for (const uid of m.uids)
          ctx.say(
            `${String(uid).padStart(5)}  ${(m.hotkeys[uid] ?? '').padEnd(48)}  ${amountJson(m.stake[uid] ?? 0n).tao}`,
          );
      });
    });
  }).option('--netuid <n>', 'the subnet');

  subnetsCommand(subnets, 'price', 'the subnets’ spot prices (or one with --netuid)', async (opts, ctx) => {
    const netuid = opts.netuid === undefined ? undefined : netuidOption(opts.netuid);
    await withNode(opts, async (client) => {
      const list = netuid === undefined ? await client.subnets() : [await subnetOf(client, netuid)];
      const prices = list.map((s) => ({
        netuid: s.netuid,
        price: s.price,
        taoIn: amountJson(s.taoIn),
        alphaIn: amountJson(s.alphaIn),
      }));
      finish(ctx, 'subnets price', { network: client.httpUrl, prices }, () => {
        for (const p of prices) ctx.say(`subnet ${String(p.netuid).padStart(3)}  ${p.price} τ/α`);
      });
    });
  }).option('--netuid <n>', 'only this subnet');

  subnetsCommand(subnets, 'burn-cost', 'what registering a subnet locks now', async (opts, ctx) => {
    await withNode(opts, async (client) => {
      const cost = await client.lockCost();
      finish(ctx, 'subnets burn-cost', { network: client.httpUrl, burnCost: amountJson(cost) }, () =>
        ctx.say(`creating a subnet locks ${tao(cost)}`),
      );
    });
  });

  subnetsCommand(subnets, 'hyperparameters', 'a subnet’s hyperparameters', async (opts, ctx) => {
    const netuid = netuidOption(opts.netuid);
    await withNode(opts, async (client) => {
      const hyperparameters = await nodeViews(client.httpUrl).hyperparameters(netuid);
      finish(ctx, 'subnets hyperparameters', { network: client.httpUrl, netuid, hyperparameters }, () => {
        ctx.say(green(`subnet ${netuid}`));
        for (const [name, value] of Object.entries(hyperparameters))
          ctx.say(
            `  ${name.padEnd(28)} ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`,
          );
      });
    });
  }).option('--netuid <n>', 'the subnet');
}
