/**
 * A miner: its axon serving the subnet's synapses to the validators the chain lists (callers followed
 * from the metagraph), announced on the chain with `serve_axon` so validators find it.
 */
import { type Axon, type AxonOptions, startAxon } from '../axon/startAxon.ts';
import type { Chain } from '../chain/chain.ts';
import { expectIncluded } from '../client/transactionFailure.ts';
import type { Keypair } from '../keys/keypair.ts';
import { type ChainCallers, followCallers } from './chainCallers.ts';
import { localAxonAddress } from './localAxonAddress.ts';

/** Options of {@link startMiner}. */
export interface MinerOptions extends Omit<AxonOptions, 'hotkey' | 'callers' | 'host' | 'port'> {
  readonly chain: Chain;
  /** The miner's hotkey, registered on the subnet. */
  readonly hotkey: Keypair;
  readonly netuid: number;
  /** Address to bind and announce (default {@link localAxonAddress}). */
  readonly host?: string;
  /** Port (default 0: any free port). */
  readonly port?: number;
  /** Version announced with the axon (default 1). */
  readonly version?: number;
  /** Time between two reads of the metagraph, ms. */
  readonly refreshMs?: number;
}

/** A running miner. */
export interface Miner {
  readonly axon: Axon;
  readonly callers: ChainCallers;
  close(): Promise<void>;
}

/**
 * Start the axon and announce it; throws (a `TransactionFailure`) when the chain refuses `serve_axon`.
 * @example const miner = await startMiner({ chain, hotkey, netuid: 1, synapses: [serveSynapse(Echo, echo)] })
 */
export async function startMiner(options: MinerOptions): Promise<Miner> {
  const { chain, hotkey, netuid, refreshMs, version, ...axonOptions } = options;
  const callers = await followCallers(chain, netuid, refreshMs === undefined ? {} : { refreshMs });
  const host = options.host ?? localAxonAddress();
  let axon: Axon;
  try {
    axon = await startAxon({
      ...axonOptions,
      hotkey: hotkey.address,
      callers,
      host,
      port: options.port ?? 0,
    });
  } catch (error) {
    callers.stop();
    throw error;
  }
  try {
    expectIncluded(
      await chain.send(hotkey, {
        name: 'serve_axon',
        args: { netuid, ip: host, port: axon.port, protocol: 0, version: version ?? 1 },
      }),
    );
  } catch (error) {
    callers.stop();
    await axon.close();
    throw error;
  }
  return {
    axon,
    callers,
    async close() {
      callers.stop();
      await axon.close();
    },
  };
}
