/**
 * Copy-on-write builder of the next chain state. A transition reads the previous state freely and
 * writes through the draft, which clones a map or a subnet record the first time it is written; so a
 * block touching a few subnets copies only those, and the previous state stays intact (which is what
 * makes a rejected extrinsic leave nothing behind: its draft is simply dropped).
 *
 * A class because it owns private lazily-cloned caches; it never escapes a transition.
 */
import { invariant } from '../errors.ts';
import type { Coldkey, Hotkey, NetUid } from '../types.ts';
import type { AddOnState, ChainState, StakePool, SubnetState } from './types.ts';

/** A writable view of a readonly record. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class Draft {
  private readonly base: ChainState;
  private readonly scalars: Mutable<
    Pick<
      ChainState,
      | 'block'
      | 'totalIssuance'
      | 'totalStake'
      | 'burnedTao'
      | 'taoWeight'
      | 'lastLock'
      | 'lastLockBlock'
      | 'author'
      | 'gateBar'
      | 'uncountedTao'
    >
  >;
  private balances: Map<Coldkey, bigint> | null = null;
  private hotkeyOwner: Map<Hotkey, Coldkey> | null = null;
  private takes: Map<Hotkey, number> | null = null;
  private takeIncreases: Map<Hotkey, number> | null = null;
  private subnets: Map<NetUid, SubnetState> | null = null;
  private addOnNext: AddOnState | null = null;
  private readonly writable = new Set<NetUid>();
  private readonly writableStakes = new Set<NetUid>();

  constructor(base: ChainState) {
    this.base = base;
    this.scalars = {
      block: base.block,
      totalIssuance: base.totalIssuance,
      totalStake: base.totalStake,
      burnedTao: base.burnedTao,
      taoWeight: base.taoWeight,
      lastLock: base.lastLock,
      lastLockBlock: base.lastLockBlock,
      author: base.author,
      gateBar: base.gateBar,
      uncountedTao: base.uncountedTao,
    };
  }

  get params() {
    return this.base.params;
  }
  get sudo() {
    return this.base.sudo;
  }
  get block() {
    return this.scalars.block;
  }
  set block(v: number) {
    this.scalars.block = v;
  }
  get totalIssuance() {
    return this.scalars.totalIssuance;
  }
  set totalIssuance(v: bigint) {
    invariant(v >= 0n, 'ISSUANCE_NEGATIVE');
    this.scalars.totalIssuance = v;
  }
  get totalStake() {
    return this.scalars.totalStake;
  }
  set totalStake(v: bigint) {
    this.scalars.totalStake = v < 0n ? 0n : v;
  }
  get burnedTao() {
    return this.scalars.burnedTao;
  }
  set burnedTao(v: bigint) {
    this.scalars.burnedTao = v;
  }
  get taoWeight() {
    return this.scalars.taoWeight;
  }
  set taoWeight(v: bigint) {
    this.scalars.taoWeight = v;
  }
  get lastLock() {
    return this.scalars.lastLock;
  }
  set lastLock(v: bigint) {
    this.scalars.lastLock = v;
  }
  get lastLockBlock() {
    return this.scalars.lastLockBlock;
  }
  set lastLockBlock(v: number) {
    this.scalars.lastLockBlock = v;
  }
  get author() {
    return this.scalars.author;
  }
  /** Rule pack of the state (fixed for a chain). */
  get rulePack() {
    return this.base.rulePack;
  }
  /** Pack variants and parameters. */
  get rules() {
    return this.base.rules;
  }
  get gateBar() {
    return this.scalars.gateBar;
  }
  set gateBar(v) {
    this.scalars.gateBar = v;
  }
  get uncountedTao() {
    return this.scalars.uncountedTao;
  }
  set uncountedTao(v: bigint) {
    this.scalars.uncountedTao = v;
  }

  /** Data of the chain's add-on; undefined when the chain runs none. */
  get addOn(): AddOnState | undefined {
    return this.addOnNext ?? this.base.addOn;
  }
  set addOn(v: AddOnState) {
    this.addOnNext = v;
  }

  /** Free balance of a coldkey in rao. */
  balance(who: Coldkey): bigint {
    return (this.balances ?? this.base.balances).get(who) ?? 0n;
  }

  /** Set a free balance; a zero balance is removed so the state stays canonical. */
  setBalance(who: Coldkey, amount: bigint): void {
    invariant(amount >= 0n, 'BALANCE_NEGATIVE', `balance of ${who} would be ${amount}`);
    this.balances ??= new Map(this.base.balances);
    if (amount === 0n) this.balances.delete(who);
    else this.balances.set(who, amount);
  }

  /** Add (or with a negative amount, take) TAO to a free balance. */
  credit(who: Coldkey, amount: bigint): void {
    this.setBalance(who, this.balance(who) + amount);
  }

  ownerOf(hotkey: Hotkey): Coldkey | undefined {
    return (this.hotkeyOwner ?? this.base.hotkeyOwner).get(hotkey);
  }

  setOwner(hotkey: Hotkey, owner: Coldkey): void {
    this.hotkeyOwner ??= new Map(this.base.hotkeyOwner);
    this.hotkeyOwner.set(hotkey, owner);
  }

  /** Delegate take of a hotkey in u16 parts. */
  takeOf(hotkey: Hotkey): number {
    return (this.takes ?? this.base.takes).get(hotkey) ?? this.base.params.defaultTake;
  }

  setTake(hotkey: Hotkey, take: number): void {
    this.takes ??= new Map(this.base.takes);
    this.takes.set(hotkey, take);
  }

  /** Block of the hotkey's last take increase, if any. */
  takeIncreasedAt(hotkey: Hotkey): number | undefined {
    return (this.takeIncreases ?? this.base.takeIncreasedAt).get(hotkey);
  }

  markTakeIncrease(hotkey: Hotkey, block: number): void {
    this.takeIncreases ??= new Map(this.base.takeIncreasedAt);
    this.takeIncreases.set(hotkey, block);
  }

  /** All subnets, in ascending netuid order. */
  netuids(): NetUid[] {
    return [...(this.subnets ?? this.base.subnets).keys()].sort((a, b) => a - b);
  }

  hasSubnet(netuid: NetUid): boolean {
    return (this.subnets ?? this.base.subnets).has(netuid);
  }

  /** Read a subnet (no copy). */
  read(netuid: NetUid): SubnetState {
    const s = (this.subnets ?? this.base.subnets).get(netuid);
    invariant(s !== undefined, 'NO_SUBNET', `subnet ${netuid} does not exist`);
    return s;
  }

  /** A writable copy of a subnet, cloned on first write. */
  write(netuid: NetUid): Mutable<SubnetState> {
    this.subnets ??= new Map(this.base.subnets);
    const current = this.subnets.get(netuid);
    invariant(current !== undefined, 'NO_SUBNET', `subnet ${netuid} does not exist`);
    if (this.writable.has(netuid)) return current as Mutable<SubnetState>;
    const copy: Mutable<SubnetState> = { ...current };
    this.subnets.set(netuid, copy);
    this.writable.add(netuid);
    return copy;
  }

  /** Add a new subnet (or replace a dissolved one). */
  putSubnet(subnet: SubnetState): void {
    this.subnets ??= new Map(this.base.subnets);
    this.subnets.set(subnet.netuid, { ...subnet });
    this.writable.add(subnet.netuid);
    this.writableStakes.delete(subnet.netuid);
  }

  removeSubnet(netuid: NetUid): void {
    this.subnets ??= new Map(this.base.subnets);
    this.subnets.delete(netuid);
    this.writable.delete(netuid);
    this.writableStakes.delete(netuid);
  }

  /** The stake pool of a hotkey on a subnet (undefined when nobody ever staked). */
  pool(netuid: NetUid, hotkey: Hotkey): StakePool | undefined {
    return this.read(netuid).stakes.get(hotkey);
  }

  /** Replace a stake pool; an empty pool is removed. */
  setPool(netuid: NetUid, hotkey: Hotkey, pool: StakePool): void {
    const subnet = this.write(netuid);
    if (!this.writableStakes.has(netuid)) {
      subnet.stakes = new Map(subnet.stakes);
      this.writableStakes.add(netuid);
    }
    const stakes = subnet.stakes as Map<Hotkey, StakePool>;
    if (pool.value === 0n && pool.totalShares === 0n) stakes.delete(hotkey);
    else stakes.set(hotkey, pool);
  }

  /** The next state. The draft must not be used afterwards. */
  finish(): ChainState {
    return {
      ...this.base,
      ...this.scalars,
      balances: this.balances ?? this.base.balances,
      hotkeyOwner: this.hotkeyOwner ?? this.base.hotkeyOwner,
      takes: this.takes ?? this.base.takes,
      takeIncreasedAt: this.takeIncreases ?? this.base.takeIncreasedAt,
      subnets: this.subnets ?? this.base.subnets,
      ...(this.addOnNext === null ? {} : { addOn: this.addOnNext }),
    };
  }
}
