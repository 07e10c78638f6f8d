/**
 * `burned_register` (spec §8.2, §8.3): a coldkey pays the subnet's burn price for a UID for its
 * hotkey. The TAO buys alpha through the pool (with the fee, which stays in the subnet account) and
 * the alpha bought is destroyed; the burn price then rises by its multiplier. A full subnet replaces
 * the UID chosen by `uidToPrune`.
 */

import { newNeuron } from '../../genesis/newNeuron.ts';
import { bumpBurn } from '../../registration/burnPrice.ts';
import { isNeuronImmune, uidToPrune } from '../../registration/uidToPrune.ts';
import { rulePackTraits } from '../../rules/rulePackTraits.ts';
import type { SparseRow } from '../../state/types.ts';
import { coldkey, hotkey, netuid } from '../../types.ts';
import { type CallHandler, rejection } from '../context.ts';
import type { Extrinsic } from '../extrinsics.ts';
import { buyAlpha } from '../poolOps.ts';
import { recordBurnFlow } from '../taoFlow.ts';
import { checkNonRootSubnet } from './checks.ts';

export const burnedRegister: CallHandler<Extrinsic & { call: 'burned_register' }> = (
  { draft, events },
  ext,
) => {
  const id = netuid(ext.netuid);
  const missing = checkNonRootSubnet(draft, id);
  if (missing !== null) return missing;
  const subnet = draft.read(id);
  if (!subnet.registrationAllowed)
    return rejection('SubNetRegistrationDisabled', 'netuid', 'registration is closed');
  const who = coldkey(ext.signer);
  const hk = hotkey(ext.hotkey);
  const owner = draft.ownerOf(hk);
  if (owner !== undefined && owner !== who) {
    return rejection('NonAssociatedColdKey', 'hotkey', `belongs to another coldkey (${owner})`);
  }
  if (subnet.neurons.some((n) => n.hotkey === hk)) {
    return rejection('HotKeyAlreadyRegisteredInSubNet', 'hotkey', `already holds a UID on subnet ${id}`);
  }
  const burn = subnet.burn;
  const balance = draft.balance(who);
  if (balance < burn)
    return rejection('NotEnoughBalanceToStake', 'signer', `needs ${burn} rao, has ${balance}`);

  const n = subnet.neurons.length;
  let uid = n;
  let replaced: string | null = null;
  if (n >= subnet.maxAllowedUids) {
    const ownerColdkeyUids = subnet.neurons.flatMap((x, i) =>
      draft.ownerOf(x.hotkey) === subnet.ownerColdkey ? [i] : [],
    );
    const ownerHotkeyUid = subnet.neurons.findIndex((x) => x.hotkey === subnet.ownerHotkey);
    const pick = uidToPrune({
      neurons: subnet.neurons.map((x) => ({
        emission: x.emission,
        blockAtRegistration: x.blockAtRegistration,
        immune: isNeuronImmune({
          block: draft.block,
          blockAtRegistration: x.blockAtRegistration,
          immunityPeriod: subnet.immunityPeriod,
        }),
      })),
      ownerColdkeyUids,
      ownerHotkeyUid: ownerHotkeyUid < 0 ? null : ownerHotkeyUid,
      immuneOwnerUidsLimit: draft.params.immuneOwnerUidsLimit,
      minNonImmuneUids: draft.params.minNonImmuneUids,
    });
    if (pick === null) return rejection('NoNeuronIdAvailable', 'netuid', 'every UID is immune or immortal');
    uid = pick;
    replaced = subnet.neurons[pick]!.hotkey;
  }

  const bought = buyAlpha(draft, id, burn, { limitPrice: null, allowPartial: false, feeToSubnet: true });
  if (!bought.ok) return bought.error;
  draft.setBalance(who, balance - burn);
  // Registration burns count as user inflow where the pack says so (netflow, rulepacks.md §4.1).
  recordBurnFlow(draft, rulePackTraits(draft.rulePack), id, bought.value.taoUsed);
  if (owner === undefined) draft.setOwner(hk, who);

  const w = draft.write(id);
  w.alphaOut -= bought.value.alphaOut; // the alpha bought by the burn is destroyed
  const neuron = newNeuron(hk, draft.block);
  const neurons = [...w.neurons];
  const weights = [...w.weights];
  const bonds = [...w.bonds];
  if (uid === n) {
    neurons.push(neuron);
    weights.push([]);
    bonds.push([]);
  } else {
    neurons[uid] = neuron;
    weights[uid] = [];
    bonds[uid] = [];
    // Weights aimed at the old occupant are zeroed but kept (spec §8.3).
    for (let i = 0; i < weights.length; i++) {
      const row = weights[i]!;
      if (row.some(([j]) => j === uid)) {
        weights[i] = row.map(([j, v]) => (j === uid ? [j, 0] : [j, v])) as SparseRow;
      }
    }
  }
  w.neurons = neurons;
  w.weights = weights;
  w.bonds = bonds;
  w.burn = bumpBurn({ burn, increaseMult: w.burnIncreaseMult, minBurn: w.minBurn, maxBurn: w.maxBurn });
  w.registrationsThisBlock += 1;
  events.push({ type: 'NeuronRegistered', netuid: id, uid, hotkey: hk, burn, replaced });
  return null;
};
