/**
 * The runs' outputs served read-only, each run's folder as a results folder of its own under
 * `/runs/<id>/` (see createResultsFiles: the listing at `/runs/<id>/`, JSON, CSV and text files only).
 */
import { statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { createResultsFiles, type ResultsFiles } from '../../node/rpc/resultsFiles.ts';
import { RUN_ID_PATTERN } from '../../sdk/dashboard/runsApi.ts';

/** The URL path the runs are served under. */
export const RUN_FILES_PREFIX = '/runs/';

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The handler of the runs folder's files; resolves false for paths outside {@link RUN_FILES_PREFIX}.
 * @example const files = createRunFiles('dashboard-runs'); await files(req, res)
 */
export function createRunFiles(runsDir: string): ResultsFiles {
  // One handler per run folder, made once the folder exists (the runs folder may not yet).
  const folders = new Map<string, ResultsFiles>();
  return async (req: IncomingMessage, res: ServerResponse) => {
    const urlPath = (req.url ?? '/').split('?')[0] ?? '/';
    if (!urlPath.startsWith(RUN_FILES_PREFIX)) return false;
    const id = urlPath.slice(RUN_FILES_PREFIX.length).split('/')[0] ?? '';
    let files = folders.get(id);
    if (files === undefined && RUN_ID_PATTERN.test(id) && isFolder(join(runsDir, id))) {
      files = createResultsFiles({ dir: join(runsDir, id), prefix: `${RUN_FILES_PREFIX}${id}/` });
      folders.set(id, files);
    }
    if (files === undefined || !(await files(req, res))) {
      const text = 'not found\n';
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'content-length': text.length })
        .end(text);
    }
    return true;
  };
}
