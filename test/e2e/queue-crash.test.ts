/**
 * A worker killed mid-run in queue mode (PostgreSQL + Redis, one main, two workers), as a crash, an OOM kill or a
 * lost machine would leave it: the migration form is submitted, the worker that took the job is SIGKILLed while it
 * creates invoices (every create answered 300 ms late, so some are still on their way), a new worker is started,
 * and the owner submits the migration again. Judged from the Factuursturen sandbox: no order has two invoices, no
 * e-mail two debtors, every invoiceable order is invoiced or reported, and the second run's Report says what the
 * sandbox holds. Measured on the way: what n8n itself does with the killed execution. Last, n8n's database
 * (pg_dump and its files), the processes' folders and logs are searched for the tokens and the API key.
 *
 * n8n's stall detection and queue recovery run on shortened timers so the test fits in a few minutes: a job lock
 * of 10 s (default 60 s), a stalled-job check every 5 s (default 30 s) and a queue recovery check every 15 s
 * (default every 180 minutes). What they do is n8n's own, only sooner.
 */
import * as path from 'node:path';
import { orderReference } from '../../core/factuursturen/reference';
import { amsterdamToday, type DemoShop } from '../../sandbox/demo-shop';
import { addDays } from '../../sandbox/generator/ids';
import type { ExecuteResult, N8nSession, QueueCluster } from '../../scripts/n8n';
import {
	formatReport,
	SAMPLE_ACCOUNT_OSS_VAT_RATES,
	reportOf,
	type Report,
} from '../../scripts/demo/setup';
import { duplicates, TRANSIENT } from './support/fault-table';
import { cleanUp } from './support/n8n-scratch';
import { publishQueueShop, startQueueN8n, submitForm, type QueueShop } from './support/queue-shop';
import { filesUnder, secretHits } from './support/secrets';
import { fsState, isBooked, shopOrders, type ShopOrder } from './support/shop-expectations';
import { startTemplateShop } from './support/template-shop';

jest.setTimeout(10 * 60_000);

const OWNER = { ownerEmail: 'owner@example.test', ownerPassword: 'Queue-Crash-pass-2026' };
const TODAY = amsterdamToday();
const DAYS = 10;
const RANGE = { from: addDays(TODAY, -(DAYS - 1)), to: TODAY };
/** every invoice create answered this late: the kill lands while creates are on their way */
const LATENCY_MS = 300;
const KILL_AFTER_CREATES = 15;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const FINAL = new Set(['success', 'error', 'crashed', 'canceled']);

describe('a queue-mode worker killed mid-run, then the migration run again', () => {
	const scratch: string[] = [];
	let cluster: QueueCluster;
	let session: N8nSession;
	let demo: DemoShop;
	let shop: QueueShop;
	let expected: ShopOrder[];

	beforeAll(async () => {
		({ cluster, session } = await startQueueN8n('queue-crash-', scratch, {
			workers: 2,
			concurrency: 1,
			...OWNER,
			env: {
				QUEUE_WORKER_LOCK_DURATION: '10000',
				QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
				QUEUE_WORKER_STALLED_INTERVAL: '5000',
				N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '0.25',
			},
		}));
		({ demo } = await startTemplateShop({
			seed: 37,
			orderCount: 140,
			today: TODAY,
			days: DAYS,
			lookbackDays: 3,
			newShare: 0.3,
			pendingEvery: 2,
		}));
		expected = shopOrders(demo).filter(
			(o) => isBooked(o) && o.date >= RANGE.from && o.date <= RANGE.to,
		);
		shop = await publishQueueShop(session, cluster.main.url, demo, 'k', {
			ossVatRates: SAMPLE_ACCOUNT_OSS_VAT_RATES,
			failRunOnErrors: false,
			// the killed run leaves its run lock behind: short, so it has expired when the owner submits again
			runLockMinutes: 0.1,
		});
	});

	afterAll(() => cleanUp(scratch, cluster, demo));

	const executionIds = async (workflowId: string): Promise<Set<string>> =>
		new Set((await session.api.listExecutions({ workflowId })).map((e) => String(e.id)));

	async function status(id: string): Promise<string> {
		return String((await session.api.get<{ status: string }>(`/executions/${id}`)).status);
	}

	/** everything n8n printed or answered in these runs */
	const printed: string[] = [];
	let killedJob = '';
	let killedSync = '';
	/** an order the second run invoiced: the control of the secrets search */
	let invoicedOrder = '';

	it('the worker running the migration is SIGKILLed while it creates invoices; n8n ends the execution (error or crashed) and does not run it again', async () => {
		expect(expected.length).toBeGreaterThan(60);
		demo.factuursturen.setFaults([
			{ route: 'POST /api/v1/invoices', kind: 'slow', delayMs: LATENCY_MS, probability: 1 },
		]);
		const beforeJob = await executionIds(shop.formWorkflowId);
		const beforeSync = await executionIds(shop.workflowId);
		expect(await submitForm(cluster.main.url, shop, { mode: 'migrate', ...RANGE })).toBe(200);

		const creates = () =>
			demo.factuursturen.requests.filter(
				(r) => r.method === 'POST' && r.path === '/api/v1/invoices',
			).length;
		const deadline = Date.now() + 3 * 60_000;
		while (creates() < KILL_AFTER_CREATES) {
			if (Date.now() > deadline)
				throw new Error(
					`no ${KILL_AFTER_CREATES} creates within 3 minutes (${creates()}); workers:\n${cluster.workers.map((w) => w.logs().slice(-2000)).join('\n')}`,
				);
			await sleep(100);
		}
		const victim = cluster.workers.find((w) => w.executions().length > 0)!;
		expect(victim).toBeDefined();
		killedJob = victim.executions()[0];
		// the migration run the form called: new since the submission and not finished yet (a run of the workflow that
		// already ended, e.g. one n8n started and finished before this moment, is not the one being killed)
		const newSync = [...(await executionIds(shop.workflowId))].filter((id) => !beforeSync.has(id));
		const unfinished: string[] = [];
		for (const id of newSync) if (!FINAL.has(await status(id))) unfinished.push(id);
		expect(unfinished).toHaveLength(1);
		killedSync = unfinished[0];
		const beforeKill = { job: await status(killedJob), sync: await status(killedSync) };
		await victim.kill();
		const killedAt = Date.now();
		const createsAtKill = creates();
		const storedAtKill = (await fsState(demo)).invoices.length;
		expect(beforeJob.has(killedJob)).toBe(false);

		// a worker in place of the killed one, while n8n finds out
		const replacement = cluster.addWorker();
		const seen: Record<string, string[]> = { job: [beforeKill.job], sync: [beforeKill.sync] };
		let statuses = { job: '', sync: '' };
		while (Date.now() - killedAt < 120_000) {
			statuses = { job: await status(killedJob), sync: await status(killedSync) };
			for (const k of ['job', 'sync'] as const)
				if (seen[k].at(-1) !== statuses[k]) seen[k].push(statuses[k]);
			if (FINAL.has(statuses.job) && FINAL.has(statuses.sync)) break;
			await sleep(1_000);
		}
		const settledAfterS = ((Date.now() - killedAt) / 1000).toFixed(0);
		await replacement;
		const ranAgain = cluster.workers.filter(
			(w) => w !== victim && w.executions().includes(killedJob),
		);
		console.log(
			`queue crash: ${victim.name} SIGKILLed after ${createsAtKill} invoice creates (${storedAtKill} stored at that moment); ` +
				`n8n (status before the kill first): job execution ${killedJob} ${seen.job.join(' → ')}, sync execution ${killedSync} ${seen.sync.join(' → ')} ` +
				`(final after ${settledAfterS} s); run again by another worker: ${ranAgain.map((w) => w.name).join(', ') || 'no'}; ` +
				`main log: ${
					cluster.main
						.logs()
						.split('\n')
						.filter((l) => /dangling|crashed|stalled/i.test(l) && !/migration/i.test(l))
						.join(' | ') || '-'
				}`,
		);
		printed.push(cluster.main.logs(), ...cluster.workers.map((w) => w.logs()));
		expect(storedAtKill).toBeGreaterThan(0);
		// the job's execution fails with the stall ("job stalled more than maxStalledCount") or is marked crashed by the
		// queue recovery, whichever comes first; the called sync run has no job of its own: only the recovery ends it
		expect(['crashed', 'error']).toContain(statuses.job);
		expect(statuses.sync).toBe('crashed');
		expect(ranAgain).toEqual([]);
	});

	it('the owner submits the migration again: 0 duplicate invoices, 0 duplicate debtors, every order invoiced or reported, the Report as the sandbox', async () => {
		expect(killedJob).not.toBe('');
		// the answers that were on their way at the kill have landed; the owner's run sees no extra latency
		await sleep(LATENCY_MS * 4);
		demo.factuursturen.setFaults([]);
		const storedBefore = (await fsState(demo)).invoices.length;
		const beforeJob = await executionIds(shop.formWorkflowId);
		const beforeSync = await executionIds(shop.workflowId);
		const started = Date.now();
		expect(await submitForm(cluster.main.url, shop, { mode: 'migrate', ...RANGE })).toBe(200);
		let job: string | undefined;
		let sync: string | undefined;
		while (!job || !sync || !FINAL.has(await status(job)) || !FINAL.has(await status(sync))) {
			if (Date.now() - started > 4 * 60_000)
				throw new Error(
					`the second migration did not finish; workers:\n${cluster.workers.map((w) => w.logs().slice(-2000)).join('\n')}`,
				);
			await sleep(1_000);
			job ??= [...(await executionIds(shop.formWorkflowId))].find((id) => !beforeJob.has(id));
			sync ??= [...(await executionIds(shop.workflowId))].find((id) => !beforeSync.has(id));
		}
		expect([await status(job), await status(sync)]).toEqual(['success', 'success']);
		const full = await session.api.get<{
			data: { resultData: { runData: ExecuteResult['runData'] } };
		}>(`/executions/${sync}?includeData=true`);
		printed.push(JSON.stringify(full));
		const report: Report = reportOf({
			status: 'success',
			runData: full.data.resultData.runData,
			raw: {},
			durationMs: 0,
		});
		console.log(
			`[queue crash: the migration again, ${((Date.now() - started) / 1000).toFixed(0)} s] ${formatReport(report)}`,
		);

		const after = await duplicates(demo);
		const state = await fsState(demo);
		const invoiced = new Set(report.invoices.map((i) => i.orderNumber));
		const failed = new Set(report.failedOrders.map((f) => String(f.orderNumber)));
		const lost = expected.filter((o) => !invoiced.has(o.number) && !failed.has(o.number));
		const transient = report.failedOrders.filter((f) => TRANSIENT.test(String(f.code)));
		console.log(
			`queue crash, after the second run: ${state.invoices.length} invoices in the books (${storedBefore} before it), ` +
				`Report: ${report.sent} sent, ${report.adopted} adopted, ${report.failed} reported; ` +
				`${after.invoices.length} duplicate invoices, ${after.debtors.length} duplicate debtors, ${lost.length} lost`,
		);
		invoicedOrder = report.invoices[0]?.orderNumber ?? '';
		expect(after).toEqual({ invoices: [], debtors: [] });
		expect(lost.map((o) => o.number)).toEqual([]);
		expect(transient).toEqual([]);
		expect(report.duplicates).toBe(0);
		// what the Report says is what the books hold: every invoice of the books is one of the Report's, once
		expect(report.adopted).toBeGreaterThanOrEqual(storedBefore);
		expect(report.sent + report.adopted).toBe(state.invoices.length);
		for (const i of report.invoices)
			expect([
				i.orderNumber,
				state.invoices
					.filter((x) => x.reference.line1 === orderReference(i.orderNumber))
					.map((x) => x.invoicenr),
			]).toEqual([i.orderNumber, [i.invoicenr]]);
	});

	it("no token or API key in n8n's database, its processes' folders or what they printed", async () => {
		const secrets = [
			demo.mijnwebwinkel.storeToken,
			demo.mijnwebwinkel.partnerToken,
			demo.factuursturen.apiKey,
		];
		const dump = await cluster.services.dump();
		printed.push(dump, cluster.main.logs(), ...cluster.workers.map((w) => w.logs()));
		// the installed package's own code is no execution data
		const homes = [cluster.mainHome, ...cluster.workers.map((w) => w.home)];
		const files = [
			...filesUnder(
				path.dirname(cluster.mainHome.dir),
				homes.map((h) => path.join(h.dataDir, 'nodes')),
			),
			...filesUnder(cluster.services.pgDataRoot()),
		];
		const hits = secretHits(
			secrets,
			[...new Set(files)],
			printed,
			path.dirname(cluster.mainHome.dir),
		);
		// control: the same search finds what the runs handled (an invoiced order's reference in the database dump)
		const handled = orderReference(invoicedOrder);
		console.log(
			`secrets (queue mode): ${secrets.length} secrets searched in ${files.length} files, a ${(dump.length / 1e6).toFixed(1)} MB database dump and ${printed.length} outputs: ${hits.length} hits (control "${handled}" in the dump: ${dump.includes(handled)})`,
		);
		expect(dump.includes(handled)).toBe(true);
		expect(hits).toEqual([]);
	});
});
