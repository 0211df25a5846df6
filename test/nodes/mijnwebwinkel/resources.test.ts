import type { RunningMijnwebwinkelSandbox } from '../../../sandbox/mijnwebwinkel';
import { jsonOf, requestLog, run, runError, sandboxForTests } from './harness';

jest.setTimeout(60_000);

let sb: RunningMijnwebwinkelSandbox;
sandboxForTests({ seed: 21, shop: { orderCount: 200 } }, (started) => (sb = started));

describe('Order Status > Get Many', () => {
	test('the table as the shop serves it, in the credential language', async () => {
		const out = await run(sb, { resource: 'orderStatus', operation: 'getAll' });
		expect(jsonOf(out)).toEqual(sb.statuses());
		const english = await run(
			sb,
			{ resource: 'orderStatus', operation: 'getAll' },
			{ credentials: { language: 'en_GB' } },
		);
		expect(jsonOf(english).map((s) => s.description)).toContain('Paid and shipped');
		const log = await requestLog(sb);
		expect(log.map((r) => r.query.language)).toEqual(['nl_NL', 'en_GB']);
	});
});

describe('Customer', () => {
	const customers = () => sb.shop!.customers as unknown as Array<{ id: string; email: string }>;

	test('Search by Email: exact, case- and space-insensitive; one item per customer', async () => {
		const c = customers()[3];
		const out = await run(sb, {
			resource: 'customer',
			operation: 'searchByEmail',
			email: `  ${c.email.toUpperCase()} `,
		});
		expect(out).toHaveLength(1);
		expect(out[0].json.id).toBe(c.id);
		expect(out[0].pairedItem).toEqual({ item: 0 });
		const q = (await requestLog(sb))[0].query;
		expect(q.q).toBe(c.email.toUpperCase());
		expect(q.embed).toBe('address');
	});

	test('Search by Email without exact match returns what the text search found', async () => {
		const domain = customers()[0].email.split('@')[1];
		const expected = customers().filter((c) =>
			c.email.toLowerCase().includes(domain.toLowerCase()),
		);
		const out = await run(sb, {
			resource: 'customer',
			operation: 'searchByEmail',
			email: domain,
			exactMatch: false,
		});
		expect(out.length).toBe(expected.length);
		const exact = await run(sb, {
			resource: 'customer',
			operation: 'searchByEmail',
			email: domain,
		});
		expect(exact).toHaveLength(0);
	});

	test('Get by ID unwraps {customer}', async () => {
		const c = customers()[1];
		const out = await run(sb, { resource: 'customer', operation: 'get', customerId: c.id });
		expect(out[0].json).toMatchObject({ id: c.id, email: c.email });
	});

	test('Get with an unknown ID: 404 with the API detail (RFC 7807 body)', async () => {
		const error = await runError(sb, {
			resource: 'customer',
			operation: 'get',
			customerId: 'no-such-customer',
		});
		expect(error.httpCode).toBe('404');
		expect(String(error.description)).toContain('does not exist in this store');
	});
});

describe('Article', () => {
	const articles = () => sb.shop!.articles as unknown as Array<{ id: number }>;

	test('Get Many: Return All pages through everything; Limit stops early', async () => {
		const all = await run(sb, { resource: 'article', operation: 'getAll', returnAll: true });
		expect(all.map((a) => a.json.id)).toEqual(articles().map((a) => a.id));
		const some = await run(sb, {
			resource: 'article',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
		});
		expect(some.map((a) => a.json.id)).toEqual(
			articles()
				.slice(0, 3)
				.map((a) => a.id),
		);
	});

	test('Get by ID', async () => {
		const a = articles()[2];
		const out = await run(sb, { resource: 'article', operation: 'get', articleId: String(a.id) });
		expect(out[0].json.id).toBe(a.id);
		expect((await requestLog(sb))[0].query.use_url_id).toBe('false');
	});

	test('changed-since filter is sent in shop time', async () => {
		await run(sb, {
			resource: 'article',
			operation: 'getAll',
			returnAll: true,
			filters: { changedSince: '2026-01-01T00:00:00Z' },
		});
		expect((await requestLog(sb))[0].query.changed_start_date).toBe('2026-01-01 01:00:00');
	});
});

describe('Store and Tax Region', () => {
	test('Store > Get', async () => {
		const out = await run(sb, { resource: 'store', operation: 'get' });
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ id: expect.any(String), name: expect.any(String) });
	});

	test('Tax Region > Get Many unwraps {regions}', async () => {
		const out = await run(sb, { resource: 'taxRegion', operation: 'getAll' });
		expect(out.length).toBeGreaterThan(1);
		expect(out.map((r) => r.json.regionCode)).toContain('NL');
	});
});
