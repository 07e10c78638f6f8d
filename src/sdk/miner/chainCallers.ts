/**
 * Who may call a miner, kept current from the chain: the subnet's metagraph read now and every
 * `refreshMs`, so an axon looks each caller up in memory (no chain round trip per request) and a
 * validator that registers or gains its permit is let in within one refresh.
 */
import type { CallerInfo, CallerRegistry } from '../axon/callerRegistry.ts';
import type { Chain } from '../chain/chain.ts';

/** Default time between two reads of the metagraph: a few blocks of a local network. */
export const DEFAULT_CALLERS_REFRESH_MS = 2_000;

/** A registry that follows the chain. */
export interface ChainCallers extends CallerRegistry {
  /** Read the metagraph again now. */
  refresh(): Promise<void>;
  /** Stop following. */
  stop(): void;
}

/**
 * The callers of subnet `netuid` on `chain`, read once before it resolves.
 * @example const callers = await followCallers(chain, 1); await startAxon({ ..., callers })
 */
export async function followCallers(
  chain: Chain,
  netuid: number,
  options?: { readonly refreshMs?: number; readonly onError?: (error: unknown) => void },
): Promise<ChainCallers> {
  let byHotkey = new Map<string, CallerInfo>();
  const refresh = async () => {
    const graph = await chain.metagraph(netuid);
    byHotkey = new Map(
      graph.hotkeys.map((h, uid) => [h, { uid, validatorPermit: graph.validator_permit[uid] === true }]),
    );
  };
  await refresh();
  const timer = setInterval(() => {
    // A failed read keeps the last view: the node may be restarting.
    refresh().catch((error: unknown) => options?.onError?.(error));
  }, options?.refreshMs ?? DEFAULT_CALLERS_REFRESH_MS);
  timer.unref();
  return { lookup: (hotkey) => byHotkey.get(hotkey), refresh, stop: () => clearInterval(timer) };
}
