/**
 * The hourly Factuursturen budget: X-RateLimit-Remaining on every output item with a suggested wait; every
 * request paced, so a spent budget is never hit: a short wait for the renewal is slept inside the node, a long
 * one leaves the rest of the batch `waiting_for_budget` (not sent, not failed) and the next run books it.
 * The sandbox's window is compressed; in the first group its clock is controlled, in the last it is real.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import {
	clearBudgetLedger,
	nextFullHour,
	rateLimitInfo,
	remainingFromHeaders,
} from '../../../nodes/Factuursturen/transport/rateLimit';
import { items, makeOrder, runNode, sandbox, type Sandbox } from './harness';

const clients = ['a', 'b', 'c', 'd', 'e', 'f'].map((x, n) => ({
	clientnr: String(80 + n),
	contact: x.toUpperCase(),
	email: `${x}@example.nl`,
}));
const orders = clients.map((c, n) =>
	makeOrder({ number: String(5000 + n), email: String(c.email) }),
);
const getOrCreate = {
	resource: 'client',
	operation: 'getOrCreateByEmail',
	lookupStrategy: 'search',
};

describe('rate-limit arithmetic', () => {
	it('renews at the next full hour; spreads the remaining budget minus the reserve over it', () => {
		const now = new Date('2025-06-02T08:45:00.000Z');
		expect(nextFullHour(now).toISOString()).toBe('2025-06-02T09:00:00.000Z');
		expect(nextFullHour(new Date('2025-06-02T08:00:00.000Z')).toISOString()).toBe(
			'2025-06-02T09:00:00.000Z',
		);
		// 900 s left, 35 remaining, reserve 5 → 30 usable → 30 s apart
		expect(rateLimitInfo(35, now, 5)).toEqual({
			remaining: 35,
			renewsAt: '2025-06-02T09:00:00.000Z',
			suggestedWaitSeconds: 30,
			requestsBeforeWait: 0,
		});
		// nothing usable left: wait for the renewal
		expect(rateLimitInfo(3, now, 5).suggestedWaitSeconds).toBe(900);
		expect(rateLimitInfo(0, now, 0).suggestedWaitSeconds).toBe(900);
		// no header seen yet: nothing to spread
		expect(rateLimitInfo(null, now, 5)).toMatchObject({ remaining: null, suggestedWaitSeconds: 0 });
		// rounded up, never a fraction
		expect(rateLimitInfo(705, new Date('2025-06-02T08:59:59.500Z'), 5).suggestedWaitSeconds).toBe(
			1,
		);
	});

	it('burst pacing: no wait while more than the reserve is left, then until the renewal', () => {
		const now = new Date('2025-06-02T08:45:00.000Z');
		expect(rateLimitInfo(35, now, 5, 'burst').suggestedWaitSeconds).toBe(0);
		expect(rateLimitInfo(6, now, 5, 'burst').suggestedWaitSeconds).toBe(0);
		expect(rateLimitInfo(5, now, 5, 'burst').suggestedWaitSeconds).toBe(900);
		expect(rateLimitInfo(null, now, 5, 'burst').suggestedWaitSeconds).toBe(0);
	});

	it('says how many requests may go at once before a wait: none while spreading, nothing known or waiting', () => {
		const now = new Date('2025-06-02T08:45:00.000Z');
		expect(rateLimitInfo(35, now, 5, 'burst').requestsBeforeWait).toBe(30);
		expect(rateLimitInfo(6, now, 5, 'burst').requestsBeforeWait).toBe(1);
		expect(rateLimitInfo(5, now, 5, 'burst').requestsBeforeWait).toBe(0);
		expect(rateLimitInfo(null, now, 5, 'burst').requestsBeforeWait).toBe(0);
		expect(rateLimitInfo(35, now, 5, 'spread').requestsBeforeWait).toBe(0);
	});

	it('a compressed window renews at its own multiples (tests only)', () => {
		const now = new Date('2025-06-02T08:45:07.000Z');
		expect(nextFullHour(now, 20_000).toISOString()).toBe('2025-06-02T08:45:20.000Z');
		expect(rateLimitInfo(2, now, 2, 'burst', 20_000)).toEqual({
			remaining: 2,
			renewsAt: '2025-06-02T08:45:20.000Z',
			suggestedWaitSeconds: 13,
			requestsBeforeWait: 0,
		});
	});

	it('reads the header case-insensitively and ignores junk', () => {
		expect(remainingFromHeaders({ 'x-ratelimit-remaining': '42' })).toBe(42);
		expect(remainingFromHeaders({ 'X-RateLimit-Remaining': ['7'] })).toBe(7);
		expect(remainingFromHeaders({ 'x-ratelimit-remaining': 'lots' })).toBeNull();
		expect(remainingFromHeaders(undefined)).toBeNull();
	});
});

describe('budget against the sandbox', () => {
	let now = Date.parse('2025-06-02T08:00:00.000Z');
	let s: Sandbox;
	beforeAll(async () => {
		s = await sandbox({ clients, now: () => now, rateLimit: { budget: 4, windowMs: 60_000 } });
	});
	afterAll(() => s.close());
	beforeEach(async () => {
		now = Date.parse('2025-06-02T08:00:00.000Z');
		await s.reset();
		// the node's record of what the budget said is kept per real clock window; this sandbox's clock is its own
		clearBudgetLedger();
	});

	it('every output item carries the remaining budget from the last response', async () => {
		const out = await runNode(
			s,
			{ ...getOrCreate, requestOptions: { rateLimitReserve: 0, pacing: 'spread' } },
			{ items: items(...(orders.slice(0, 3) as unknown as IDataObject[])) },
		);
		expect(out.map((o) => (o.json.rateLimit as IDataObject).remaining)).toEqual([3, 2, 1]);
		for (const o of out) {
			const rl = o.json.rateLimit as IDataObject;
			expect(Date.parse(String(rl.renewsAt)) % 3_600_000).toBe(0);
			expect(rl.suggestedWaitSeconds).toBeGreaterThan(0);
		}
	});

	it('an execution that sends nothing says the budget this process last saw, not "unknown"', async () => {
		await runNode(
			s,
			{ ...getOrCreate, requestOptions: { rateLimitReserve: 0 } },
			{ items: items(...(orders.slice(0, 1) as unknown as IDataObject[])) },
		);
		const before = (await s.requests()).length;
		const adopted = makeOrder({ number: '5001', email: 'jan@example.nl' });
		const out = await runNode(
			s,
			{
				resource: 'invoice',
				operation: 'createFromOrder',
				requestOptions: { rateLimitReserve: 0 },
			},
			{
				items: items({
					...(adopted as unknown as IDataObject),
					clientnr: '57',
					tax_type: 'extax',
					existingInvoice: { invoicenr: '2025-0001' },
				}),
			},
		);
		expect(out[0].json.invoiceAction).toBe('adopted');
		expect(await s.requests()).toHaveLength(before);
		expect(out[0].json.rateLimit).toMatchObject({ remaining: 3, requestsBeforeWait: 3 });
	});

	it('running out mid-batch: the rest waits for the budget without a call, and the next run books it', async () => {
		const paced = { ...getOrCreate, requestOptions: { rateLimitReserve: 0 } };
		const out = await runNode(s, paced, {
			items: items(...(orders as unknown as IDataObject[])),
			continueOnFail: true,
		});
		expect(out.map((o) => o.json.debtorAction ?? (o.json.details as IDataObject).code)).toEqual([
			'matched',
			'matched',
			'matched',
			'matched',
			'waiting_for_budget',
			'waiting_for_budget',
		]);
		expect(out[4].json.error).toMatch(
			/budget for this hour is spent; it renews at .*Not sent: waiting for budget/,
		);
		expect(String((out[4].json.details as IDataObject).hint)).toMatch(
			/^Nothing failed: this item was not sent/,
		);
		expect((out[4].json.details as IDataObject).rateLimit).toMatchObject({ remaining: 0 });
		expect(Object.keys(out[4].json).sort()).toEqual(['details', 'error', 'message']);
		expect(out[5].pairedItem).toEqual({ item: 5 });
		// the budget was used to the last request and never exceeded: nothing refused
		const log = await s.requests();
		expect(log.map((r) => r.status)).toEqual([200, 200, 200, 200]);

		now += 60_000; // the (compressed) hour is over
		clearBudgetLedger();
		const again = await runNode(s, paced, {
			items: items(...(orders.slice(4) as unknown as IDataObject[])),
		});
		expect(again.map((o) => [o.json.debtorAction, o.json.clientnr])).toEqual([
			['matched', '84'],
			['matched', '85'],
		]);
	});

	it('the reserve is kept: no request is sent once only the reserve is left', async () => {
		const out = await runNode(
			s,
			{ ...getOrCreate, requestOptions: { rateLimitReserve: 2 } },
			{ items: items(...(orders as unknown as IDataObject[])), continueOnFail: true },
		);
		expect(out.map((o) => o.json.debtorAction ?? (o.json.details as IDataObject).code)).toEqual([
			'matched',
			'matched',
			'waiting_for_budget',
			'waiting_for_budget',
			'waiting_for_budget',
			'waiting_for_budget',
		]);
		expect((await s.requests()).length).toBe(2);
	});

	it('a budget spent by someone else (429): not a failure; without continueOnFail a NodeApiError saying when it renews', async () => {
		await s.api.control({ rateLimit: { overLimitStatus: 429, remaining: 0 } });
		const error = await runNode(
			s,
			{ ...getOrCreate, requestOptions: { maxWaitSeconds: 0 } },
			{ items: items(orders[0] as unknown as IDataObject) },
		).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('429');
		expect(error.context.code).toBe('waiting_for_budget');
		expect(error.message).toMatch(/renews at \d{2}:\d{2} \(Europe\/Amsterdam/);
		expect(error.description).toMatch(/Nothing failed/);
		expect(error.context.itemIndex).toBe(0);
	});

	it('a client list the budget has no room for: every item waits for the budget (not sent, not failed)', async () => {
		await s.api.control({ rateLimit: { remaining: 0 } }); // spent by someone else before this run
		const out = await runNode(
			s,
			{ ...getOrCreate, lookupStrategy: 'all' },
			{ items: items(...(orders.slice(0, 3) as unknown as IDataObject[])), continueOnFail: true },
		);
		expect(out.map((o) => (o.json.details as IDataObject).code)).toEqual([
			'waiting_for_budget',
			'waiting_for_budget',
			'waiting_for_budget',
		]);
		expect(String(out[0].json.error)).toMatch(
			/could not be read within this hour's Factuursturen budget, so nothing was sent/,
		);
		// the refusal that told the node, and nothing after it
		expect((await s.requests()).map((r) => r.status)).toEqual([403]);
		expect((await s.state()).clients).toHaveLength(clients.length);
	});

	it('a budget that runs out before an invoice create: the create is not sent, the order waits, the next run creates it', async () => {
		const order = {
			...orders[0],
			clientnr: '80',
			tax_type: 'extax',
			tax_shifted: false,
		} as unknown as IDataObject;
		await s.api.control({ rateLimit: { remaining: 1 } }); // enough for the duplicate check only
		const out = await runNode(
			s,
			{
				resource: 'invoice',
				operation: 'createFromOrder',
				requestOptions: { rateLimitReserve: 0 },
			},
			{ items: items(order), continueOnFail: true },
		);
		expect(out[0].json.details).toMatchObject({ code: 'waiting_for_budget', orderNumber: '5000' });
		expect((await s.state()).invoices).toHaveLength(0);
		expect((await s.requests()).filter((r) => r.status === 403)).toEqual([]);
		now += 60_000;
		clearBudgetLedger();
		const [ok] = await runNode(
			s,
			{
				resource: 'invoice',
				operation: 'createFromOrder',
				requestOptions: { rateLimitReserve: 0 },
			},
			{ items: items(order) },
		);
		expect(ok.json.invoiceAction).toBe('created');
		expect((await s.state()).invoices).toHaveLength(1);
	});
});

describe('pacing inside the node (real clock, a 2-second window)', () => {
	const WINDOW_MS = 2_000;
	const BUDGET = 5;
	let s: Sandbox;
	beforeAll(async () => {
		s = await sandbox({ clients: [], rateLimit: { budget: BUDGET, windowMs: WINDOW_MS } });
	});
	afterAll(() => s.close());

	it('the bulk debtor step with only new debtors spends every window to the last request, waits for renewals, is never refused', async () => {
		clearBudgetLedger();
		const fresh = Array.from({ length: 12 }, (_, n) =>
			makeOrder({ number: String(7000 + n), email: `new${n}@example.nl` }),
		);
		const out = await runNode(
			s,
			{
				...getOrCreate,
				lookupStrategy: 'all',
				requestOptions: { rateLimitReserve: 0, rateLimitWindowSeconds: WINDOW_MS / 1000 },
			},
			{ items: items(...(fresh as unknown as IDataObject[])), continueOnFail: true },
		);
		expect(out.map((o) => o.json.debtorAction)).toEqual(fresh.map(() => 'created'));
		const log = await s.requests();
		// one client list, the country list (new debtors need it), twelve creates
		expect(log.map((r) => r.route)).toEqual([
			'GET /api/v1/clients',
			'GET /api/v1/countrylist/:lang',
			...fresh.map(() => 'POST /api/v1/clients'),
		]);
		expect(log.filter((r) => r.status === 403 || r.status === 429)).toEqual([]);
		// every window the step ran through, but the last, was used to the last request (burst uses the whole budget)
		const perWindow = new Map<number, number>();
		for (const r of log) {
			const w = Math.floor(Date.parse(String((r as unknown as { at: string }).at)) / WINDOW_MS);
			perWindow.set(w, (perWindow.get(w) ?? 0) + 1);
		}
		const counts = [...perWindow.values()];
		expect(counts.length).toBeGreaterThanOrEqual(3);
		expect(counts.slice(0, -1)).toEqual(counts.slice(0, -1).map(() => BUDGET));
		expect((await s.state()).clients).toHaveLength(12);
	});
});
