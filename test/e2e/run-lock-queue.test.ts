/**
 * The run lock in n8n's queue mode (PostgreSQL + Redis, one main, two workers taking one job each): the migration
 * form of one shop submitted twice at the same moment. Each worker runs one submission; one books, the other stands
 * down, and the books hold every order once.
 */
import * as fs from 'node:fs';
import { amsterdamToday, type DemoShop } from '../../sandbox/demo-shop';
import { addDays } from '../../sandbox/generator/ids';
import {
	loginAndApiKey,
	startQueueCluster,
	type ExecuteResult,
	type N8nSession,
	type QueueCluster,
	type WorkflowJson,
} from '../../scripts/n8n';
import {
	formatReport,
	ossVatRates,
	reportOf,
	sandboxCredentials,
	templateVariant,
	type Report,
} from '../../scripts/demo/setup';
import { FS_CREDENTIAL, MWW_CREDENTIAL } from '../../workflows/mijnwebwinkel-to-factuursturen';
import { F, FORM_TEMPLATE_PATH } from '../../workflows/mijnwebwinkel-reprocess-form';
import { cleanUp, packedPackage } from './support/n8n-scratch';
import { fsState, isBooked, shopOrders } from './support/shop-expectations';
import { startTemplateShop } from './support/template-shop';

jest.setTimeout(10 * 60_000);

const OWNER = { ownerEmail: 'owner@example.test', ownerPassword: 'Queue-Owner-pass-2026' };
const TODAY = amsterdamToday();
const FROM = addDays(TODAY, -9);
const FORM_PATH = 'mijnwebwinkel-lock-queue';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function twice(keys: string[]): string[] {
	return [...new Set(keys.filter((k, i) => keys.indexOf(k) !== i))];
}

type NodeJson = {
	name: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
};

describe('run lock in queue mode: one shop, its form submitted twice at once, one submission per worker', () => {
	const scratch: string[] = [];
	let cluster: QueueCluster;
	let session: N8nSession;
	let demo: DemoShop;
	let syncId: string;
	let formId: string;

	beforeAll(async () => {
		const { dir, tarball } = await packedPackage('run-lock-queue-', scratch);
		cluster = await startQueueCluster({ dir, tarball, workers: 2, concurrency: 1, ...OWNER });
		session = await loginAndApiKey(cluster.main.url, OWNER);
		({ demo } = await startTemplateShop({
			seed: 33,
			orderCount: 90,
			today: TODAY,
			days: 10,
			lookbackDays: 3,
			newShare: 0.3,
			pendingEvery: 2,
		}));
		const ids: Record<string, string> = {};
		for (const c of sandboxCredentials(demo))
			ids[c.type] = (
				await session.api.post<{ id: string }>('/credentials', {
					name: c.name,
					type: c.type,
					data: c.data,
				})
			).id;
		const wf = templateVariant({
			id: 'lockQueueSync0001',
			settings: {
				ossVatRates: ossVatRates(['BE:21', 'BE:6', 'DE:19', 'DE:7', 'FR:20', 'FR:5.5']),
				// the stood-down run ends green here, so that the form's job does too: its Report says it stood down
				failRunOnErrors: false,
			},
		});
		for (const n of wf.nodes as NodeJson[])
			for (const type of [MWW_CREDENTIAL.type, FS_CREDENTIAL.type])
				if (n.credentials?.[type])
					n.credentials[type] = { id: ids[type], name: n.credentials[type].name };
		syncId = await createAndPublish(wf);
		const form = JSON.parse(fs.readFileSync(FORM_TEMPLATE_PATH, 'utf8')) as WorkflowJson;
		for (const n of form.nodes as NodeJson[]) {
			if (n.name === F.form)
				n.parameters.options = { ...(n.parameters.options as object), path: FORM_PATH };
			if (n.name === F.call) n.parameters.workflowId = { __rl: true, mode: 'id', value: syncId };
		}
		formId = await createAndPublish(form);
		const until = Date.now() + 60_000;
		while ((await fetch(`${cluster.main.url}/form/${FORM_PATH}`)).status !== 200) {
			if (Date.now() > until) throw new Error('the form is not served');
			await sleep(500);
		}
	});

	async function createAndPublish(wf: WorkflowJson): Promise<string> {
		const created = await session.api.post<{ id: string }>('/workflows', {
			name: wf.name,
			nodes: wf.nodes,
			connections: wf.connections,
			settings: { executionOrder: 'v1', timezone: 'Europe/Amsterdam' },
		});
		await session.api.post(`/workflows/${created.id}/activate`);
		return created.id;
	}

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
		const [syncBefore, formBefore] = [await ids(syncId), await ids(formId)];
		await Promise.all(
			Array.from({ length: count }, async () => {
				const body = new FormData();
				body.set('field-0', fields.mode);
				body.set('field-1', fields.orders ?? '');
				body.set('field-2', fields.from ?? '');
				body.set('field-3', fields.to ?? '');
				const res = await fetch(`${cluster.main.url}/form/${FORM_PATH}`, { method: 'POST', body });
				expect(res.status).toBe(200);
			}),
		);
		const deadline = Date.now() + 5 * 60_000;
		for (;;) {
			const sync = (await session.api.listExecutions({ workflowId: syncId })).filter(
				(e) => !syncBefore.has(String(e.id)) && finished(e),
			);
			const jobs = (await session.api.listExecutions({ workflowId: formId })).filter(
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
