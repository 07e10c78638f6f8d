/**
 * The dashboard in a real headless browser (Debian's chromium driven by playwright-core) against a real
 * local network serving it on its RPC port: open the network, go to the subnets, click the subnet, see
 * its metagraph, register a neuron and see its row appear at the next block, follow its owner to the
 * account's transactions and on to the block's receipt; a validator's rounds (its round records) on the
 * subnet page, a new round appearing at a later block; the subnets table whole at 1280 px; no layout shift (CLS 0),
 * no console error, keyboard sorting, a phone-width page without sideways scrolling. Screenshots go to
 * test-artifacts/dashboard/. Skipped where chromium is not installed.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { result, send } from '../src/node/nodeCalls.testkit.ts';
import { type Localnet, startLocalnet } from '../src/node/startLocalnet.ts';
import { devGenesis } from '../src/sdk/devnet/devGenesis.ts';
import { type Keypair, keypairFromUri } from '../src/sdk/keys/keypair.ts';
import { appendRoundRecord, type RoundRecord } from '../src/sdk/validator/roundRecord.ts';
import { CHROMIUM, ensureBuilt, hasChromium, openDashboardPage } from './support/dashboardBrowser.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/dashboard/', import.meta.url));

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('dashboard in a browser', () => {
  it.skipIf(!hasChromium)(
    `shows a live metagraph without layout shift${hasChromium ? '' : ` (skipped: no chromium at ${CHROMIUM})`}`,
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'tm-dashboard-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const net: Localnet = await startLocalnet({
        dataDir,
        genesis: devGenesis(),
        production: 'manual',
        port: 0,
        staticDir: await ensureBuilt(),
        roundsDir: join(dataDir, 'validators'),
      });
      cleanups.push(() => net.close());
      const url = net.server.url;
      const apply = async (key: Keypair, name: string, args: Record<string, string | number>) => {
        const id = await send(url, key, name, args);
        await result(url, 'tm_produceBlock');
        const receipt = (await result(url, 'tm_receipt', [id])) as { receipt?: { ok: boolean } };
        expect(`${name}: ${JSON.stringify(receipt)}`).toContain('"ok":true');
      };
      const alice = keypairFromUri('//Alice');
      const bob = keypairFromUri('//Bob');
      const charlie = keypairFromUri('//Charlie');
      const before = ((await result(url, 'tm_subnets')) as { netuid: number }[]).map((s) => s.netuid);
      await apply(alice, 'register_network', { hotkey: keypairFromUri('//Alice//hot').address });
      const netuid = ((await result(url, 'tm_subnets')) as { netuid: number }[]).find(
        (s) => !before.includes(s.netuid),
      )!.netuid;
      await apply(alice, 'start_call', { netuid });
      await apply(bob, 'burned_register', { hotkey: keypairFromUri('//Bob//hot').address, netuid });

      mkdirSync(ARTIFACTS, { recursive: true });
      // Every layout shift of the page's life is recorded, added up as the CLS metric does.
      const { page, errors } = await openDashboardPage(cleanups);

      await page.goto(url);
      const head = (await result(url, 'chain_getHeader')) as { number: number };
      await page.getByTestId('block-height').getByText(String(head.number)).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'home.png'), fullPage: true });

      await page.getByRole('link', { name: 'Subnets', exact: true }).click();
      const subnetRows = page.getByTestId('subnets-table').locator('tbody tr');
      await expect.poll(() => subnetRows.count()).toBe(before.length + 1);
      await page.screenshot({ path: join(ARTIFACTS, 'subnets.png'), fullPage: true });
      // At 1280 px every column of the subnets table is in view: the table does not scroll sideways.
      const fits = (await page
        .getByTestId('subnets-table')
        .evaluate((t) => [
          t.scrollWidth,
          (t.parentNode as unknown as { clientWidth: number }).clientWidth,
        ])) as [number, number];
      expect(`table ${fits[0]} px in a ${fits[1]} px box`).toBe(
        `table ${Math.min(fits[0], fits[1])} px in a ${fits[1]} px box`,
      );

      // Sorting by keyboard: focus the TAO-in header's button and press Enter twice (descending).
      const taoInHeader = page.getByTestId('subnets-table').locator('th', { hasText: /^TAO in/ });
      await taoInHeader.locator('button').focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      expect(await taoInHeader.getAttribute('aria-sort')).toBe('descending');

      // A validator's round records (as the SDK's validator appends them) in the folder the node reads.
      const bobHot = keypairFromUri('//Bob//hot').address;
      const validator = keypairFromUri('//Alice//hot').address;
      const round = (n: number, score: number): RoundRecord => ({
        round: n,
        block: head.number,
        time: new Date().toISOString(),
        netuid,
        validator,
        task: { difficulty: 0.5 },
        miners: [
          { uid: 0, hotkey: bobHot, ok: true, status: 200, code: null, latencyMs: 20, score, average: score },
        ],
        weights: [{ action: 'set', uids: [0], weights: [65_535], outcome: 'included', block: head.number }],
      });
      appendRoundRecord(join(dataDir, 'validators', 'validator'), round(1, 0.8125));
      await page
        .getByTestId('subnets-table')
        .getByRole('link', { name: String(netuid), exact: true })
        .click();
      expect(new URL(page.url()).hash).toBe(`#/subnet/${netuid}`);
      const neuronRows = page.getByTestId('metagraph-table').locator('tbody tr');
      const metagraph = (await result(url, 'tm_metagraph', [netuid])) as { n: number };
      await expect.poll(() => neuronRows.count()).toBe(metagraph.n);
      const roundRows = page.getByTestId('rounds-table').locator('tbody tr');
      await expect.poll(() => roundRows.count(), { timeout: 10_000 }).toBe(1);
      expect(await roundRows.first().textContent()).toContain('0.81');
      await page.screenshot({ path: join(ARTIFACTS, 'subnet.png'), fullPage: true });

      // A neuron registered in the next block appears without reloading the page.
      const charlieHot = keypairFromUri('//Charlie//hot');
      await apply(charlie, 'burned_register', { hotkey: charlieHot.address, netuid });
      await expect.poll(() => neuronRows.count()).toBe(metagraph.n + 1);
      await page.getByTestId('metagraph-table').locator(`[title="${charlieHot.address}"]`).waitFor();
      await expect.poll(() => page.getByTestId('subnet-uids').textContent()).toBe(String(metagraph.n + 1));
      // The validator's next round appears as a row under the first, without reloading.
      appendRoundRecord(join(dataDir, 'validators', 'validator'), round(2, 0.4375));
      await result(url, 'tm_produceBlock');
      await expect.poll(() => roundRows.count(), { timeout: 10_000 }).toBe(2);
      expect(await roundRows.nth(1).textContent()).toContain('0.44');
      await page.screenshot({ path: join(ARTIFACTS, 'subnet-after-block.png'), fullPage: true });

      // Charlie's coldkey links to his account, which lists the registration and its block.
      await page.getByTestId('metagraph-table').locator(`a[title="${charlie.address}"]`).click();
      const transactions = page.getByTestId('account-transactions').locator('tbody tr');
      await transactions.filter({ hasText: 'burned_register' }).first().waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'account.png'), fullPage: true });
      await transactions.filter({ hasText: 'burned_register' }).first().getByRole('link').click();
      await page.locator('.receipts li', { hasText: 'burned_register' }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'block.png'), fullPage: true });

      const shift = (await page.evaluate('({ layoutShift: window.layoutShift, shifts: window.shifts })')) as {
        layoutShift: number;
        shifts: string[];
      };
      expect(shift.shifts).toEqual([]);
      expect(shift.layoutShift).toBe(0);

      // Phone width: the page fits; wide tables scroll inside their own box.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${url}#/subnet/${netuid}`);
      await expect.poll(() => neuronRows.count()).toBe(metagraph.n + 1);
      const overflow = (await page.evaluate('document.documentElement.scrollWidth')) as number;
      expect(overflow).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(ARTIFACTS, 'subnet-phone.png'), fullPage: true });

      expect(errors).toEqual([]);
    },
  );
});
