/** A table of the report: header cells and rows of cells, all already escaped HTML. */
export function htmlTable({
  head,
  rows,
  className,
}: {
  head: string[];
  rows: string[][];
  className?: string;
}): string {
  const thead = `<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`;
  const tbody = `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody>`;
  return `<div class="table-wrap"><table${className ? ` class="${className}"` : ''}>${thead}${tbody}</table></div>`;
}
