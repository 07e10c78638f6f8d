/** One account: its free balance and its stake positions per subnet and hotkey. */
import type { AmountJson } from '../../../src/sdk/amount/amount.ts';
import type { StakePosition } from '../../../src/sdk/views/stakeView.ts';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { PENDING, Stat } from '../components/Stat.tsx';
import { alpha, shortAddress, tao } from '../format.ts';
import { useHeadData } from '../live.ts';

/** An extrinsic of the account as `tm_accountExtrinsics` gives it (engine values, bigints as strings). */
interface AccountExtrinsicJson {
  readonly block: number;
  readonly index: number;
  readonly submission: string;
  readonly role: 'signed' | 'received';
  readonly extrinsic: { readonly call: string; readonly signer: string };
  readonly receipt: { readonly ok: boolean; readonly error?: { readonly code: string } };
}

interface AccountExtrinsicsJson {
  readonly extrinsics: readonly AccountExtrinsicJson[];
  readonly scannedFrom: number;
}

/** Transactions listed at most. */
const LAST_TRANSACTIONS = 20;

const POSITION_COLUMNS: readonly Column<StakePosition>[] = [
  {
    key: 'netuid',
    label: 'netuid',
    widthCh: 8,
    numeric: true,
    sortBy: (p) => p.netuid,
    cell: (p) => <a href={`#/subnet/${p.netuid}`}>{p.netuid}</a>,
  },
  {
    key: 'hotkey',
    label: 'hotkey',
    widthCh: 16,
    sortBy: (p) => p.hotkey,
    cell: (p) => <span title={p.hotkey}>{shortAddress(p.hotkey)}</span>,
  },
  {
    key: 'alpha',
    label: 'stake',
    widthCh: 22,
    numeric: true,
    sortBy: (p) => Number(p.alpha.rao),
    cell: (p) => (p.netuid === 0 ? tao(p.alpha) : alpha(p.alpha)),
  },
  {
    key: 'tao',
    label: 'value',
    widthCh: 22,
    numeric: true,
    sortBy: (p) => Number(p.tao.rao),
    cell: (p) => tao(p.tao),
  },
];

export function AccountView(props: { readonly address: string }) {
  const { address } = props;
  const balance = useHeadData((node) => node.call<AmountJson>('tm_balance', [address]), `bal${address}`);
  const stake = useHeadData((node) => node.call<StakePosition[]>('tm_stake', [address]), `st${address}`);
  const transactions = useHeadData(
    (node) => node.call<AccountExtrinsicsJson>('tm_accountExtrinsics', [address, LAST_TRANSACTIONS]),
    `tx${address}`,
  );
  const staked = stake.data?.reduce((sum, p) => sum + BigInt(p.tao.rao), 0n);
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">Account</h1>
      <p class="address">{address}</p>
      <div class="stats">
        <Stat label="free balance" testId="account-balance">
          {balance.data === undefined ? PENDING : tao(balance.data)}
        </Stat>
        <Stat label="positions">{stake.data === undefined ? PENDING : stake.data.length}</Stat>
        <Stat label="staked value">
          {staked === undefined ? PENDING : tao({ rao: String(staked), tao: taoOf(staked) })}
        </Stat>
      </div>
      <h2>Stake</h2>
      {/* A box of fixed height: a position opened at a new block moves nothing below. */}
      <div class="fixed-box">
        <DataTable
          label="stake positions"
          testId="stake-table"
          columns={POSITION_COLUMNS}
          rows={stake.data ?? []}
          rowKey={(p) => `${p.netuid}/${p.hotkey}`}
          initialSort="netuid"
        />
      </div>
      <h2>Last transactions</h2>
      {/* Above the table, in a line of its own: rows added at a new block move nothing below them. */}
      <p class="note scan-note">
        {transactions.data === undefined
          ? ''
          : `Blocks ${transactions.data.scannedFrom} and later: the node keeps no index by account, so older transactions are not looked for.`}
      </p>
      <table class="transactions" data-testid="account-transactions" aria-label="last transactions">
        <thead>
          <tr>
            <th>block</th>
            <th>call</th>
            <th>role</th>
            <th>outcome</th>
          </tr>
        </thead>
        <tbody>
          {(transactions.data?.extrinsics ?? []).map((x) => (
            <tr key={`${x.block}/${x.index}`}>
              <td>
                <a href={`#/block/${x.block}`}>{x.block}</a>
              </td>
              <td>{x.extrinsic.call}</td>
              <td>{x.role === 'signed' ? 'signed' : `from ${shortAddress(x.extrinsic.signer)}`}</td>
              <td>{x.receipt.ok ? 'applied' : <span class="rejection">{x.receipt.error?.code}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** TAO of a rao sum, exact (the API's rule: 9 decimals at most, no trailing zeros). */
function taoOf(rao: bigint): string {
  const whole = rao / 1_000_000_000n;
  const fraction = (rao % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  return fraction === '' ? `${whole}` : `${whole}.${fraction}`;
}
