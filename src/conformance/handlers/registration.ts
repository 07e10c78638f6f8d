/** Conformance handlers for registration.json (spec §8, §9). */
import { DEFAULT_BLOCK_EMISSION } from '../../engine/emission/blockEmission.ts';
import { InputError } from '../../engine/errors.ts';
import { fromF64, fromInt, toF64, U64_MAX, U64F64 } from '../../engine/fixed/index.ts';
import {
  bumpBurn,
  DEFAULT_BURN_INCREASE_MULT,
  decayBurn,
  registrationPriceStep,
} from '../../engine/registration/burnPrice.ts';
import { networkLockCost } from '../../engine/registration/lockCost.ts';
import { medianSubnetPrice } from '../../engine/registration/medianSubnetPrice.ts';
import { networkToPrune } from '../../engine/registration/networkToPrune.ts';
import { uidToPrune } from '../../engine/registration/uidToPrune.ts';
import { NEW_SUBNET } from '../../engine/state/defaults.ts';
import { big, bool, list, num, object, toBig, toNum } from '../read.ts';
import type { Handler } from '../registry.ts';
import type { Json, JsonObject } from '../vector.ts';

/** Burn bounds of a vector; absent bounds mean unbounded (the tests widen them). */
function bounds(inputs: JsonObject) {
  return {
    minBurn: inputs.min_burn === undefined ? 0n : big(inputs, 'min_burn'),
    maxBurn: inputs.max_burn === undefined ? U64_MAX : big(inputs, 'max_burn'),
  };
}

const mult = (inputs: JsonObject) => fromF64(U64F64, num(inputs, 'increase_mult'));

/** A price given as a decimal in TAO per alpha, as U64F64. */
const price = (v: Json, field: string) =>
  typeof v === 'bigint' || Number.isInteger(v)
    ? fromInt(U64F64, toBig(v, field))
    : fromF64(U64F64, toNum(v, field));

// The lock-cost vectors name blocks relative to "now"; any current block gives the same costs.
const NOW = 1_000;

function blockRelativeToNow(inputs: JsonObject, key: string): number {
  const v = inputs[key];
  if (typeof v === 'number') return v;
  const m = typeof v === 'string' ? /^\s*now\s*(?:\+\s*(\d+))?\s*$/.exec(v) : null;
  if (m === null) throw new InputError(key, 'expected a block number or "now [+ n]"');
  return NOW + Number(m[1] ?? 0);
}

export const registrationHandlers: Record<string, Handler> = {
  registration_defaults_new_subnet: () => ({
    actual: {
      burn_half_life: NEW_SUBNET.burnHalfLife,
      burn_increase_mult: toF64(U64F64, DEFAULT_BURN_INCREASE_MULT),
      burn_rao: NEW_SUBNET.burn,
    },
  }),

  burn_bump_then_decay: (v) => {
    const b = bounds(v.inputs);
    let burn = big(v.inputs, 'burn_start');
    for (let i = 0; i < num(v.inputs, 'registrations_this_block'); i++) {
      burn = bumpBurn({ ...b, burn, increaseMult: mult(v.inputs) });
    }
    const next = decayBurn({ ...b, burn, halfLife: num(v.inputs, 'half_life') });
    return { actual: { burn_after_registration: burn, burn_next_block: next } };
  },

  burn_halves_every_half_life: (v) => {
    const b = bounds(v.inputs);
    const halfLife = num(v.inputs, 'half_life');
    const trace = [big(v.inputs, 'burn_start')];
    for (let i = 0; i < 4; i++) trace.push(decayBurn({ ...b, burn: trace[i] ?? 0n, halfLife }));
    return { actual: { burn_after_2_blocks: trace[2] ?? null, burn_after_4_blocks: trace[4] ?? null } };
  },

  burn_min_max_clamps: (v) => {
    const b = bounds(v.inputs);
    const halfLife = num(v.inputs, 'half_life');
    const a1 = decayBurn({ ...b, burn: big(v.inputs, 'burn_start'), halfLife });
    const a2 = bumpBurn({ ...b, burn: a1, increaseMult: mult(v.inputs) });
    const a3 = decayBurn({ ...b, burn: a2, halfLife });
    const a4 = decayBurn({ ...b, burn: a3, halfLife });
    return {
      actual: { after_1_block: a1, after_registration: a2, after_next_block: a3, after_another_block: a4 },
    };
  },

  burn_bump_multiplier_3: (v) => ({
    actual: {
      burn: bumpBurn({ ...bounds(v.inputs), burn: big(v.inputs, 'burn'), increaseMult: mult(v.inputs) }),
    },
  }),

  burn_decay_one_block_half_life_1000: (v) => {
    const next = registrationPriceStep(
      { burn: big(v.inputs, 'burn'), registrationsThisBlock: num(v.inputs, 'registrations_this_block') },
      { ...bounds(v.inputs), halfLife: num(v.inputs, 'half_life') },
    );
    return { actual: { burn: next.burn, registrations_this_block: next.registrationsThisBlock } };
  },

  uid_to_prune: (v) => {
    const emission = list(v.inputs, 'emission').map((x, i) => toBig(x, `emission[${i}]`));
    const immune = list(v.inputs, 'immune');
    const registered = list(v.inputs, 'block_at_registration');
    const ownerUids = list(v.inputs, 'owner_coldkey_uids').map((x) => toNum(x, 'owner_coldkey_uids'));
    const uid = uidToPrune({
      neurons: emission.map((e, i) => ({
        emission: e,
        immune: immune[i] === true,
        blockAtRegistration: toNum(registered[i] ?? null, `block_at_registration[${i}]`),
      })),
      ownerColdkeyUids: ownerUids,
      // The vector lists the subnet owner hotkey's uid first.
      ownerHotkeyUid: ownerUids[0] ?? null,
      immuneOwnerUidsLimit: num(v.inputs, 'immune_owner_uids_limit'),
      minNonImmuneUids: num(v.inputs, 'min_non_immune_uids'),
    });
    return { actual: { uid_to_prune: uid } };
  },

  median_subnet_price: (v) => {
    const prices = list(v.inputs, 'prices').map((p, i) => price(p, `prices[${i}]`));
    return { actual: { median: toF64(U64F64, medianSubnetPrice(prices)) } };
  },

  network_to_prune: (v) => {
    const prices = object(v.inputs, 'moving_price');
    const immune = object(v.inputs, 'immune');
    const pruned = networkToPrune(
      Object.keys(prices).map((name) => ({
        netuid: name,
        movingPrice: price(prices[name] ?? null, `moving_price.${name}`),
        // Registration blocks are not part of the vectors; equal blocks leave ties to iteration order.
        registeredAt: 0,
        immune: bool(immune, name),
      })),
    );
    return { actual: { pruned } };
  },

  lock_cost_after_2500_migration: (v) => {
    const base = {
      lastLock: big(v.inputs, 'last_lock'),
      lastLockBlock: blockRelativeToNow(v.inputs, 'last_lock_block'),
      minLock: big(v.inputs, 'min_lock'),
      reductionInterval: big(v.inputs, 'reduction_interval'),
      blockEmission: big(v.inputs, 'block_emission'),
    };
    return {
      actual: {
        lock_cost_now: networkLockCost({ ...base, block: NOW }),
        lock_cost_after_1_block: networkLockCost({ ...base, block: NOW + 1 }),
      },
    };
  },

  lock_cost_future_last_lock_block: (v) => ({
    actual: {
      lock_cost: networkLockCost({
        lastLock: big(v.inputs, 'last_lock'),
        lastLockBlock: blockRelativeToNow(v.inputs, 'last_lock_block'),
        block: NOW,
        // The mock's minimum lock (100 TAO) and full block emission; neither binds here.
        minLock: 100_000_000_000n,
        reductionInterval: big(v.inputs, 'reduction_interval'),
        blockEmission: DEFAULT_BLOCK_EMISSION,
      }),
    },
  }),
};
