/** A labelled figure in a box of fixed height, so that a changing value never moves its neighbours. */
import type { ComponentChildren } from 'preact';

export function Stat(props: {
  readonly label: string;
  readonly testId?: string;
  readonly children: ComponentChildren;
}) {
  return (
    <div class="stat">
      <div class="stat-label">{props.label}</div>
      <div
        class="stat-value"
        data-testid={props.testId}
        title={typeof props.children === 'string' ? props.children : undefined}
      >
        {props.children}
      </div>
    </div>
  );
}

/** What a figure shows before its first answer: the same box, empty. */
export const PENDING = '—';
