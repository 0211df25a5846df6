/**
 * History at the real budget, in a real n8n 2.41.1 with the Factuursturen budget compressed (MIGRATION_BUDGET
 * requests per MIGRATION_WINDOW_S-second "hour"). The migration of a month of orders runs as many short executions,
 * as a schedule would start them MIGRATION_TICKS times per budget window (the first at the window's start; a tick
 * while a run is still going is missed, as a run lock would refuse it): each books the slice the budget left allows,
 * or stands down when it allows none, and ends; n8n is restarted after the first slice of the third window and the
 * migration goes on from its Data Table state. At the end: 0 rejected calls, 0 searches, 0 duplicates, every order
 * booked or reported, and the time against the floor (calls needed ÷ budget × window), with n8n's peak memory.
 * Scale: MIGRATION_ORDERS (default 300 generated orders; `npm run migrate:bench` runs a bigger one).
 * n8n runs with its heap limited to MIGRATION_HEAP_MB (default 600; 0: Node's own limit), as README's Scaling section
 * advises: without a limit V8 lets the heap grow towards its default limit (4 GB on this 24 GB machine) before it
 * collects.
 */
import * as fs from 'node:fs';
import { amsterdamToday, type DemoShop } from '../../sandbox/demo-shop';
import { addDays } from '../../sandbox/generator/ids';
import type { ServerRunner } from '../../scripts/n8n';
import { formatReport, reportOf, type Report } from '../../scripts/demo/setup';
import { bookingRecord } from './support/booking-record';
import { cleanUp } from './support/n8n-scratch';
import {
	fsControl,
	fsState,
	isBooked,
	shopOrders,
	type ShopOrder,
} from './support/shop-expectations';
import { startTemplateShop } from './support/template-shop';
import { e2eTemplate, startTemplateN8n } from './support/template-in-n8n';

const ORDERS = Number(process.env.MIGRATION_ORDERS ?? 300);
const BUDGET = Number(process.env.MIGRATION_BUDGET ?? 60);
const WINDOW_S = Number(process.env.MIGRATION_WINDOW_S ?? 15);
const TICKS = Number(process.env.MIGRATION_TICKS ?? 4);
const HEAP_MB = Number(process.env.MIGRATION_HEAP_MB ?? 600);
const DAYS = 30;
jest.setTimeout(60 * 60_000);

const TODAY = amsterdamToday();
const RANGE = { from: addDays(TODAY, -(DAYS - 1)), to: TODAY };
const ID = 'migBudgetSlices01';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Peak resident memory (VmHWM) of n8n's process, in MB; null where /proc cannot tell. */
function peakRssMb(pid: number | undefined): number | null {
	if (pid === undefined) return null;
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1];
		return kb === undefined ? null : Math.round(Number(kb) / 1024);
	} catch {
		return null;
	}
}

describe('migrating history at the real budget', () => {
	let demo: DemoShop;
	let runner: ServerRunner;
	let inRange: ShopOrder[];
	const scratch: string[] = [];

	beforeAll(async () => {
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
		({ runner } = await startTemplateN8n(
			'e2e-migrate-',
			scratch,
			demo,
			[
				e2eTemplate({
					id: ID,
					settings: {
						mode: 'migrate',
						dateFrom: RANGE.from,
						dateTo: RANGE.to,
						apiBudgetPerHour: BUDGET,
						failRunOnErrors: false,
					},
					requestOptions: { rateLimitWindowSeconds: WINDOW_S },
				}),
			],
			[],
			HEAP_MB > 0 ? { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` } : {},
		));
		await fsControl(demo, { rateLimit: { budget: BUDGET, windowMs: WINDOW_S * 1000 } });
	});

	afterAll(() => cleanUp(scratch, runner, demo));

	it('books the range slice by slice, as a schedule starts the runs, across a restart of n8n', async () => {
		const windowMs = WINDOW_S * 1000;
		const tickMs = windowMs / TICKS;
		const before = demo.factuursturen.requests.length;
		// the first run starts at the beginning of a window, as a schedule aligned to the hour would
		await sleep(windowMs - (Date.now() % windowMs) + 200);
		const started = Date.now();
		const reports: Report[] = [];
		let longest = 0;
		let slices = 0;
		let peakMb: number | null = null;
		const notePeak = (): void => {
			const mb = peakRssMb(runner.n8n.process.pid);
			if (mb !== null) peakMb = Math.max(peakMb ?? 0, mb);
		};
		let restarted = false;
		let downS = 0;
		for (let run = 1; run <= 20_000; run++) {
			const result = await runner.run(ID, { allowFailure: true });
			longest = Math.max(longest, result.durationMs);
			if (!result.runData.Report)
				throw new Error(
					`run ${run} ended without its Report: ${JSON.stringify(result.error ?? null).slice(0, 1500)}`,
				);
			const report = reportOf(result);
			reports.push(report);
			const handled =
				report.sent + report.adopted + report.skipped + report.failed + report.mismatched;
			if (handled > 0) {
				slices++;
				console.log(
					`[run ${run}, ${((Date.now() - started) / 1000).toFixed(0)} s, ${(result.durationMs / 1000).toFixed(1)} s] ${formatReport(report).split('\n')[0]}\n  ${
						formatReport(report)
							.split('\n')
							.find((l) => l.includes('migration')) ?? ''
					}`,
				);
			}
			expect(report.migration).not.toBeNull();
			if (report.migration!.done) break;
			if (!restarted && handled > 0 && Date.now() - started >= 2 * windowMs) {
				// between two runs, while the budget of this window is spent: the migration goes on from its Data
				// Table state (a restart at a window's start would leave the window unused for as long as n8n starts)
				notePeak();
				const down = Date.now();
				await runner.restart();
				downS = (Date.now() - down) / 1000;
				restarted = true;
			}
			// the schedule's next tick
			await sleep(tickMs - (Date.now() % tickMs) + 200);
		}
		notePeak();
		expect(restarted).toBe(true);
		const elapsedS = (Date.now() - started) / 1000;
		const m = reports[reports.length - 1].migration!;
		expect(m.done).toBe(true);
		const calls = demo.factuursturen.requests.slice(before);
		const rejected = calls.filter((r) => r.status === 403 || r.status === 429);
		const searches = calls.filter((r) => r.path.startsWith('/api/v1/search/'));
		const { invoices } = await fsState(demo);
		const refs = invoices.map((i) => i.reference.line1);

		// the figures first, so that a run that fails an assertion below still tells them
		const floorS = (calls.length / BUDGET) * WINDOW_S;
		console.log(
			`migration of ${inRange.length} orders (${m.booked} booked, ${m.reported} reported) in ${reports.length} executions ` +
				`(${slices} booked a slice, ${reports.length - slices} stood down; ${TICKS} ticks per window) across a restart: ` +
				`${calls.length} Factuursturen calls, ${rejected.length} rejected, ${searches.length} searches, ${refs.length - new Set(refs).size} duplicates; took ${elapsedS.toFixed(0)} s against a floor of ${floorS.toFixed(0)} s ` +
				`(${calls.length} calls ÷ ${BUDGET} per ${WINDOW_S} s window) = ${(elapsedS / floorS).toFixed(2)}× the floor ` +
				`(n8n took ${downS.toFixed(0)} s to restart); longest execution ${(longest / 1000).toFixed(1)} s; ` +
				`n8n peak RSS ${peakMb ?? '?'} MB (heap limit ${HEAP_MB > 0 ? `${HEAP_MB} MB` : "Node's default"})`,
		);

		// 0 rejected calls
		expect(rejected).toEqual([]);
		// no credit note searched for its original: earlier slices are in the booking record, older ones in the list
		expect(searches).toEqual([]);
		// 0 duplicates
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
		expect(slices).toBeGreaterThan(2);
		expect(longest).toBeLessThan(windowMs * 2);
	});
});
