/**
 * `tensormarket sudo|su set --netuid N --param NAME --value V`: set a subnet hyperparameter
 * (sudo_set_hyperparameter), signed by the wallet's coldkey: the subnet owner for the hyperparameters
 * owners may set, the sudo account (`//Alice` on a local network) for all. The value is read by the
 * hyperparameter's type: true/false, a whole number, TAO for amounts (e.g. 0.5), else a decimal integer.
 */
import type { Command } from 'commander';
import {
  HYPERPARAMETER_NAMES,
  type HyperparameterName,
  SUBNET_HYPERPARAMETERS,
  VALUE_KIND,
} from '../engine/chain/subnetHyperparameters.ts';
import { InputError } from '../engine/errors.ts';
import { parseAmount } from '../sdk/amount/amount.ts';
import { receiptEvent } from '../sdk/client/receiptEvents.ts';
import {
  btcliCommand,
  finish,
  type NodeOptions,
  netuidOption,
  networkOptions,
  parsePeriod,
  periodOption,
  signingColdkey,
  withNode,
} from './btcliCommand.ts';
import { green } from './output.ts';
import { sendTransaction } from './sendTransaction.ts';

/** Options of `sudo set`. */
interface SudoOptions extends NodeOptions {
  readonly netuid?: string;
  readonly param?: string;
  readonly value?: string;
}

/** A name folded for matching: btcli's snake_case and any case find the same hyperparameter. */
const folded = (name: string) => name.toLowerCase().replace(/[_-]/g, '');

/**
 * The hyperparameter `--param` names (`tempo`, `commitRevealEnabled`, `commit_reveal_enabled`).
 * @example hyperparameterName('weights_set_rate_limit') // 'weightsSetRateLimit'
 */
export function hyperparameterName(text: string | undefined): HyperparameterName {
  const found = HYPERPARAMETER_NAMES.find((n) => text !== undefined && folded(n) === folded(text));
  if (found === undefined)
    throw new InputError(
      '--param',
      `${text === undefined ? 'required' : `no hyperparameter "${text}"`}; one of ${HYPERPARAMETER_NAMES.join(', ')}`,
    );
  return found;
}

/**
 * `--value` as `name`'s type takes it: a boolean, an integer, or a decimal string (rao for amounts, which
 * are given in TAO).
 * @example hyperparameterValue('minBurn', '0.5') // '500000000'
 */
export function hyperparameterValue(
  name: HyperparameterName,
  text: string | undefined,
): boolean | number | string {
  if (text === undefined) throw new InputError('--value', `required: the new value of ${name}`);
  const type = SUBNET_HYPERPARAMETERS[name].type;
  const kind = VALUE_KIND[type];
  if (kind === 'boolean') {
    if (/^(true|1|yes|on)$/i.test(text)) return true;
    if (/^(false|0|no|off)$/i.test(text)) return false;
    throw new InputError('--value', `${name} is true or false, got "${text}"`);
  }
  if (type === 'rao') return parseAmount(text, '--value').toString();
  if (!/^-?\d+$/.test(text))
    throw new InputError('--value', `${name} is a whole number (${type}), got "${text}"`);
  if (kind === 'bigint') return BigInt(text).toString();
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new InputError('--value', `${name}: ${text} is out of range`);
  return n;
}

/** Register `sudo` (alias `su`) and `sudo set`. */
export function registerSudo(program: Command): void {
  const sudo = program
    .command('sudo')
    .alias('su')
    .description('subnet hyperparameters, set by the owner or sudo');

  periodOption(
    networkOptions(
      btcliCommand<SudoOptions>({
        group: sudo,
        name: 'set',
        description: 'set a subnet hyperparameter (sudo_set_hyperparameter), signed by the wallet’s coldkey',
        callOptions: { netuid: '--netuid', name: '--param', value: '--value', signer: '--wallet-name' },
        run: async (opts, ctx) => {
          const netuid = netuidOption(opts.netuid);
          const param = hyperparameterName(opts.param);
          const value = hyperparameterValue(param, opts.value);
          const period = parsePeriod(opts.period ?? '');
          const keypair = await signingColdkey(ctx);
          await withNode(opts, async (client) => {
            const included = await sendTransaction({
              ctx,
              client,
              keypair,
              call: { name: 'sudo_set_hyperparameter', args: { netuid, name: param, value } },
              period,
              question: `Set ${param} of subnet ${netuid} to ${String(value)} as ${keypair.address}?`,
              what: 'sudo set',
            });
            if (included === null) return;
            receiptEvent(included.events, 'HyperparameterSet');
            finish(
              ctx,
              'sudo set',
              { network: client.httpUrl, id: included.id, block: included.block, netuid, param, value },
              () =>
                ctx.say(
                  `${green(`${param} = ${String(value)}`)} on subnet ${netuid} in block ${included.block}`,
                ),
            );
          });
        },
      }),
    ),
  )
    .option('--netuid <n>', 'the subnet')
    .option(
      '--param <name>',
      `the hyperparameter (${HYPERPARAMETER_NAMES.length} names; see subnets hyperparameters)`,
    )
    .option('--value <value>', 'the new value: true/false, a whole number, or TAO for amounts');
}
