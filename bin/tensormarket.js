#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so that `npx tensormarket` works without a build step. tsx's
// loader is registered in this process, as `node --import tsx` does: started through tsx's own command
// instead, every command paid for two more Node processes (about 0.4 s), and Ctrl-C reaches the CLI
// directly either way.
await import('tsx');
await import('../src/cli/bin.ts');
