import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A GET handler mounted beside the JSON-RPC endpoint: it answers the request and resolves true when the
 * path is its own, and resolves false (writing nothing) for any other path.
 */
export type HttpRoute = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
