/** Conformance handlers for swap.json. */
import type { Handler } from '../registry.ts';

export const swapHandlers: Record<string, Handler> = {};
