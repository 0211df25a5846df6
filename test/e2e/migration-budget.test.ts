/**
 * History at the real budget, in a real n8n 2.41.1 with the Factuursturen budget compressed (MIGRATION_BUDGET
 * requests per MIGRATION_WINDOW_S-second "hour"). The migration of a month of orders runs as many short executions,
 * as a schedule would start them once per budget window: each books the slice the budget left allows and ends; n8n is
 * restarted half-way and the migration goes on from its Data Table state. At the end: 0 rejected calls, 0 duplicates,
 * every order booked or reported, and the time against the floor (calls needed ÷ budget × window).
 * Scale: MIGRATION_ORDERS (default 300 generated orders; `npm run migrate:bench` runs a bigger one).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { amsterdamToday, type DemoShop } from '../../sandbox/demo-shop';
import {
	createN8nHome,
	killAllN8n,
	locateRuntime,
	packPackage,
	startRunner,
	type N8nHome,
	type ServerRunner,
} from '../../scripts/n8n';
import {
	formatReport,
	importTemplateSetup,
	ossVatRates,
	reportOf,
	templateVariant,
	type Report,
} from '../../scripts/demo/setup';
import { bookingRecord } from './support/booking-record';
import {
	fsControl,
	fsState,
	isBooked,
	shopOrders,
	type ShopOrder,
} from './support/shop-expectations';
import { startTemplateShop } from './support/template-shop';

const ORDERS = Number(process.env.MIGRATION_ORDERS ?? 300);
const BUDGET = Number(process.env.MIGRATION_BUDGET ?? 60);
const WINDOW_S = Number(process.env.MIGRATION_WINDOW_S ?? 15);
const DAYS = 30;
jest.setTimeout(60 * 60_000);

const TODAY = amsterdamToday();
const addDays = (ymd: string, n: number): string => {
	const d = new Date(`${ymd}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
};
const RANGE = { from: addDays(TODAY, -(DAYS - 1)), to: TODAY };
const ID = 'migBudgetSlices01';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('migrating history at the real budget', () => {
	let demo: DemoShop;
	let home: N8nHome;
	let runner: ServerRunner;
	let inRange: ShopOrder[];
	const scratch: string[] = [];

	beforeAll(async () => {
		locateRuntime();
		const tarball = await packPackage();
		scratch.push(path.dirname(tarball));
		const shop = await startTemplateShop({
			seed: 41,
			orderCount: ORDERS,
			today: TODAY,
			days: DAYS,
			lookbackDays: 3,
			newShare: 0.3,
			pendingEvery: 2,
		});
		demo = shop.demo;
		inRange = shopOrders(demo).filter(
			(o) => isBooked(o) && o.date >= RANGE.from && o.date <= RANGE.to,
		);
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-migrate-'));
		scratch.push(dir);
		home = createN8nHome({ dir, tarball });
		await importTemplateSetup(home, demo, [
			templateVariant({
				id: ID,
				settings: {
					mode: 'migrate',
					dateFrom: RANGE.from,
					dateTo: RANGE.to,
					ossVatRates: ossVatRates([
						'BE:21',
						'BE:6',
						'DE:19',
						'DE:7',
						'FR:20',
						'FR:5.5',
						'AT:20',
						'AT:10',
					]),
					apiBudgetPerHour: BUDGET,
					failRunOnErrors: false,
				},
				requestOptions: { rateLimitWindowSeconds: WINDOW_S },
			}),
		]);
		runner = await startRunner(home);
		await fsControl(demo, { rateLimit: { budget: BUDGET, windowMs: WINDOW_S * 1000 } });
	});

	afterAll(async () => {
		await runner?.stop();
		killAllN8n();
		await demo?.close();
		for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
	});

	it('books the range slice by slice, one execution per budget window, across a restart of n8n', async () => {
		const windowMs = WINDOW_S * 1000;
		const before = demo.factuursturen.requests.length;
		// the first run starts at the beginning of a window, as an hourly schedule would
		await sleep(windowMs - (Date.now() % windowMs) + 200);
		const started = Date.now();
		const reports: Report[] = [];
		let longest = 0;
		for (let run = 1; run <= 200; run++) {
			if (run === 4) await runner.restart(); // the migration goes on from its Data Table state
			const result = await runner.run(ID, { allowFailure: true });
			longest = Math.max(longest, result.durationMs);
			if (!result.runData.Report)
				throw new Error(
					`run ${run} ended without its Report: ${JSON.stringify(result.error ?? null).slice(0, 1500)}`,
				);
			const report = reportOf(result);
			reports.push(report);
			console.log(
				`[run ${run}, ${((Date.now() - started) / 1000).toFixed(0)} s, ${(result.durationMs / 1000).toFixed(1)} s] ${formatReport(report).split('\n')[0]}\n  ${
					formatReport(report)
						.split('\n')
						.find((l) => l.includes('migration')) ?? ''
				}`,
			);
			expect(report.migration).not.toBeNull();
			if (report.migration!.done) break;
			// the next scheduled run: the start of the next window
			await sleep(windowMs - (Date.now() % windowMs) + 200);
		}
		const elapsedS = (Date.now() - started) / 1000;
		const m = reports[reports.length - 1].migration!;
		expect(m.done).toBe(true);
		const calls = demo.factuursturen.requests.slice(before);

		// 0 rejected calls
		expect(calls.filter((r) => r.status === 403 || r.status === 429)).toEqual([]);
		// 0 duplicates
		const { invoices } = await fsState(demo);
		const refs = invoices.map((i) => i.reference.line1);
		expect(new Set(refs).size).toBe(refs.length);
		// every order booked or reported (in the booking record, with its outcome)
		const rows = new Map((await bookingRecord(runner)).map((r) => [r.orderNumber, r]));
		const missing = inRange.filter((o) => !rows.has(o.number)).map((o) => o.number);
		expect(missing).toEqual([]);
		const booked = inRange.filter((o) =>
			['sent', 'adopted', 'mismatched'].includes(rows.get(o.number)!.outcome),
		);
		for (const o of booked)
			expect([
				o.number,
				invoices.filter((i) => i.reference.line1 === `Bestelling ${o.number}`).length,
			]).toEqual([o.number, 1]);
		expect(m.booked + m.reported).toBe(inRange.length);
		expect(m.booked).toBe(booked.length);
		// many short executions: more than one window, none waiting for the budget
		expect(reports.length).toBeGreaterThan(2);
		expect(longest).toBeLessThan(windowMs * 2);

		const floorS = (calls.length / BUDGET) * WINDOW_S;
		console.log(
			`migration of ${inRange.length} orders (${m.booked} booked, ${m.reported} reported) in ${reports.length} executions across a restart: ` +
				`${calls.length} Factuursturen calls, 0 rejected, 0 duplicates; took ${elapsedS.toFixed(0)} s against a floor of ${floorS.toFixed(0)} s ` +
				`(${calls.length} calls ÷ ${BUDGET} per ${WINDOW_S} s window) = ${(elapsedS / floorS).toFixed(2)}× the floor; longest execution ${(longest / 1000).toFixed(1)} s`,
		);
	});
});
