/**
 * Which UID a registration replaces on a full subnet, spec §8.3 (`subnets/registration.rs:
 * get_neuron_to_prune, get_immune_owner_tuples`).
 */

/** One UID as the pruning rule sees it (index = uid). */
export interface PruneCandidate {
  /** Last epoch's combined emission (`Emission[uid]`, alpha). */
  readonly emission: bigint;
  /** `BlockAtRegistration[uid]`. */
  readonly blockAtRegistration: number;
  /** Inside its immunity period (see {@link isNeuronImmune}). */
  readonly immune: boolean;
}

/** `get_neuron_is_immune`: block − registered (saturating at 0) < immunity period. */
export function isNeuronImmune(input: {
  readonly block: number;
  readonly blockAtRegistration: number;
  readonly immunityPeriod: number;
}): boolean {
  return Math.max(0, input.block - input.blockAtRegistration) < input.immunityPeriod;
}

/** Inputs of {@link immortalOwnerUids}. */
export interface ImmortalOwnerInput {
  /** UIDs on this subnet whose hotkey the subnet owner coldkey owns (any order). */
  readonly ownerColdkeyUids: readonly number[];
  /** UID of the subnet owner hotkey, or null when it holds none here. */
  readonly ownerHotkeyUid: number | null;
  /** `BlockAtRegistration` per uid. */
  readonly blockAtRegistration: (uid: number) => number;
  /** `ImmuneOwnerUidsLimit`. */
  readonly limit: number;
}

/**
 * `get_immune_owner_uids`: the owner coldkey's UIDs sorted by (registration block, uid) ascending, cut to
 * `limit`; then the owner hotkey's UID is put in front when missing and the list cut again.
 */
export function immortalOwnerUids(input: ImmortalOwnerInput): number[] {
  const sorted = [...input.ownerColdkeyUids].sort((a, b) => {
    const d = input.blockAtRegistration(a) - input.blockAtRegistration(b);
    return d !== 0 ? d : a - b;
  });
  const immortal = sorted.slice(0, input.limit);
  const owner = input.ownerHotkeyUid;
  if (owner !== null && !immortal.includes(owner)) {
    immortal.unshift(owner);
    if (immortal.length > input.limit) immortal.length = input.limit;
  }
  return immortal;
}

/** Inputs of {@link uidToPrune}. */
export interface UidToPruneInput {
  /** Every UID of the subnet, index = uid. */
  readonly neurons: readonly PruneCandidate[];
  /** UIDs whose hotkey the subnet owner coldkey owns. */
  readonly ownerColdkeyUids: readonly number[];
  /** UID of the subnet owner hotkey, or null. */
  readonly ownerHotkeyUid: number | null;
  /** `ImmuneOwnerUidsLimit`. */
  readonly immuneOwnerUidsLimit: number;
  /** `MinNonImmuneUids`. */
  readonly minNonImmuneUids: number;
}

type Best = { readonly emission: bigint; readonly block: number; readonly uid: number };

function beats(c: Best, best: Best | null): boolean {
  if (best === null) return true;
  if (c.emission !== best.emission) return c.emission < best.emission;
  if (c.block !== best.block) return c.block < best.block;
  return c.uid < best.uid;
}

/**
 * `get_neuron_to_prune`: skip immortal owner UIDs; pick the lowest emission (ties: earlier registration,
 * then lower uid) separately among non-immune and immune UIDs; use the non-immune pick only when more than
 * `minNonImmuneUids` non-immune candidates exist, else the immune pick. Null when there is none.
 * @example uidToPrune({ neurons, ownerColdkeyUids: [], ownerHotkeyUid: null, immuneOwnerUidsLimit: 1, minNonImmuneUids: 10 })
 */
export function uidToPrune(input: UidToPruneInput): number | null {
  const { neurons } = input;
  if (neurons.length === 0) return null;
  const immortal = new Set(
    immortalOwnerUids({
      ownerColdkeyUids: input.ownerColdkeyUids,
      ownerHotkeyUid: input.ownerHotkeyUid,
      blockAtRegistration: (uid) => neurons[uid]?.blockAtRegistration ?? 0,
      limit: input.immuneOwnerUidsLimit,
    }),
  );
  let freeCount = 0;
  let bestFree: Best | null = null;
  let bestImmune: Best | null = null;
  for (let uid = 0; uid < neurons.length; uid++) {
    const n = neurons[uid];
    if (n === undefined || immortal.has(uid)) continue;
    const c: Best = { emission: n.emission, block: n.blockAtRegistration, uid };
    if (n.immune) {
      if (beats(c, bestImmune)) bestImmune = c;
    } else {
      freeCount += 1;
      if (beats(c, bestFree)) bestFree = c;
    }
  }
  if (freeCount > input.minNonImmuneUids && bestFree !== null) return bestFree.uid;
  return bestImmune === null ? null : bestImmune.uid;
}
