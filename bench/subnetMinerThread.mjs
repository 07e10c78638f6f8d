// The miner of the subnet benchmark, on its own thread: plain JavaScript that registers tsx in this
// thread, then starts the servers bench/subnet.ts describes and reports their URLs.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { serveBenchMiner } = await import('./subnet.ts');
const miner = await serveBenchMiner(workerData);
parentPort.postMessage({ axonUrl: miner.axonUrl, bareUrl: miner.bareUrl });
parentPort.on('message', async (message) => {
  if (message === 'close') {
    await miner.close();
    parentPort.close();
  }
});
