/** Where the serving process runs scenarios for the page: its runs API and the runs' folders. */
import { RUN_FILES_PATH } from '../../src/sdk/dashboard/runsApi.ts';

/** The runs API's URL and the URL the runs' folders are under, both absolute and ending in `/`. */
export interface RunsUrls {
  readonly api: string;
  readonly files: string;
}

/** What the page's `tensormarket-runs` meta tag names; undefined when this server runs nothing. */
export function runsUrls(document: Document): RunsUrls | undefined {
  const injected = document.querySelector('meta[name="tensormarket-runs"]')?.getAttribute('content');
  if (injected === null || injected === undefined || injected === '') return undefined;
  return {
    api: new URL(injected.endsWith('/') ? injected : `${injected}/`, document.baseURI).href,
    files: new URL(RUN_FILES_PATH, document.baseURI).href,
  };
}
