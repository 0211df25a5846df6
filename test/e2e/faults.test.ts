/**
 * Never twice under faults, in a real n8n 2.41.1: the template migrates a generated shop while the Factuursturen
 * sandbox injects each fault kind at 10 % of the calls of its route (a lost answer after the commit, an answer
 * slower than the client time-out whose commit also lands after the look-up, connection resets, 503s, lists
 * answered with an HTML page) and the Mijnwebwinkel sandbox answers 503 to 10 % of the order pages. Then the
 * same run again without faults. Judged from the sandboxes' state: no order has two invoices, no e-mail two
 * debtors, every order is invoiced or reported with its reason, and after the clean run only refusals remain.
 * Then n8n is killed while it creates invoices (some answers still on their way) and the run repeated. Last,
 * n8n's database, files and output are searched for the tokens and the API key.
 * Sized for CI: one shop of ~200 orders, four runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { orderReference } from '../../core/factuursturen/reference';
import { amsterdamToday, type DemoShop } from '../../sandbox/demo-shop';
import { addDays } from '../../sandbox/generator/ids';
import { killAllN8n, type N8nHome, type ServerRunner } from '../../scripts/n8n';
import { formatReport, reportOf, type Report } from '../../scripts/demo/setup';
import { duplicates, faultsAt, SLOW_MS, TIMEOUT_MS, TRANSIENT } from './support/fault-table';
import { cleanUp } from './support/n8n-scratch';
import { fsState, isBooked, shopOrders, type ShopOrder } from './support/shop-expectations';
import { filesUnder, secretHits } from './support/secrets';
import { startTemplateShop } from './support/template-shop';
import { e2eTemplate, startTemplateN8n } from './support/template-in-n8n';

jest.setTimeout(15 * 60_000);

const SEED = 29;
const TODAY = amsterdamToday();
const ID = 'tplE2eFaults00001';
const P = 0.1;

describe('never twice under faults, template in real n8n', () => {
	let demo: DemoShop;
	let home: N8nHome;
	// the template keeps its booking record in Data Tables: it runs inside n8n start (scripts/n8n/server-run.ts)
	let runner: ServerRunner;
	let expected: ShopOrder[];
	const scratch: string[] = [];

	beforeAll(async () => {
		const shop = await startTemplateShop({
			seed: SEED,
			orderCount: 200,
			today: TODAY,
			days: 10,
			lookbackDays: 3,
			newShare: 0.5,
			pendingEvery: 3,
		});
		demo = shop.demo;
		const from = addDays(TODAY, -9);
		expected = shopOrders(demo).filter((o) => isBooked(o) && o.date >= from && o.date <= TODAY);
		({ home, runner } = await startTemplateN8n('e2e-faults-', scratch, demo, [
			e2eTemplate({
				id: ID,
				settings: {
					mode: 'migrate',
					// the run killed below leaves its run lock behind: short, so it has expired by the next run
					runLockMinutes: 0.1,
					dateFrom: from,
					dateTo: TODAY,
				},
				requestOptions: { timeoutMs: TIMEOUT_MS },
			}),
		]));
	});

	afterAll(() => cleanUp(scratch, runner, demo));

	/** everything n8n printed in these runs (its log and the execution result) */
	const printed: string[] = [];

	async function run(label: string): Promise<Report> {
		// a run with failed orders ends in error after its Report (failRunOnErrors)
		const result = await runner.run(ID, { allowFailure: true });
		// what n8n printed: the execution as read back, and the server's log
		printed.push(JSON.stringify(result.raw), runner.n8n.logs());
		const report = reportOf(result);
		expect(result.status).toBe(report.ok ? 'success' : 'error');
		console.log(`[faults: ${label}] ${formatReport(report)}`);
		return report;
	}

	it('each fault kind at 10 %, mixed: 0 duplicate invoices, 0 duplicate debtors, every order invoiced or reported; a clean re-run leaves only refusals', async () => {
		expect(expected.length).toBeGreaterThan(60);
		const faults = faultsAt(P);
		demo.factuursturen.setFaults(faults.fs);
		demo.mijnwebwinkel.setFaults(faults.mww);
		const first = await run(`mixed ${P * 100} %`);
		const hits = demo.factuursturen.requests.filter((r) => r.fault !== null).length;
		const afterFaults = await duplicates(demo);

		// every order is accounted for: invoiced, or reported with a code (refused, or verified next run)
		const invoiced = new Set(first.invoices.map((i) => i.orderNumber));
		const failed = new Map(first.failedOrders.map((f) => [String(f.orderNumber), f]));
		const lost = expected
			.filter((o) => !invoiced.has(o.number) && !failed.has(o.number))
			.map((o) => o.number);

		demo.factuursturen.setFaults([]);
		demo.mijnwebwinkel.setFaults([]);
		// the slow answers' commits land; then the next run settles every unknown outcome
		await new Promise((r) => setTimeout(r, SLOW_MS + 1_000));
		const second = await run('re-run without faults');
		const afterRerun = await duplicates(demo);
		const invoicedNow = new Set([...second.invoices.map((i) => i.orderNumber)]);
		const stillFailed = second.failedOrders.filter((f) => TRANSIENT.test(String(f.code)));
		const lostAfterRerun = expected.filter(
			(o) =>
				!invoicedNow.has(o.number) &&
				!second.failedOrders.some((f) => String(f.orderNumber) === o.number),
		);

		console.log(
			`fault suite (${expected.length} orders to book, ${hits} Factuursturen calls hit by a fault): ` +
				`after the faulty run ${afterFaults.invoices.length} duplicate invoices, ${afterFaults.debtors.length} duplicate debtors, ` +
				`${lost.length} lost, ${first.outcomeUnknown} outcome unknown, ${first.failed} failed; after the re-run ` +
				`${afterRerun.invoices.length} duplicate invoices, ${afterRerun.debtors.length} duplicate debtors, ${lostAfterRerun.length} lost, ` +
				`${stillFailed.length} still failing for a transient reason`,
		);
		expect(hits).toBeGreaterThan(10);
		expect(afterFaults).toEqual({ invoices: [], debtors: [] });
		expect(lost).toEqual([]);
		expect(first.duplicates).toBe(0);
		expect(first.ok).toBe(false);
		expect(afterRerun).toEqual({ invoices: [], debtors: [] });
		expect(lostAfterRerun.map((o) => o.number)).toEqual([]);
		expect(stillFailed).toEqual([]);
		expect(second.outcomeUnknown).toBe(0);
		// the re-run books what the faulty run could not, and its Report counts match the sandbox
		const state = await fsState(demo);
		for (const i of second.invoices)
			expect([
				i.orderNumber,
				state.invoices.filter((x) => x.reference.line1 === orderReference(i.orderNumber)).length,
			]).toEqual([i.orderNumber, 1]);
	});

	it('n8n killed (SIGKILL) while it creates invoices, some of them slow, then run again: 0 duplicates, every order invoiced or reported', async () => {
		// fresh books (the seeded debtors only), and every third create answered late
		expect(
			(await fetch(`${demo.factuursturen.url}/__sandbox/reset`, { method: 'POST' })).status,
		).toBe(200);
		demo.factuursturen.setFaults([
			{ route: 'POST /api/v1/invoices', kind: 'slow', delayMs: SLOW_MS, probability: 0.3 },
		]);
		const from = demo.factuursturen.requests.length;
		const creates = () =>
			demo.factuursturen.requests
				.slice(from)
				.filter((r) => r.method === 'POST' && r.path === '/api/v1/invoices').length;
		const crashed = runner.run(ID, { allowFailure: true }).then(
			() => 'finished',
			() => 'killed',
		);
		const deadline = Date.now() + 5 * 60_000;
		while (creates() < 15 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		killAllN8n();
		const createsAtKill = creates();
		expect(await crashed).toBe('killed');
		await runner.restart();
		const createdBeforeCrash = (await fsState(demo)).invoices.length;
		demo.factuursturen.setFaults([]);
		await new Promise((r) => setTimeout(r, SLOW_MS + 1_000));

		const report = await run('after a crash');
		const after = await duplicates(demo);
		const booked = new Set(report.invoices.map((i) => i.orderNumber));
		const lost = expected.filter(
			(o) =>
				!booked.has(o.number) &&
				!report.failedOrders.some((f) => String(f.orderNumber) === o.number),
		);
		const transient = report.failedOrders.filter((f) => TRANSIENT.test(String(f.code)));
		console.log(
			`crash suite: killed after ${createsAtKill} creates (${createdBeforeCrash} stored at once); the next run adopted ${report.adopted} and sent ${report.sent}: ` +
				`${after.invoices.length} duplicate invoices, ${after.debtors.length} duplicate debtors, ${lost.length} lost`,
		);
		expect(createdBeforeCrash).toBeGreaterThan(0);
		expect(report.adopted).toBeGreaterThanOrEqual(createdBeforeCrash);
		expect(after).toEqual({ invoices: [], debtors: [] });
		expect(lost.map((o) => o.number)).toEqual([]);
		expect(transient).toEqual([]);
	});

	it("secrets stay secret under all of the above: no token or API key in n8n's database, files or output", () => {
		const secrets = [
			demo.mijnwebwinkel.storeToken,
			demo.mijnwebwinkel.partnerToken,
			demo.factuursturen.apiKey,
		];
		// the installed package's own code is no execution data
		const files = filesUnder(home.dir, [path.join(home.dataDir, 'nodes')]);
		expect(files.some((f) => f.endsWith('database.sqlite'))).toBe(true);
		const hits = secretHits(secrets, files, printed, home.dir);
		// control: the same search does find what the runs handled (an order's reference in the output and the database)
		const handled = orderReference(expected[0].number);
		const inDatabase = files
			.filter((f) => f.endsWith('database.sqlite') || f.includes('database.sqlite-'))
			.some((f) => fs.readFileSync(f).toString('latin1').includes(handled));
		console.log(
			`secrets: ${secrets.length} secrets searched in ${files.length} files and ${printed.length} outputs of n8n: ${hits.length} hits (control "${handled}": output ${printed.some((t) => t.includes(handled))}, database ${inDatabase})`,
		);
		expect([printed.some((t) => t.includes(handled)), inDatabase]).toEqual([true, true]);
		expect(hits).toEqual([]);
	});
});
