/** One block: its header, and each extrinsic with its receipt (events, or the typed rejection). */
import { useHeadData, useLive } from '../live.ts';
import type { HeaderJson } from '../nodeClient.ts';

/** A receipt as `chain_getBlock` gives it (engine values with bigints as strings). */
interface ReceiptJson {
  readonly index: number;
  /** The call's name, e.g. `add_stake`. */
  readonly call: string;
  readonly ok: boolean;
  readonly events?: readonly ({ readonly type: string } & Record<string, unknown>)[];
  /** The typed rejection: its stable code, the field at fault and why. */
  readonly error?: { readonly code: string; readonly field: string; readonly message: string };
}

interface BlockJson {
  readonly block: { readonly header: HeaderJson; readonly extrinsics: readonly unknown[] };
  readonly receipts: readonly ReceiptJson[];
}

export function BlockView(props: { readonly number: number }) {
  const { head } = useLive();
  const block = useHeadData(
    (node) => node.call<BlockJson | null>('chain_getBlock', [props.number]),
    `b${props.number}`,
  );
  const header = block.data?.block.header;
  return (
    <section aria-labelledby="block-title">
      <h1 id="block-title">Block {props.number}</h1>
      <nav class="pager" aria-label="blocks">
        {props.number > 1 && <a href={`#/block/${props.number - 1}`}>← {props.number - 1}</a>}
        {head !== undefined && props.number < head.number && (
          <a href={`#/block/${props.number + 1}`}>{props.number + 1} →</a>
        )}
      </nav>
      {block.data === null ? (
        <p role="alert">No block {props.number} yet.</p>
      ) : (
        <>
          <dl class="header">
            <dt>hash</dt>
            <dd>{header?.hash ?? ''}</dd>
            <dt>parent</dt>
            <dd>{header?.parentHash ?? ''}</dd>
            <dt>state root</dt>
            <dd>{header?.stateRoot ?? ''}</dd>
            <dt>time</dt>
            <dd>{header === undefined ? '' : new Date(header.time).toISOString()}</dd>
          </dl>
          <h2>Extrinsics</h2>
          {block.data !== undefined && block.data.receipts.length === 0 && <p>None.</p>}
          <ol class="receipts">
            {(block.data?.receipts ?? []).map((r) => (
              <li key={r.index} class={r.ok ? 'ok' : 'rejected'}>
                <div>
                  <strong>{r.call}</strong>{' '}
                  {r.ok ? 'applied' : <span class="rejection">rejected: {r.error?.code}</span>}
                </div>
                {r.error !== undefined && (
                  <div class="note">
                    {r.error.field}: {r.error.message}
                  </div>
                )}
                {r.events !== undefined && r.events.length > 0 && (
                  <ul>
                    {r.events.map((e, i) => (
                      <li key={i}>
                        <strong>{e.type}</strong> <code>{JSON.stringify({ ...e, type: undefined })}</code>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
