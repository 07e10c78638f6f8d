/** Conformance handlers for registration.json. */
import type { Handler } from '../registry.ts';

export const registrationHandlers: Record<string, Handler> = {};
