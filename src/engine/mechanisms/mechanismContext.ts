/** What the mechanisms' calls and block steps receive: the chain's context, typed for their events. */

import type { AddOnContext } from '../chain/context.ts';
import type { MechanismEvent } from './events.ts';
import type { MechanismRejection } from './mechanismRejectionCodes.ts';

/** The chain's context with the mechanisms' events. */
export type MechanismContext = AddOnContext<MechanismEvent>;

/** A mechanism call handler: returns a rejection (and its draft is dropped) or null when applied. */
export type MechanismHandler<X> = (ctx: MechanismContext, ext: X) => MechanismRejection | null;
