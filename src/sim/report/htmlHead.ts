/** The head every self-contained page of the lab shares: charset, viewport, title and inline styles. */
import { escapeHtml } from './escapeHtml.ts';

/**
 * `<!doctype html>` through `</head>` for a page titled `title` with the inline stylesheet `css`.
 * @example htmlHead('Backtest', REPORT_CSS).startsWith('<!doctype html>') // true
 */
export function htmlHead(title: string, css: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>`;
}
