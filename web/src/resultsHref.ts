/** The address of a place in the results: a variant's folder (undefined: the folder itself) and a series. */
export type ResultsHref = (folder: string | undefined, series: string | undefined) => string;
