/**
 * One run at a time per shop, in a real n8n 2.41.1 (n8n start, SQLite: the run lock is a row of a Data Table). Two
 * runs of the sync workflow over the same orders, started together or one while the other books, book every order
 * once: one of them stands down and says so in its Report. A run killed with n8n leaves its lock behind: the next run
 * stands down until the lock expires, then takes it and books. Judged from the Factuursturen sandbox's own state.
 */
import { amsterdamToday, type DemoShop } from '../../sandbox/demo-shop';
import { killAllN8n, type ExecuteResult, type ServerRunner } from '../../scripts/n8n';
import { formatReport, ossVatRates, reportOf, type Report } from '../../scripts/demo/setup';
import { RUN_LOCK_TABLE } from '../../workflows/mijnwebwinkel-to-factuursturen';
import { twice } from './support/fault-table';
import { cleanUp } from './support/n8n-scratch';
import {
	fsState,
	inLookback,
	isBooked,
	shopOrders,
	type ShopOrder,
} from './support/shop-expectations';
import { startTemplateShop } from './support/template-shop';
import { e2eTemplate, startTemplateN8n } from './support/template-in-n8n';

jest.setTimeout(5 * 60_000);

const LOOKBACK = 3;
const ID = 'lockE2eSync000001';
/** short, so that the crash case waits for the expiry (a minute after the last renewal: longer than a restart) */
const LOCK_MINUTES = 1;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface LockRow {
	lockKey: string;
	holder: string;
	until: number;
	heldSince: string;
	mode: string;
}

describe('run lock: one run at a time per shop', () => {
	let demo: DemoShop;
	let runner: ServerRunner;
	let batch: ShopOrder[];
	const scratch: string[] = [];

	beforeAll(async () => {
		const shop = await startTemplateShop({
			seed: 31,
			orderCount: 120,
			today: amsterdamToday(),
			days: 10,
			lookbackDays: LOOKBACK,
			newShare: 0.5,
			pendingEvery: 3,
		});
		demo = shop.demo;
		batch = shopOrders(demo).filter((o) => isBooked(o) && inLookback(o, LOOKBACK));
		({ runner } = await startTemplateN8n('e2e-run-lock-', scratch, demo, [
			e2eTemplate({
				id: ID,
				settings: {
					lookbackDays: LOOKBACK,
					runLockMinutes: LOCK_MINUTES,
					ossVatRates: ossVatRates(['BE:21', 'BE:6', 'DE:19', 'DE:7', 'FR:20', 'FR:5.5']),
				},
			}),
		]));
	});

	afterAll(() => cleanUp(scratch, runner, demo));

	/** fresh books (the seeded debtors only, no invoices) and no faults */
	async function freshBooks(): Promise<void> {
		expect(
			(await fetch(`${demo.factuursturen.url}/__sandbox/reset`, { method: 'POST' })).status,
		).toBe(200);
		demo.factuursturen.setFaults([]);
	}

	async function duplicates(): Promise<{ invoices: string[]; debtors: string[] }> {
		const state = await fsState(demo);
		return {
			invoices: twice(state.invoices.map((i) => String(i.reference?.line1))),
			debtors: twice(state.clients.map((c) => String(c.email).trim().toLowerCase())),
		};
	}

	/** a run of the sync workflow; one that stood down (or failed orders) ends in error after its Report */
	const start = (): Promise<ExecuteResult> => runner.run(ID, { allowFailure: true });
	const executionId = (r: ExecuteResult): string => String(r.raw.id);
	const creates = (since: number): number =>
		demo.factuursturen.requests
			.slice(since)
			.filter((r) => r.method === 'POST' && r.path === '/api/v1/invoices').length;

	/** the run lock's rows, read through n8n's public API */
	async function lockRows(): Promise<LockRow[]> {
		const api = runner.session.api;
		const tables = await api.get<{ data: Array<{ id: string; name: string }> }>(
			'/data-tables?limit=250',
		);
		const table = tables.data.find((t) => t.name === RUN_LOCK_TABLE);
		if (!table) return [];
		return (await api.get<{ data: LockRow[] }>(`/data-tables/${table.id}/rows?limit=250`)).data;
	}

	function expectStoodDown(r: ExecuteResult, report: Report, holder: string): void {
		expect(report.stoodDown).toBe(true);
		expect(report.ok).toBe(false);
		expect(report.runLock?.heldBy).toBe(holder);
		expect(report.summary).toContain(`stood down, nothing booked: execution ${holder}`);
		// nothing booked, nothing failed: it is not a run with failed orders
		expect([report.sent, report.adopted, report.failed, report.invoices.length]).toEqual([
			0, 0, 0, 0,
		]);
		// red in n8n's list (failRunOnErrors), with a message that says why
		expect(r.status).toBe('error');
		expect(String(r.error?.message)).toMatch(/^Stood down: execution \S+ holds the run lock/);
	}

	function expectBookedAll(report: Report): void {
		expect(report.stoodDown).toBe(false);
		const done = new Set([
			...report.invoices.map((i) => i.orderNumber),
			...report.failedOrders.map((f) => String(f.orderNumber)),
			...report.skippedOrders.map((s) => String(s.orderNumber)),
		]);
		expect(batch.filter((o) => !done.has(o.number)).map((o) => o.number)).toEqual([]);
	}

	/** the Report, or why there is none */
	function report(r: ExecuteResult): Report {
		try {
			return reportOf(r);
		} catch (e) {
			throw new Error(
				`${(e as Error).message}; execution ${String(r.raw.id)} ended ${r.status}: ${r.error?.message} (node ${r.error?.node?.name})`,
			);
		}
	}

	it('the first two runs of a new n8n, at once (both create the tables and the lock row): at most one books, the other stands down, 0 duplicates', async () => {
		await freshBooks();
		const runs = await Promise.all([start(), start()]);
		const reports = runs.map(report);
		console.log(
			`first runs at once:\n  ${reports.map((r) => formatReport(r).split('\n')[0]).join('\n  ')}`,
		);
		// two runs that both added a row (a first run only) may both stand down: never both book
		const booked = runs.filter((_, i) => !reports[i].stoodDown);
		expect(booked.length).toBeLessThanOrEqual(1);
		for (const [i, r] of runs.entries())
			if (reports[i].stoodDown)
				expect(r.status === 'error' && /^Stood down/.test(String(r.error?.message))).toBe(true);
		if (booked.length === 1) expectBookedAll(report(booked[0]));
		expect(await duplicates()).toEqual({ invoices: [], debtors: [] });
		// released after the Report (by whichever run held it)
		expect(
			(await lockRows()).every((l) => l.lockKey === ID && l.holder === '' && l.until === 0),
		).toBe(true);
	});

	it('two runs started at once: one books, the other stands down; 0 duplicate invoices or debtors', async () => {
		await freshBooks();
		const [a, b] = await Promise.all([start(), start()]);
		const [ra, rb] = [report(a), report(b)];
		console.log(
			`at once: A ${formatReport(ra).split('\n')[0]}\n         B ${formatReport(rb).split('\n')[0]}`,
		);
		const [booker, stood] = ra.stoodDown ? [b, a] : [a, b];
		expect([ra.stoodDown, rb.stoodDown].sort()).toEqual([false, true]);
		expectStoodDown(stood, report(stood), executionId(booker));
		expectBookedAll(report(booker));
		expect(report(booker).sent).toBeGreaterThan(10);
		expect(await duplicates()).toEqual({ invoices: [], debtors: [] });
	});

	it('a run started while another books (slowed by the API): it stands down; the first books every order once', async () => {
		await freshBooks();
		demo.factuursturen.setFaults([{ route: 'POST /api/v1/invoices', kind: 'slow', delayMs: 400 }]);
		const from = demo.factuursturen.requests.length;
		const first = start();
		const deadline = Date.now() + 2 * 60_000;
		while (creates(from) < 3 && Date.now() < deadline) await sleep(100);
		const createsBefore = creates(from);
		expect(createsBefore).toBeGreaterThanOrEqual(3);
		const second = await start();
		const a = await first;
		console.log(
			`staggered: second started after ${createsBefore} creates of the first: ${formatReport(report(second))}`,
		);
		expectStoodDown(second, report(second), executionId(a));
		expectBookedAll(report(a));
		expect(await duplicates()).toEqual({ invoices: [], debtors: [] });
		// and the next run, the lock free again, adopts what the first booked
		demo.factuursturen.setFaults([]);
		const next = report(await start());
		expect(next.stoodDown).toBe(false);
		expect([next.sent, next.adopted]).toEqual([0, report(a).sent + report(a).adopted]);
	});

	it('a run killed with n8n keeps its lock until it expires: the next run stands down, the one after expiry books', async () => {
		await freshBooks();
		demo.factuursturen.setFaults([{ route: 'POST /api/v1/invoices', kind: 'slow', delayMs: 400 }]);
		const from = demo.factuursturen.requests.length;
		const crashed = start().then(
			() => 'finished',
			() => 'killed',
		);
		const deadline = Date.now() + 2 * 60_000;
		while (creates(from) < 5 && Date.now() < deadline) await sleep(100);
		killAllN8n();
		expect(await crashed).toBe('killed');
		await runner.restart();
		demo.factuursturen.setFaults([]);

		// every row of the key (a first run at once may have added two) is held by the killed execution
		const rows = await lockRows();
		const left = rows[0];
		expect(left.holder).not.toBe('');
		expect(rows.every((l) => l.holder === left.holder)).toBe(true);
		expect(left.until).toBeGreaterThan(Date.now());
		const afterCrash = demo.factuursturen.requests.length;
		const blocked = await start();
		expectStoodDown(blocked, report(blocked), left.holder);
		expect(creates(afterCrash)).toBe(0);

		await sleep(Math.max(...rows.map((l) => l.until)) - Date.now() + 1_000);
		const after = report(await start());
		console.log(
			`crash: lock of execution ${left.holder} expired; the next run ${formatReport(after).split('\n')[0]}`,
		);
		expectBookedAll(after);
		expect(after.adopted).toBeGreaterThan(0);
		expect(await duplicates()).toEqual({ invoices: [], debtors: [] });
		expect((await lockRows()).every((l) => l.holder === '' && l.until === 0)).toBe(true);
	});
});
