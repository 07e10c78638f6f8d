/** The head of a table with a column per variant of a comparison: an empty corner, then each variant's name. */
import type { Variant } from '../resultsSummary.ts';

export function VariantsHead(props: { readonly variants: readonly Variant[] }) {
  return (
    <thead>
      <tr>
        <th />
        {props.variants.map((v) => (
          <th key={v.folder} class="num" title={v.title}>
            {v.name}
          </th>
        ))}
      </tr>
    </thead>
  );
}
