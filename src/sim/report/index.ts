/** The Monte Carlo report: a self-contained HTML page with inline SVG charts, plus SVG and PNG files. */
export type { ReportManifest } from './manifestRows.ts';
export { type WriteReportOptions, writeReport } from './writeReport.ts';
