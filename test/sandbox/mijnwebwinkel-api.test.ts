/**
 * Behaviour of the Mijnwebwinkel sandbox over HTTP: auth failures, paging, every list filter, shuffled status
 * ids, PATCH, 404, rate limiting, loading orders from a file, fault injection and the redacted request log.
 * Expected results are computed in the test from the sandbox's stored orders, not hard-coded.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateShop } from '../../sandbox/generator';
import {
	startMijnwebwinkelSandbox,
	type RunningMijnwebwinkelSandbox,
} from '../../sandbox/mijnwebwinkel';

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Reply {
	status: number;
	body: Any;
	headers: Headers;
}

async function call(
	sb: RunningMijnwebwinkelSandbox,
	method: string,
	path: string,
	params: Record<string, string> = {},
	body?: unknown,
	auth: 'both' | 'partner' | 'none' = 'both',
): Promise<Reply> {
	const q = new URLSearchParams();
	if (auth !== 'none') q.set('partner_token', sb.partnerToken);
	if (auth === 'both') q.set('token', sb.storeToken);
	for (const [k, v] of Object.entries(params)) q.set(k, v);
	const res = await fetch(`${sb.url}${path}?${q}`, {
		method,
		headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	// an injected fault answers plain text, like a proxy in front of the API would
	const json = (res.headers.get('content-type') ?? '').includes('json');
	return {
		status: res.status,
		body: text && json ? JSON.parse(text) : text || undefined,
		headers: res.headers,
	};
}

const num = (o: Any): string => String(o.number);
const isTest = (o: Any): boolean => num(o).startsWith('T-');

describe('Mijnwebwinkel sandbox', () => {
	let sb: RunningMijnwebwinkelSandbox;
	const get = (path: string, params?: Record<string, string>): Promise<Reply> =>
		call(sb, 'GET', path, params);

	beforeAll(async () => {
		sb = await startMijnwebwinkelSandbox({ seed: 3, shop: { orderCount: 1200 } });
	});
	afterAll(() => sb.close());

	describe('auth', () => {
		it('tells missing, wrong, other-partner and no-plan tokens apart', async () => {
			const raw = async (params: Record<string, string>): Promise<Reply> => {
				const res = await fetch(`${sb.url}/v1/orders?${new URLSearchParams(params)}`);
				return { status: res.status, body: await res.json(), headers: res.headers };
			};
			const p = sb.partnerToken;
			const cases: Array<[Record<string, string>, number, RegExp]> = [
				[{}, 401, /missing partner token/i],
				[{ token: sb.storeToken }, 401, /missing partner token/i],
				[{ partner_token: 'nope', token: sb.storeToken }, 401, /invalid partner token/i],
				[{ partner_token: p }, 401, /missing token/i],
				[{ partner_token: p, token: 'wrong' }, 401, /invalid token/i],
				[{ partner_token: p, token: sb.foreignPartnerStoreToken }, 403, /another partner/i],
				[{ partner_token: p, token: sb.noApiAccessStoreToken }, 403, /not available on this plan/i],
			];
			for (const [params, status, message] of cases) {
				const r = await raw(params);
				expect([params, r.status, r.body.code]).toEqual([params, status, status]);
				expect(r.body.message).toMatch(message);
				expect(typeof r.body.description).toBe('string');
			}
			expect((await raw({ partner_token: p, token: sb.storeToken })).status).toBe(200);
		});

		it('needs only the partner token for order statuses', async () => {
			expect((await call(sb, 'GET', '/v1/orderstatuses', {}, undefined, 'partner')).status).toBe(
				200,
			);
			expect((await call(sb, 'GET', '/v1/orderstatuses', {}, undefined, 'none')).status).toBe(401);
			expect((await call(sb, 'GET', '/v1/store', {}, undefined, 'partner')).status).toBe(401);
		});
	});

	describe('paging', () => {
		it('pages 1,000+ orders with limit 100; count matches; ordering asc and desc', async () => {
			const count = (await get('/v1/orders/count')).body.count;
			const expected = sb
				.orders()
				.filter((o) => !isTest(o))
				.map(num);
			expect(count).toBe(expected.length);
			expect(count).toBeGreaterThan(1000);
			const collect = async (ordering: string): Promise<string[]> => {
				const out: string[] = [];
				for (let offset = 0; ; offset += 100) {
					const page = await get('/v1/orders', { limit: '100', offset: String(offset), ordering });
					expect(page.body.length).toBeLessThanOrEqual(100);
					out.push(...page.body.map(num));
					if (page.body.length < 100) break;
				}
				return out;
			};
			const asc = await collect('asc');
			expect(asc).toHaveLength(count);
			expect(new Set(asc).size).toBe(count);
			expect(asc.map(Number)).toEqual([...asc.map(Number)].sort((a, b) => a - b));
			expect(new Set(asc)).toEqual(new Set(expected));
			expect(await collect('desc')).toEqual([...asc].reverse());
		});

		it('defaults to 10, refuses a limit above 100 and bad paging values', async () => {
			expect((await get('/v1/orders')).body).toHaveLength(10);
			const over = await get('/v1/orders', { limit: '101' });
			expect(over.status).toBe(400);
			expect(over.body).toMatchObject({ code: 400, message: expect.stringMatching(/limit/) });
			expect(over.body.description).toMatch(/at most 100/);
			expect((await get('/v1/orders', { offset: '-1' })).status).toBe(400);
			expect((await get('/v1/orders', { ordering: 'newest' })).status).toBe(400);
			expect((await get('/v1/orders', { format: 'xml' })).status).toBe(400);
			expect((await get('/v1/orders', { language: 'xx_XX' })).status).toBe(400);
		});
	});

	describe('filters', () => {
		const listAll = async (params: Record<string, string>): Promise<string[]> => {
			const out: string[] = [];
			for (let offset = 0; ; offset += 100) {
				const page = await get('/v1/orders', { ...params, limit: '100', offset: String(offset) });
				expect(page.status).toBe(200);
				out.push(...page.body.map(num));
				if (page.body.length < 100) break;
			}
			const count = await get('/v1/orders/count', params);
			expect(count.body.count).toBe(out.length);
			return out.sort();
		};
		const expectFrom = (pred: (o: Any) => boolean): string[] =>
			sb.orders().filter(pred).map(num).sort();

		it('filters on order date, both bounds inclusive', async () => {
			const d = (sb.orders()[300] as Any).date as string;
			const day = await listAll({ start_date: d, end_date: d });
			expect(day.length).toBeGreaterThan(0);
			expect(day).toEqual(expectFrom((o) => !isTest(o) && o.date === d));
			const from = await listAll({ start_date: d });
			expect(from).toEqual(expectFrom((o) => !isTest(o) && o.date >= d));
			expect((await get('/v1/orders', { start_date: '2026-13-01' })).status).toBe(400);
		});

		it('filters on status id and on the status-changed moment (inclusive, yyyy-mm-dd hh:mm:ss)', async () => {
			const statuses = (await get('/v1/orderstatuses')).body as Any[];
			const paid = statuses.find((s) => s.description === 'Betaald').status;
			expect(await listAll({ status_id: String(paid) })).toEqual(
				expectFrom((o) => !isTest(o) && o.status === paid),
			);
			const o = sb.orders()[500] as Any;
			const moment = `${o.status_changed_date} ${o.status_changed_time}`;
			const exact = await listAll({
				status_changed_start_date: moment,
				status_changed_end_date: moment,
			});
			expect(exact).toContain(num(o));
			expect(exact).toEqual(
				expectFrom(
					(x) => !isTest(x) && `${x.status_changed_date} ${x.status_changed_time}` === moment,
				),
			);
			const since = await listAll({ status_changed_start_date: moment });
			expect(since).toEqual(
				expectFrom(
					(x) => !isTest(x) && `${x.status_changed_date} ${x.status_changed_time}` >= moment,
				),
			);
			const bad = await get('/v1/orders', { status_changed_start_date: o.status_changed_date });
			expect(bad.status).toBe(400);
			expect(bad.body.description).toMatch(/yyyy-mm-dd hh:mm:ss/);
		});

		it('returns archived and unarchived orders when archived is omitted', async () => {
			const both = await listAll({});
			const yes = await listAll({ archived: 'true' });
			const no = await listAll({ archived: 'false' });
			expect(yes.length).toBeGreaterThan(0);
			expect(no.length).toBeGreaterThan(0);
			expect([...yes, ...no].sort()).toEqual(both);
			expect(yes).toEqual(expectFrom((o) => !isTest(o) && o.archived === true));
		});

		it('includes test orders only with test=true, and reads a T- order directly', async () => {
			const withTests = await listAll({ test: 'true' });
			const without = await listAll({ test: 'false' });
			const tests = expectFrom(isTest);
			expect(tests.length).toBeGreaterThan(0);
			expect(without).toEqual(await listAll({}));
			expect(without.some((n) => n.startsWith('T-'))).toBe(false);
			expect(withTests).toEqual([...without, ...tests].sort());
			const one = await get(`/v1/orders/${tests[0]}`);
			expect(one.status).toBe(200);
			expect(num(one.body)).toBe(tests[0]);
		});

		it('matches debtor_email whatever its case or surrounding whitespace', async () => {
			const orders = sb.orders() as Any[];
			const key = (o: Any): string => o.debtor.email.trim().toLowerCase();
			const spellings = new Map<string, Set<string>>();
			for (const o of orders.filter((x) => !isTest(x)))
				spellings.set(key(o), (spellings.get(key(o)) ?? new Set()).add(o.debtor.email));
			const [email] = [...spellings].find(([, s]) => s.size > 1)!;
			const found = await listAll({ debtor_email: email.toUpperCase() });
			expect(found.length).toBeGreaterThan(1);
			expect(found).toEqual(expectFrom((o) => !isTest(o) && key(o) === email));
		});
	});

	it('serves the same names with other ids when status ids are shuffled, orders keeping their names', async () => {
		const shuffled = await startMijnwebwinkelSandbox({
			seed: 3,
			shop: { orderCount: 1200 },
			shuffleStatusIds: true,
		});
		try {
			const a = (await get('/v1/orderstatuses')).body as Any[];
			const b = (await call(shuffled, 'GET', '/v1/orderstatuses')).body as Any[];
			expect(b.map((s) => s.description).sort()).toEqual(a.map((s) => s.description).sort());
			for (const s of a) {
				const other = b.find((x) => x.description === s.description);
				expect(other.status).not.toBe(s.status);
				expect(other.credit_order).toBe(s.credit_order);
			}
			const nameIn = (table: Any[], id: number): string =>
				table.find((s) => s.status === id).description;
			const before = new Map((sb.orders() as Any[]).map((o) => [num(o), nameIn(a, o.status)]));
			const after = (shuffled.orders() as Any[]).map((o) => [num(o), nameIn(b, o.status)]);
			expect(after.length).toBe(before.size);
			for (const [n, name] of after) expect([n, name]).toEqual([n, before.get(n)]);
			// a filter by the id that now means "Betaald" finds exactly the paid orders
			const paid = b.find((s) => s.description === 'Betaald').status;
			const count = (await call(shuffled, 'GET', '/v1/orders/count', { status_id: String(paid) }))
				.body.count;
			expect(count).toBe(
				[...before].filter(([n, name]) => name === 'Betaald' && !n.startsWith('T-')).length,
			);
			const en = (await call(shuffled, 'GET', '/v1/orderstatuses', { language: 'en_GB' }))
				.body as Any[];
			expect(en.find((s) => s.status === paid).description).toBe('Paid');
		} finally {
			await shuffled.close();
		}
	});

	describe('PATCH /v1/orders/:number', () => {
		const clock = new Date('2026-04-01T10:15:30Z');
		let local: RunningMijnwebwinkelSandbox;
		beforeEach(async () => {
			local = await startMijnwebwinkelSandbox({
				seed: 8,
				shop: { orderCount: 60 },
				now: () => clock,
			});
		});
		afterEach(() => local.close());

		it('changes status, archived and the internal comment and answers the updated order', async () => {
			const statuses = (await call(local, 'GET', '/v1/orderstatuses')).body as Any[];
			const shipped = statuses.find((s) => s.description === 'Verzonden').status;
			const target = (local.orders() as Any[]).find(
				(o) => !o.credited_order_number && o.status !== shipped,
			);
			const res = await call(
				local,
				'PATCH',
				`/v1/orders/${num(target)}`,
				{},
				{ status: shipped, archived: true, comments: { internal: 'PostNL:3SABCD1234567' } },
			);
			expect(res.status).toBe(200);
			expect(res.body).toMatchObject({
				status: shipped,
				archived: true,
				status_changed_date: '2026-04-01',
				status_changed_time: '12:15:30',
			});
			expect(res.body.comments.internal).toBe('PostNL:3SABCD1234567');
			expect(res.body.comments.customer).toBe(target.comments.customer);
			expect((await call(local, 'GET', `/v1/orders/${num(target)}`)).body).toEqual(res.body);
		});

		it('refuses unknown and misplaced statuses, bad bodies and unknown orders', async () => {
			const orders = local.orders() as Any[];
			const regular = orders.find((o) => !o.credited_order_number);
			const statuses = (await call(local, 'GET', '/v1/orderstatuses')).body as Any[];
			const credit = statuses.find((s) => s.credit_order).status;
			const unknown = await call(local, 'PATCH', `/v1/orders/${num(regular)}`, {}, { status: 999 });
			expect(unknown.status).toBe(400);
			expect(unknown.body.description).toMatch(/orderstatuses/);
			expect(
				(await call(local, 'PATCH', `/v1/orders/${num(regular)}`, {}, { status: credit })).status,
			).toBe(400);
			expect(
				(await call(local, 'PATCH', `/v1/orders/${num(regular)}`, {}, { archived: 'yes' })).status,
			).toBe(400);
			expect(
				(await call(local, 'PATCH', `/v1/orders/${num(regular)}`, {}, { colour: 'red' })).status,
			).toBe(400);
			expect((await call(local, 'PATCH', `/v1/orders/${num(regular)}`, {}, [1])).status).toBe(400);
			expect(local.orders()).toEqual(orders);
			const missing = await call(local, 'PATCH', '/v1/orders/424242', {}, { archived: true });
			expect(missing.status).toBe(404);
			expect(missing.body).toMatchObject({ code: 404, message: 'Order not found' });
			expect((await call(local, 'GET', '/v1/orders/T-1')).status).toBe(404);
		});

		it('resets to the initial orders on /__sandbox/reset', async () => {
			const before = local.orders();
			const first = before[0] as Any;
			await call(local, 'PATCH', `/v1/orders/${num(first)}`, {}, { archived: !first.archived });
			expect(local.orders()).not.toEqual(before);
			await fetch(`${local.url}/__sandbox/reset`, { method: 'POST' });
			expect(local.orders()).toEqual(before);
		});
	});

	it('limits the request rate with 429, Retry-After and a JSON error, and opens a new window later', async () => {
		let now = 1_000_000;
		const limited = await startMijnwebwinkelSandbox({
			seed: 2,
			shop: { orderCount: 20 },
			rateLimit: { requestsPerWindow: 3, windowMs: 60_000 },
			now: () => new Date(now),
		});
		try {
			for (let i = 0; i < 3; i++)
				expect((await call(limited, 'GET', '/v1/orders/count')).status).toBe(200);
			now += 20_000;
			const over = await call(limited, 'GET', '/v1/orders');
			expect(over.status).toBe(429);
			expect(over.headers.get('retry-after')).toBe('40');
			expect(over.body).toMatchObject({
				code: 429,
				message: expect.any(String),
				description: expect.stringMatching(/retry after 40 s/),
			});
			now += 40_000;
			expect((await call(limited, 'GET', '/v1/orders')).status).toBe(200);
			// switched off (and on) at run time through the control endpoint
			await fetch(`${limited.url}/__sandbox/control`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ rateLimit: null }),
			});
			for (let i = 0; i < 5; i++)
				expect((await call(limited, 'GET', '/v1/orders/count')).status).toBe(200);
			limited.setRateLimit({ requestsPerWindow: 1, windowMs: 1000 });
			expect((await call(limited, 'GET', '/v1/orders/count')).status).toBe(200);
			expect((await call(limited, 'GET', '/v1/orders/count')).status).toBe(429);
		} finally {
			await limited.close();
		}
	});

	it('loads orders from a JSON file, and says clearly when the file is wrong', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'mww-orders-'));
		const orders = generateShop({ seed: 4, orderCount: 12 }).orders;
		const file = join(dir, 'orders.json');
		writeFileSync(file, JSON.stringify(orders));
		const fromFile = await startMijnwebwinkelSandbox({ ordersFile: file });
		try {
			const list = await call(fromFile, 'GET', '/v1/orders', { limit: '100', test: 'true' });
			expect(list.body.map(num).sort()).toEqual(orders.map(num).sort());
			expect((await call(fromFile, 'GET', `/v1/orders/${num(orders[2])}`)).body).toEqual(orders[2]);
			const customers = (await call(fromFile, 'GET', '/v1/customers')).body.customers as Any[];
			expect(customers.map((c) => c.id).sort()).toEqual(
				[...new Set(orders.filter((o) => o.debtor.id).map((o) => o.debtor.id))].sort(),
			);
		} finally {
			await fromFile.close();
		}
		writeFileSync(join(dir, 'bad.json'), '{"not": "an array"}');
		await expect(startMijnwebwinkelSandbox({ ordersFile: join(dir, 'bad.json') })).rejects.toThrow(
			/JSON array/,
		);
		writeFileSync(join(dir, 'broken.json'), '[{');
		await expect(
			startMijnwebwinkelSandbox({ ordersFile: join(dir, 'broken.json') }),
		).rejects.toThrow(/not valid JSON/);
		await expect(
			startMijnwebwinkelSandbox({ ordersFile: join(dir, 'missing.json') }),
		).rejects.toThrow(/cannot read ordersFile/);
		await expect(startMijnwebwinkelSandbox({ orders: [{ date: '2026-01-01' }] })).rejects.toThrow(
			/index 0 has no "number"/,
		);
	});

	describe('faults', () => {
		it('answers an injected 5xx, the same sequence for the same seed', async () => {
			const run = async (seed: number): Promise<number[]> => {
				const s = await startMijnwebwinkelSandbox({ seed, shop: { orderCount: 20 } });
				try {
					s.setFaults([
						{ route: 'GET /v1/orders/count', kind: 'error', status: 503, probability: 0.5 },
					]);
					const out: number[] = [];
					for (let i = 0; i < 24; i++) out.push((await call(s, 'GET', '/v1/orders/count')).status);
					return out;
				} finally {
					await s.close();
				}
			};
			const a = await run(17);
			expect(a).toEqual(await run(17));
			expect(new Set(a)).toEqual(new Set([200, 503]));
			expect(await run(18)).not.toEqual(a);
		});

		it('stalls beyond a client timeout, and resets connections', async () => {
			const s = await startMijnwebwinkelSandbox({ seed: 1, shop: { orderCount: 20 } });
			try {
				s.setFaults([{ route: 'GET /v1/orders', kind: 'slow', delayMs: 2500, times: 1 }]);
				const q = new URLSearchParams({ token: s.storeToken, partner_token: s.partnerToken });
				const pause = (): Promise<void> => new Promise((r) => setTimeout(r, 25));
				// The client gives up once the request is known to be stalled in the server (no race with a short
				// client timer on a busy machine), as a client timeout would.
				const client = new AbortController();
				const pending = fetch(`${s.url}/v1/orders?${q}`, { signal: client.signal });
				while (!s.requests.some((r) => r.fault === 'slow')) await pause();
				expect(s.requests.find((r) => r.fault === 'slow')!.status).toBeNull();
				client.abort();
				await expect(pending).rejects.toThrow();
				// the stalled handler still finishes server-side; wait for it so no timer outlives the test
				while (s.requests.find((r) => r.fault === 'slow')!.status === null) await pause();
				s.setFaults([{ route: 'GET /v1/store', kind: 'reset', times: 1 }]);
				await expect(fetch(`${s.url}/v1/store?${q}`)).rejects.toThrow();
				expect((await call(s, 'GET', '/v1/store')).status).toBe(200);
				const log = s.requests.filter((r) => r.fault);
				expect(log.map((r) => r.fault)).toEqual(['slow', 'reset']);
			} finally {
				await s.close();
			}
		});

		it('commit-then-drop on PATCH stores the change although the client gets no answer', async () => {
			const s = await startMijnwebwinkelSandbox({ seed: 1, shop: { orderCount: 20 } });
			try {
				const order = (s.orders() as Any[]).find((o) => o.archived === false);
				s.setFaults([{ route: 'PATCH /v1/orders/:number', kind: 'commit-then-drop', times: 1 }]);
				await expect(
					call(s, 'PATCH', `/v1/orders/${num(order)}`, {}, { archived: true }),
				).rejects.toThrow();
				expect((s.orders() as Any[]).find((o) => num(o) === num(order)).archived).toBe(true);
				expect((await call(s, 'GET', `/v1/orders/${num(order)}`)).body.archived).toBe(true);
			} finally {
				await s.close();
			}
		});
	});

	it('logs every request with both tokens redacted', async () => {
		const s = await startMijnwebwinkelSandbox({
			seed: 1,
			storeToken: 'store-SECRET-1',
			partnerToken: 'partner-SECRET-2',
			shop: { orderCount: 20 },
		});
		try {
			await call(s, 'GET', '/v1/orders', { limit: '5' });
			await call(s, 'GET', '/v1/orders/424242');
			const log = (await (await fetch(`${s.url}/__sandbox/requests`)).json()) as Any[];
			expect(log.map((r) => [r.path, r.status])).toEqual([
				['/v1/orders', 200],
				['/v1/orders/424242', 404],
			]);
			expect(log[0].query).toEqual({ partner_token: '***', token: '***', limit: '5' });
			expect(JSON.stringify(log)).not.toMatch(/SECRET/);
		} finally {
			await s.close();
		}
	});

	it('localizes country names with the language parameter', async () => {
		const o = (sb.orders() as Any[]).find((x) => x.debtor.address.invoice.country_code === 'DE')!;
		const nl = await get(`/v1/orders/${num(o)}`);
		const en = await get(`/v1/orders/${num(o)}`, { language: 'en_GB' });
		expect(nl.body.debtor.address.invoice.country).toBe('Duitsland');
		expect(en.body.debtor.address.invoice.country).toBe('Germany');
	});
});
