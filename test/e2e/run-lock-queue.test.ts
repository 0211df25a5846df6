/**
 * The run lock in n8n's queue mode (PostgreSQL + Redis, one main, two workers taking one job each): the migration
 * form of one shop submitted twice at the same moment. Each worker runs one submission; one books, the other stands
 * down, and the books hold every order once.
 */
import { amsterdamToday, type DemoShop } from '../../sandbox/demo-shop';
import { addDays } from '../../sandbox/generator/ids';
import type { ExecuteResult, N8nSession, QueueCluster } from '../../scripts/n8n';
import { formatReport, ossVatRates, reportOf, type Report } from '../../scripts/demo/setup';
import { twice } from './support/fault-table';
import { cleanUp } from './support/n8n-scratch';
import { publishQueueShop, startQueueN8n, submitForm, type QueueShop } from './support/queue-shop';
import { fsState, isBooked, shopOrders } from './support/shop-expectations';
import { startTemplateShop } from './support/template-shop';

jest.setTimeout(10 * 60_000);

const OWNER = { ownerEmail: 'owner@example.test', ownerPassword: 'Queue-Owner-pass-2026' };
const TODAY = amsterdamToday();
const FROM = addDays(TODAY, -9);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('run lock in queue mode: one shop, its form submitted twice at once, one submission per worker', () => {
	const scratch: string[] = [];
	let cluster: QueueCluster;
	let session: N8nSession;
	let demo: DemoShop;
	let shop: QueueShop;

	beforeAll(async () => {
		({ cluster, session } = await startQueueN8n('run-lock-queue-', scratch, {
			workers: 2,
			concurrency: 1,
			...OWNER,
		}));
		({ demo } = await startTemplateShop({
			seed: 33,
			orderCount: 90,
			today: TODAY,
			days: 10,
			lookbackDays: 3,
			newShare: 0.3,
			pendingEvery: 2,
		}));
		shop = await publishQueueShop(session, cluster.main.url, demo, 'q', {
			ossVatRates: ossVatRates(['BE:21', 'BE:6', 'DE:19', 'DE:7', 'FR:20', 'FR:5.5']),
			// the stood-down run ends green here, so that the form's job does too: its Report says it stood down
			failRunOnErrors: false,
		});
	});

	afterAll(() => cleanUp(scratch, cluster, demo));

	const finished = (e: { status: string }): boolean =>
		!['new', 'running', 'waiting'].includes(e.status);

	/** submits the form `count` times at once; resolves with the sync runs' reports once all have finished */
	async function submit(
		count: number,
		fields: { mode: string; orders?: string; from?: string; to?: string },
	): Promise<Report[]> {
		const ids = async (id: string) =>
			new Set((await session.api.listExecutions({ workflowId: id })).map((e) => String(e.id)));
		const [syncBefore, formBefore] = [await ids(shop.workflowId), await ids(shop.formWorkflowId)];
		await Promise.all(
			Array.from({ length: count }, async () => {
				expect(await submitForm(cluster.main.url, shop, fields)).toBe(200);
			}),
		);
		const deadline = Date.now() + 5 * 60_000;
		for (;;) {
			const sync = (await session.api.listExecutions({ workflowId: shop.workflowId })).filter(
				(e) => !syncBefore.has(String(e.id)) && finished(e),
			);
			const jobs = (await session.api.listExecutions({ workflowId: shop.formWorkflowId })).filter(
				(e) => !formBefore.has(String(e.id)) && finished(e),
			);
			if (sync.length === count && jobs.length === count) {
				expect(jobs.map((j) => j.status)).toEqual(Array(count).fill('success'));
				const reports: Report[] = [];
				for (const e of sync) {
					const full = await session.api.get<{
						data: { resultData: { runData: ExecuteResult['runData'] } };
					}>(`/executions/${e.id}?includeData=true`);
					reports.push(
						reportOf({
							status: e.status,
							runData: full.data.resultData.runData,
							raw: {},
							durationMs: 0,
						}),
					);
				}
				return reports;
			}
			if (Date.now() > deadline) throw new Error(`the runs did not finish: ${sync.length} sync`);
			await sleep(1_000);
		}
	}

	it('two migrations of one shop at once, one per worker: one books, the other stands down; 0 duplicates', async () => {
		// a first run alone creates the tables and the lock row (two first runs at once may both stand down)
		const [one] = shopOrders(demo).filter((o) => isBooked(o) && o.date >= FROM);
		await submit(1, { mode: 'reprocess', orders: one.number });

		const jobsBefore = cluster.workers.map((w) => w.executions().length);
		const reports = await submit(2, { mode: 'migrate', from: FROM, to: TODAY });
		console.log(
			`queue mode, at once:\n  ${reports.map((r) => formatReport(r).split('\n')[0]).join('\n  ')}`,
		);
		// one submission per worker
		expect(cluster.workers.map((w, i) => w.executions().length - jobsBefore[i])).toEqual([1, 1]);
		expect(reports.map((r) => r.stoodDown).sort()).toEqual([false, true]);
		const booker = reports.find((r) => !r.stoodDown)!;
		const stood = reports.find((r) => r.stoodDown)!;
		expect([stood.sent, stood.adopted, stood.failed, stood.ok]).toEqual([0, 0, 0, false]);
		expect(stood.runLock?.heldByMode).toBe('migrate');
		expect(booker.sent).toBeGreaterThan(10);
		const state = await fsState(demo);
		expect(twice(state.invoices.map((i) => String(i.reference?.line1)))).toEqual([]);
		expect(twice(state.clients.map((c) => String(c.email).trim().toLowerCase()))).toEqual([]);
	});
});
