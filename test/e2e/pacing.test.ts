/**
 * The budget case that used to fail most orders: a daily batch in which EVERY customer is new (the bulk debtor step
 * alone needs more than a window's budget), at a small compressed budget. Every call is paced: none is refused,
 * no order fails or waits for the budget (the short renewals are waited for inside the nodes and by the Wait nodes),
 * and burst pacing spends each full window to the last request but the reserve.
 */
import { amsterdamToday, type DemoShop } from '../../sandbox/demo-shop';
import { startFactuursturenSandbox } from '../../sandbox/factuursturen';
import type { ServerRunner } from '../../scripts/n8n';
import { formatReport, reportOf } from '../../scripts/demo/setup';
import { cleanUp } from './support/n8n-scratch';
import {
	fsState,
	inLookback,
	invoiceForOrder,
	isBooked,
	shopOrders,
} from './support/shop-expectations';
import { startTemplateShop } from './support/template-shop';
import { e2eTemplate, startTemplateN8n } from './support/template-in-n8n';

jest.setTimeout(10 * 60_000);

const LOOKBACK = 3;
const BUDGET = 30;
const WINDOW_SECONDS = 10;
/** the template's reserve: kept free for a person at work in Factuursturen */
const RESERVE = 1;

describe('pacing in real n8n: only new debtors, a budget of 30 requests per 10-second window', () => {
	const scratch: string[] = [];
	let demo: DemoShop;
	// the template keeps its booking record in a Data Table, so it runs inside `n8n start` (see scripts/n8n/server-run.ts)
	let runner: ServerRunner | undefined;

	beforeAll(async () => {
		const shop = await startTemplateShop({
			seed: 11,
			orderCount: 300,
			today: amsterdamToday(),
			days: 14,
			lookbackDays: LOOKBACK,
			newShare: 0.3,
			pendingEvery: 2,
		});
		// the same shop, booked into a Factuursturen account that knows none of its customers
		await shop.demo.factuursturen.close();
		demo = {
			...shop.demo,
			factuursturen: await startFactuursturenSandbox({
				seed: 11,
				clients: [],
				rateLimit: { budget: BUDGET, windowMs: WINDOW_SECONDS * 1000 },
				port: 0,
			}),
		};
	});

	afterAll(() => cleanUp(scratch, runner, demo?.mijnwebwinkel, demo?.factuursturen));

	it('no call refused, no order failed or left waiting for the budget, every full window used ≥ 95 %', async () => {
		const settings = { mode: 'daily' as const, lookbackDays: LOOKBACK, failRunOnErrors: false };
		({ runner } = await startTemplateN8n('e2e-pacing-', scratch, demo, [
			e2eTemplate({
				id: 'tplE2ePacingNew01',
				settings,
				requestOptions: { rateLimitWindowSeconds: WINDOW_SECONDS },
			}),
			// as in production, where the renewal is up to an hour away: no waiting inside a node at all
			e2eTemplate({
				id: 'tplE2ePacingWait1',
				settings,
				requestOptions: { rateLimitWindowSeconds: WINDOW_SECONDS, maxWaitSeconds: 0 },
			}),
		]));
		const report = reportOf(await runner.run('tplE2ePacingNew01', { timeoutMs: 8 * 60_000 }));
		console.log(formatReport(report));
		const calls = demo.factuursturen.requests;
		const created = calls.filter((r) => r.method === 'POST' && r.path === '/api/v1/clients').length;

		// every customer of the batch was new, and the debtor step alone needed more than a window
		const batch = shopOrders(demo).filter((o) => isBooked(o) && inLookback(o, LOOKBACK));
		expect(created).toBeGreaterThan(BUDGET);
		expect(calls.length).toBeGreaterThan(3 * BUDGET);

		expect(calls.filter((r) => r.status === 403 || r.status === 429)).toEqual([]);
		expect(report.waitingForBudget).toBe(0);
		expect(
			report.failedOrders.filter((f) => /budget|rate_?limit|http_4(03|29)/i.test(String(f.code))),
		).toEqual([]);
		expect(report.sent + report.failed).toBe(batch.length);
		const state = await fsState(demo);
		for (const i of report.invoices)
			expect([i.orderNumber, invoiceForOrder(state.invoices, i.orderNumber).length]).toEqual([
				i.orderNumber,
				1,
			]);

		// budget use per window: every window between the first (entered part-way) and the last (the rest of the work)
		const perWindow = new Map<number, number>();
		for (const r of calls) {
			const w = Math.floor(Date.parse(String(r.at)) / (WINDOW_SECONDS * 1000));
			perWindow.set(w, (perWindow.get(w) ?? 0) + 1);
		}
		const windows = [...perWindow.entries()].sort(([a], [b]) => a - b);
		console.log(
			`calls per ${WINDOW_SECONDS}-s window (budget ${BUDGET}): ${windows.map(([, n]) => n).join(', ')}`,
		);
		const full = windows.slice(1, -1);
		expect(full.length).toBeGreaterThan(0);
		for (const [w, n] of full) {
			expect([w, n]).toEqual([w, expect.any(Number)]);
			expect(n / BUDGET).toBeGreaterThanOrEqual(0.95);
			expect(n).toBeLessThanOrEqual(BUDGET - RESERVE + 1); // a request logged a millisecond either side of a boundary
		}
	});

	it('a renewal too far to wait for inside a node: what does not fit waits for the next run, reported as waiting, never failed or refused', async () => {
		// fresh books (no debtors, no invoices) and a fresh budget
		expect(
			(await fetch(`${demo.factuursturen.url}/__sandbox/reset`, { method: 'POST' })).status,
		).toBe(200);
		const batch = shopOrders(demo).filter((o) => isBooked(o) && inLookback(o, LOOKBACK));
		const first = reportOf(await runner!.run('tplE2ePacingWait1', { timeoutMs: 8 * 60_000 }));
		console.log(`first run: ${formatReport(first).split('\n')[0]}`);
		// the debtor step stops at the budget: the rest is left, not sent and not failed
		expect(first.waitingForBudget).toBeGreaterThan(0);
		expect(
			first.waitingForBudgetOrders.every((w) => w.code === 'waiting_for_budget' && w.orderNumber),
		).toBe(true);
		expect(
			first.failedOrders.filter((f) => /budget|rate_?limit|http_4(03|29)/i.test(String(f.code))),
		).toEqual([]);
		expect(first.sent + first.failed + first.waitingForBudget).toBe(batch.length);
		let state = await fsState(demo);
		for (const w of first.waitingForBudgetOrders)
			expect(invoiceForOrder(state.invoices, String(w.orderNumber))).toHaveLength(0);

		// the next run books (part of) what waited, adopts what is done, and still nothing is refused or doubled
		const second = reportOf(await runner!.run('tplE2ePacingWait1', { timeoutMs: 8 * 60_000 }));
		console.log(`second run: ${formatReport(second).split('\n')[0]}`);
		expect(second.sent).toBeGreaterThan(0);
		expect(second.waitingForBudget).toBeLessThan(first.waitingForBudget);
		expect(second.adopted).toBe(first.sent);
		expect(demo.factuursturen.requests.filter((r) => r.status === 403 || r.status === 429)).toEqual(
			[],
		);
		state = await fsState(demo);
		const refs = state.invoices.map((i) => i.reference.line1);
		expect(new Set(refs).size).toBe(refs.length);
		const emails = state.clients.map((c) => String(c.email).trim().toLowerCase());
		expect(new Set(emails).size).toBe(emails.length);
	});
});
