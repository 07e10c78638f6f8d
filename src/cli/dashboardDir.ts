/** Where the built dashboard is: `web/dist`, written by `npm install` (the `prepare` script) or `npm run build:web`. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the built dashboard (`index.html` and `assets/`). */
export const DASHBOARD_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** The built dashboard's folder, or undefined when it has not been built. */
export function builtDashboard(): string | undefined {
  return existsSync(join(DASHBOARD_DIR, 'index.html')) ? DASHBOARD_DIR : undefined;
}

/** What to run when the dashboard is not built. */
export const BUILD_DASHBOARD_HINT = 'build it with `npm run build:web` (npm install does it too)';
