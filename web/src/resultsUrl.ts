/** Where the serving process serves a results folder, as an absolute URL ending in `/`; undefined when none. */
export function resultsUrl(document: Document): string | undefined {
  const injected = document.querySelector('meta[name="tensormarket-results"]')?.getAttribute('content');
  if (injected === null || injected === undefined || injected === '') return undefined;
  return new URL(injected.endsWith('/') ? injected : `${injected}/`, document.baseURI).href;
}
