/** Conformance handlers for math.json. */
import type { Handler } from '../registry.ts';

export const mathHandlers: Record<string, Handler> = {};
