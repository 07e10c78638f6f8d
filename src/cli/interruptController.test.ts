import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInterruptController, runInterruptible } from './interruptController.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createInterruptController', () => {
  it('first Ctrl-C aborts and notes stopping; the second quits at once with 130', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const calls: string[] = [];
    const interrupts = createInterruptController({
      label: 'simulate',
      lost: 'no report is written',
      onStopping: () => calls.push('stopping'),
      onQuit: () => calls.push('quit'),
    });
    try {
      process.emit('SIGINT');
      expect(interrupts.signal.aborted).toBe(true);
      expect(calls).toEqual(['stopping']);
      expect(exit).not.toHaveBeenCalled();
      process.emit('SIGINT');
      expect(calls).toEqual(['stopping', 'quit']);
      expect(exit).toHaveBeenCalledWith(130);
      expect(stderr).toHaveBeenCalledWith(
        '\nsimulate: interrupted twice; quitting now (no report is written)\n',
      );
    } finally {
      interrupts.dispose();
    }
  });

  it('stops listening once disposed', () => {
    const before = process.listenerCount('SIGINT');
    const interrupts = createInterruptController({
      label: 'compare',
      lost: 'no comparison is written',
      onStopping: () => {},
      onQuit: () => {},
    });
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    interrupts.dispose();
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});

describe('runInterruptible', () => {
  it('passes the signal, settles and releases SIGINT even when the work throws', async () => {
    const listeners = process.listenerCount('SIGINT');
    const settled: string[] = [];
    const hooks = { label: 'simulate', lost: 'nothing', onStopping: () => {}, onQuit: () => {} };
    const aborted = await runInterruptible(
      hooks,
      async (signal) => {
        expect(process.listenerCount('SIGINT')).toBe(listeners + 1);
        return signal.aborted;
      },
      () => settled.push('ok'),
    );
    expect(aborted).toBe(false);
    await expect(
      runInterruptible(
        hooks,
        async () => Promise.reject(new Error('boom')),
        () => settled.push('failed'),
      ),
    ).rejects.toThrow('boom');
    expect(settled).toEqual(['ok', 'failed']);
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });
});
