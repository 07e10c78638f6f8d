/** Conformance handlers for coinbase.json. */
import type { Handler } from '../registry.ts';

export const coinbaseHandlers: Record<string, Handler> = {};
