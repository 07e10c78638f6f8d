import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../invariants/checkInvariants.ts';
import type { ChainState, SubnetState } from '../../state/types.ts';
import type { Extrinsic } from '../extrinsics.ts';
import {
  HYPERPARAMETER_NAMES,
  type HyperparameterName,
  type HyperparameterSpec,
  SUBNET_HYPERPARAMETERS,
  TYPE_RANGE,
} from '../subnetHyperparameters.ts';
import { outcome, servingChain, servingNetwork, subnetOne } from './servingNetwork.testkit.ts';

const { block } = servingChain(checkInvariants);

type Value = boolean | number | bigint;
const specOf = (name: HyperparameterName) => SUBNET_HYPERPARAMETERS[name] as HyperparameterSpec;
const set = (name: string, value: unknown, signer = 'sudo', netuid = 1) =>
  ({ call: 'sudo_set_hyperparameter', signer, netuid, name, value }) as Extrinsic;
const read = (s: ChainState, name: HyperparameterName) => specOf(name).read(subnetOne(s));

/** A value the signer may set that differs from the current one and keeps the record's rules. */
function newValue(subnet: SubnetState, name: HyperparameterName, byOwner: boolean): Value {
  const spec = specOf(name);
  const current = spec.read(subnet);
  if (spec.type === 'bool') return !current;
  const [typeMin, typeMax] = TYPE_RANGE[spec.type] as readonly [Value, Value];
  const min = (byOwner ? spec.ownerMin : undefined) ?? spec.min ?? typeMin;
  const max = (byOwner ? spec.ownerMax : undefined) ?? spec.max ?? typeMax;
  const mid =
    typeof min === 'bigint'
      ? (min + (max as bigint)) / 2n
      : Math.floor(((min as number) + (max as number)) / 2);
  const pick = [min, mid, max].find(
    (v) => v !== current && (spec.check?.(subnet, v as never) ?? null) === null,
  );
  if (pick === undefined) throw new Error(`no value to try for ${name}`);
  return pick;
}

/** The network with liquid alpha on, so the alpha values may be set. */
const network = () => block(servingNetwork(), [set('liquidAlpha', true)]).state;

describe('sudo_set_hyperparameter', () => {
  it('lets the sudo account set every hyperparameter, and emits HyperparameterSet', () => {
    const start = network();
    for (const name of HYPERPARAMETER_NAMES) {
      const value = newValue(subnetOne(start), name, false);
      const r = block(start, [set(name, value)]);
      expect(outcome(r), name).toBe('ok');
      expect(read(r.state, name), name).toBe(value);
      expect(r.events).toContainEqual({ type: 'HyperparameterSet', netuid: 1, name, value });
    }
  });

  it('lets the subnet owner set the owner-settable ones, and no others', () => {
    const start = network();
    const ownerSettable = HYPERPARAMETER_NAMES.filter((n) => specOf(n).setBy === 'ownerOrSudo');
    expect(ownerSettable).toContain('commitRevealEnabled');
    expect(ownerSettable).not.toContain('kappa');
    for (const name of HYPERPARAMETER_NAMES) {
      const value = newValue(subnetOne(start), name, true);
      const r = block(start, [set(name, value, 'owner')]);
      if (specOf(name).setBy === 'ownerOrSudo') {
        expect(outcome(r), name).toBe('ok');
        expect(read(r.state, name), name).toBe(value);
      } else {
        expect(outcome(r), name).toBe('BadOrigin');
        expect(read(r.state, name), name).toBe(read(start, name));
      }
      expect(outcome(block(start, [set(name, value, 'alice')])), name).toBe('BadOrigin');
    }
  });

  it('holds the owner to narrower bounds where the chain does', () => {
    const start = network();
    const cases: [HyperparameterName, Value][] = [
      ['tempo', 359],
      ['tempo', 50_401],
      ['bondsMovingAverage', 975_001],
      ['alphaSigmoidSteepness', -1],
    ];
    for (const [name, value] of cases) {
      const byOwner = block(start, [set(name, value, 'owner')]);
      expect(outcome(byOwner), `${name} = ${value}`).toBe('ValueNotInBounds');
      const receipt = byOwner.receipts[0]!;
      if (!receipt.ok) expect(receipt.error.message).toContain(name);
      expect(outcome(block(start, [set(name, value)])), `${name} = ${value}`).toBe('ok');
    }
  });

  it('restarts the epoch cycle when the tempo changes', () => {
    const r = block(network(), [set('tempo', 360, 'owner')]);
    expect(subnetOne(r.state).tempo).toBe(360);
    expect(subnetOne(r.state).lastEpochBlock).toBe(r.state.block);
  });

  it('rejects values of the wrong type or out of bounds, naming the hyperparameter', () => {
    const start = network();
    const cases: [string, unknown, string, string][] = [
      ['tempo', 'fast', 'InvalidValue', 'value'],
      ['tempo', 1.5, 'InvalidValue', 'value'],
      ['tempo', 65_536, 'ValueNotInBounds', 'value'],
      ['tempo', -1, 'ValueNotInBounds', 'value'],
      ['minBurn', 5, 'InvalidValue', 'value'],
      ['minBurn', 1_000_000_000n, 'ValueNotInBounds', 'value'],
      ['maxBurn', 100_000_000n, 'ValueNotInBounds', 'value'],
      ['burnIncreaseMult', 4n << 64n, 'ValueNotInBounds', 'value'],
      ['burnHalfLife', 0, 'ValueNotInBounds', 'value'],
      ['commitRevealPeriod', 0, 'ValueNotInBounds', 'value'],
      ['commitRevealPeriod', 101, 'ValueNotInBounds', 'value'],
      ['activityCutoffFactorMilli', 999, 'ValueNotInBounds', 'value'],
      ['maxAllowedUids', 257, 'ValueNotInBounds', 'value'],
      ['commitRevealEnabled', 1, 'InvalidValue', 'value'],
      ['maxAllowedValidators', 300, 'ValueNotInBounds', 'value'],
      ['alphaHigh', 1_000, 'ValueNotInBounds', 'value'],
      ['alphaLow', 60_000, 'ValueNotInBounds', 'value'],
    ];
    for (const [name, value, code, field] of cases) {
      const r = block(start, [set(name, value)]);
      const receipt = r.receipts[0]!;
      const label = `${name} = ${String(value)}`;
      expect(receipt.ok ? 'ok' : [receipt.error.code, receipt.error.field], label).toEqual([code, field]);
      if (!receipt.ok) expect(receipt.error.message, label).toContain(name);
    }
  });

  it('keeps the rules that tie a hyperparameter to the rest of the record', () => {
    const high = block(network(), [set('minBurn', 900_000_000n)]).state;
    expect(outcome(block(high, [set('maxBurn', 200_000_000n)]))).toBe('ValueNotInBounds');
    const low = block(network(), [set('maxBurn', 200_000_000n)]).state;
    expect(outcome(block(low, [set('minBurn', 300_000_000n)]))).toBe('ValueNotInBounds');
    expect(outcome(block(servingNetwork(), [set('alphaLow', 40_000)]))).toBe('LiquidAlphaDisabled');
    const crowded = { ...subnetOne(network()), neurons: Array(70).fill(subnetOne(network()).neurons[0]) };
    expect(specOf('maxAllowedUids').check?.(crowded, 64 as never)?.code).toBe('ValueNotInBounds');
    expect(specOf('maxAllowedUids').check?.(crowded, 70 as never)).toBeNull();
  });

  it('rejects an unknown name and a missing subnet', () => {
    const start = network();
    expect(outcome(block(start, [set('difficulty', 5)]))).toBe('UnknownHyperparameter');
    expect(outcome(block(start, [set('toString', 5)]))).toBe('UnknownHyperparameter');
    expect(outcome(block(start, [set('tempo', 400, 'sudo', 0)]))).toBe('SubnetNotExists');
    expect(outcome(block(start, [set('tempo', 400, 'sudo', 9)]))).toBe('SubnetNotExists');
  });

  it('changes what the other calls do', () => {
    const closed = block(network(), [set('registrationAllowed', false)]).state;
    const register: Extrinsic = { call: 'burned_register', signer: 'alice', hotkey: 'new', netuid: 1 };
    expect(outcome(block(closed, [register]))).toBe('SubNetRegistrationDisabled');
    const cr = block(network(), [set('commitRevealEnabled', true, 'owner')]).state;
    const weights: Extrinsic = { call: 'set_weights', signer: 'val', netuid: 1, uids: [2], weights: [1] };
    expect(outcome(block(cr, [weights]))).toBe('CommitRevealEnabled');
    expect(outcome(block(block(cr, [set('commitRevealEnabled', false, 'owner')]).state, [weights]))).toBe(
      'ok',
    );
  });
});
