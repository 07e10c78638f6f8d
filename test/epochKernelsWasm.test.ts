import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileEpochKernels, KERNEL_MODULE, kernelModuleText } from '../scripts/buildWasm.ts';

describe('the committed epoch kernels', () => {
  it('are the compiled AssemblyScript source, byte for byte (run `npm run build:wasm` after editing it)', async () => {
    const fresh = kernelModuleText(await compileEpochKernels());
    expect(readFileSync(KERNEL_MODULE, 'utf8')).toBe(fresh);
  });
});
