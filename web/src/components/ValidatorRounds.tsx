/**
 * The validators' rounds of one subnet, from their round records: a grid of each round's score per miner
 * UID (darker is higher; a struck cell did not answer in time or was refused) and what each round did with
 * weights. Rows are the newest rounds, oldest first, so a new round adds a row at the bottom and nothing
 * above it moves.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { shortAddress } from '../format.ts';
import { useLive } from '../live.ts';
import { fetchRoundRecords, type RoundCell, type RoundRecordsState, roundGrid } from '../roundRecords.ts';

/** The records are asked for again at a new head, but not more often than this. */
const REFRESH_MS = 2_000;

function cellTitle(uid: number, c: RoundCell): string {
  const answer = c.ok ? 'answered' : `no answer (${c.code ?? 'refused'})`;
  return `UID ${uid}: score ${c.score.toFixed(3)}, ${answer} in ${c.latencyMs.toFixed(0)} ms`;
}

export function ValidatorRounds(props: { readonly netuid: number }) {
  const { head } = useLive();
  const [state, setState] = useState<RoundRecordsState>({ state: 'loading' });
  const asked = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const shown = useRef(props.netuid);
  shown.current = props.netuid;
  // At each new head the records are read again, at most once per REFRESH_MS: a head arriving sooner
  // schedules one read for when the interval is over (and later heads join it).
  useEffect(() => {
    if (pending.current !== undefined) return;
    const read = () => {
      pending.current = undefined;
      asked.current = Date.now();
      const netuid = shown.current;
      fetchRoundRecords(document.baseURI, netuid).then(
        (s) => netuid === shown.current && setState(s),
        (e: unknown) => netuid === shown.current && setState({ state: 'failed', message: String(e) }),
      );
    };
    pending.current = setTimeout(read, Math.max(0, asked.current + REFRESH_MS - Date.now()));
  }, [props.netuid, head?.number]);
  useEffect(
    () => () => {
      clearTimeout(pending.current);
      pending.current = undefined;
    },
    [],
  );

  // The newest round is the last row: the box follows it unless the reader scrolled up to older ones.
  const box = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const rowCount = state.state === 'ready' ? state.records.rounds.length : 0;
  const newest = state.state === 'ready' ? state.records.rounds.at(-1)?.block : undefined;
  useLayoutEffect(() => {
    const el = box.current;
    if (el !== null && following.current) el.scrollTop = el.scrollHeight;
  }, [rowCount, newest]);
  const onScroll = () => {
    const el = box.current;
    if (el !== null) following.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 4;
  };

  if (state.state === 'loading') return null;
  if (state.state === 'none')
    return (
      <p class="note">
        No validators' round records are served here: start the node (or <code>tensormarket dashboard</code>)
        with <code>--rounds DIR</code>, the folder the validators write their data in.
      </p>
    );
  if (state.state === 'failed') return <p class="rejection">Round records: {state.message}</p>;
  const { records } = state;
  if (records.rounds.length === 0)
    return (
      <p class="note" data-testid="rounds-empty">
        No round of subnet {props.netuid} in {records.files.length} round file
        {records.files.length === 1 ? '' : 's'} yet.
      </p>
    );
  const grid = roundGrid(records.rounds);
  return (
    <>
      <p class="note">
        Each round's score per miner UID (0 to 1, darker is higher) from the validators' round records; a
        struck cell did not answer in time or was refused. Hover a cell for its answer.
        {records.skipped > 0 && ` ${records.skipped} unreadable lines skipped.`}
      </p>
      <div class="rounds-box" ref={box} onScroll={onScroll}>
        <table
          class="rounds"
          data-testid="rounds-table"
          aria-label={`validator rounds of subnet ${props.netuid}`}
        >
          <thead>
            <tr>
              <th scope="col">validator</th>
              <th scope="col" class="num">
                round
              </th>
              <th scope="col" class="num">
                block
              </th>
              {grid.uids.map((uid) => (
                <th key={uid} scope="col" class="num">
                  UID {uid}
                </th>
              ))}
              <th scope="col">weights</th>
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row) => (
              <tr key={row.key}>
                <td title={row.validator}>
                  <a href={`#/account/${row.validator}`}>{shortAddress(row.validator)}</a>
                </td>
                <td class="num">{row.round}</td>
                <td class="num">
                  <a href={`#/block/${row.block}`}>{row.block}</a>
                </td>
                {row.cells.map((c, i) => {
                  const uid = grid.uids[i] ?? i;
                  return c === undefined ? (
                    <td key={uid} class="num">
                      —
                    </td>
                  ) : (
                    <td
                      key={uid}
                      class={`num score${c.ok ? '' : ' score-missed'}`}
                      title={cellTitle(uid, c)}
                      style={{ '--score': c.score.toFixed(3) }}
                    >
                      {c.score.toFixed(2)}
                    </td>
                  );
                })}
                <td>{row.weights === '' ? '—' : row.weights}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
