/**
 * Every route of the Mijnwebwinkel sandbox answers what MyOnlineStore's official OpenAPI document describes,
 * relaxed only where docs/api-readings.md lists a spec defect (sandbox/mijnwebwinkel/spec-validator.ts). A large
 * shop is read completely over HTTP, so every shape variation passes through the validator.
 */
import { createSpecValidator, type SpecRoute } from '../../sandbox/mijnwebwinkel/spec-validator';
import {
	startMijnwebwinkelSandbox,
	type RunningMijnwebwinkelSandbox,
} from '../../sandbox/mijnwebwinkel';

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('Mijnwebwinkel sandbox against the official spec', () => {
	const validator = createSpecValidator();
	let sb: RunningMijnwebwinkelSandbox;
	const get = async (
		path: string,
		params: Record<string, string> = {},
		auth = true,
	): Promise<{ status: number; body: Any; headers: Headers }> => {
		const q = new URLSearchParams(params);
		if (auth) {
			q.set('token', sb.storeToken);
			q.set('partner_token', sb.partnerToken);
		}
		const res = await fetch(`${sb.url}${path}?${q}`);
		return { status: res.status, body: await res.json(), headers: res.headers };
	};
	const valid = (route: SpecRoute, body: unknown): void => {
		expect(validator.check(route, body)?.slice(0, 10) ?? []).toEqual([]);
	};

	beforeAll(async () => {
		sb = await startMijnwebwinkelSandbox({ seed: 9, shop: { orderCount: 700 } });
	});
	afterAll(() => sb.close());

	it('serves every order (all pages, test orders included) in the spec shape, with every variation', async () => {
		const all: Any[] = [];
		for (let offset = 0; ; offset += 100) {
			const page = await get('/v1/orders', { limit: '100', offset: String(offset), test: 'true' });
			expect(page.status).toBe(200);
			valid('orders', page.body);
			all.push(...page.body);
			if (page.body.length < 100) break;
		}
		expect(all).toHaveLength(700);
		const lines = all.flatMap((o) => o.orderlines);
		const seen = {
			numberString: all.some((o) => typeof o.number === 'string'),
			numberInt: all.some((o) => typeof o.number === 'number'),
			testNumber: all.some((o) => /^T-\d+$/.test(o.number)),
			taxObject: all.some((o) => !Array.isArray(o.price.tax)),
			taxArray: all.some((o) => Array.isArray(o.price.tax)),
			linePriceObject: lines.some((l) => !Array.isArray(l.price)),
			linePriceSplit: lines.some((l) => Array.isArray(l.price) && l.price.length > 1),
			linePriceArrayOfOne: lines.some((l) => Array.isArray(l.price) && l.price.length === 1),
			countryEmpty: all.some((o) =>
				o.shipping.some((s: Any) => Array.isArray(s.country) && s.country.length === 0),
			),
			deliveryAbsent: all.some((o) => o.debtor.address.delivery === undefined),
			deliveryPresent: all.some((o) => o.debtor.address.delivery !== undefined),
			deprecatedFields: all.every(
				(o) => 'name' in o.debtor && 'finished' in o && 'payment_status' in o,
			),
			optionWithoutListOptionId: lines.some((l) =>
				(l.articles ?? []).some((a: Any) =>
					(a.options ?? []).some((x: Any) => !('list_option_id' in x)),
				),
			),
			optionPriceObject: lines.some((l) =>
				(l.articles ?? []).some((a: Any) =>
					(a.options ?? []).some((x: Any) => typeof x.price === 'object'),
				),
			),
			creditNumberString: all.some((o) => typeof o.credited_order_number === 'string'),
			creditNumberInt: all.some((o) => typeof o.credited_order_number === 'number'),
		};
		expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((k) => [k, true])));

		// single reads, one per shape, validate too (PATCH answers the same Order schema)
		for (const o of [
			all[0],
			all.find((x) => typeof x.number === 'number'),
			all.find((x) => String(x.number).startsWith('T-')),
		]) {
			const one = await get(`/v1/orders/${encodeURIComponent(o.number)}`);
			expect(one.status).toBe(200);
			valid('order', one.body);
			expect(one.body).toEqual(o);
		}
	});

	it('needs each relaxation: the spec as published rejects live shapes at exactly those places', async () => {
		const strict = createSpecValidator({ relaxed: false });
		const orders = (await get('/v1/orders', { limit: '100', test: 'true', offset: '600' })).body;
		const errors = (strict.check('orders', orders) ?? []).join('\n');
		expect(errors).toMatch(/\/price\/tax must match exactly one schema in oneOf/); // defect 1
		expect(errors).toMatch(/\/orderlines\/\d+\/price must match exactly one schema in oneOf/); // defect 1
		expect(errors).toMatch(/articles\/0 must have required property 'rate'/); // defect 2
		expect(errors).toMatch(/options\/\d+ must have required property 'list_option_id'/); // defect 3
		expect(errors).toMatch(/options\/\d+\/price must be string/); // defect 3
		expect(errors).toMatch(/\/number must be integer/); // defect 5
		expect(validator.check('orders', orders)).toBeNull();
	});

	it('rejects what the relaxed spec still forbids (the validator is not a pass-through)', async () => {
		const order = (await get('/v1/orders', { limit: '1' })).body[0];
		expect(
			validator.check('order', { ...order, price: { ...order.price, total: 47.45 } }),
		).not.toBeNull();
		expect(validator.check('order', { ...order, status: '3' })).not.toBeNull();
		expect(validator.check('order', { ...order, number: 'ABC' })).not.toBeNull();
		expect(
			validator.check('order', { ...order, price: { tax: [{ amount: '1.00' }], total: '1.00' } }),
		).not.toBeNull();
		expect(validator.check('order', { ...order, tax_strategy: 'reverse_charge' })).not.toBeNull();
		expect(validator.check('order', { ...order, shipping: [{ country: ['NL'] }] })).not.toBeNull();
		const { uuid: _uuid, ...withoutUuid } = order;
		expect(validator.check('order', withoutUuid)).not.toBeNull();
	});

	it('serves count, statuses, store, tax regions, customers and articles in the spec shape', async () => {
		const count = await get('/v1/orders/count');
		valid('count', count.body);
		for (const language of ['nl_NL', 'en_GB']) {
			const statuses = await get(
				'/v1/orderstatuses',
				{ partner_token: sb.partnerToken, language },
				false,
			);
			expect(statuses.status).toBe(200);
			valid('statuses', statuses.body);
		}
		valid('store', (await get('/v1/store')).body);
		const regions = await get('/v1/tax-policy/regions');
		valid('regions', regions.body);
		expect(regions.body.regions.map((r: Any) => r.regionCode)).toEqual(
			expect.arrayContaining(['NL', 'DE', 'BE', 'FR']),
		);

		const customers = await get('/v1/customers', { embed: 'address' });
		valid('customers', customers.body);
		expect(customers.body.customers.length).toBeGreaterThan(10);
		const first = customers.body.customers[0];
		const search = await get('/v1/customers', { q: first.email.toUpperCase() });
		valid('customers', search.body);
		expect(search.body.customers.map((c: Any) => c.id)).toContain(first.id);
		const one = await get(`/v1/customers/${first.id}`);
		valid('customer', one.body);
		expect(one.body.customer.email).toBe(first.email);

		const articles = await get('/v1/articles', { limit: '100' });
		valid('articles', articles.body);
		const articleCount = await get('/v1/articles/count');
		valid('articleCount', articleCount.body);
		expect(articleCount.body.count).toBe(articles.body.length);
		const article = await get(`/v1/articles/${articles.body[3].id}`);
		valid('article', article.body);
		expect(article.body).toEqual(articles.body[3]);
	});

	it("serves the payment gateways (catalogue, partner token only) and the store's own in the spec shape", async () => {
		for (const language of ['nl_NL', 'en_GB']) {
			const all = await get(
				'/v1/payment/gateways',
				{ partner_token: sb.partnerToken, language },
				false,
			);
			expect(all.status).toBe(200);
			valid('gateways', all.body);
			for (const store of ['me', (await get('/v1/store')).body.id]) {
				const own = await get(`/v1/payment/stores/${store}/gateways`, { language });
				expect(own.status).toBe(200);
				valid('storeGateways', own.body);
			}
		}
		const own = (await get('/v1/payment/stores/me/gateways')).body;
		// exactly the (gateway, method) pairs the shop's orders carry, each once
		const listed = own.gateways.flatMap((g: Any) =>
			g.methods.map((m: Any) => `${g.name}/${m.name}`),
		);
		const orders: Any[] = [];
		for (let offset = 0; ; offset += 100) {
			const page = (await get('/v1/orders', { limit: '100', offset: String(offset), test: 'true' }))
				.body;
			orders.push(...page);
			if (page.length < 100) break;
		}
		const used = new Set(
			orders
				.filter((o) => o.payment)
				.map((o) => `${o.payment.gateway_name}/${o.payment.method_name}`),
		);
		expect([...listed].sort()).toEqual([...used].sort());
		expect(new Set(listed).size).toBe(listed.length);
		expect(listed).toEqual(expect.arrayContaining(['basic/cash', 'mollie/ideal']));
		const ideal = own.gateways
			.find((g: Any) => g.name === 'mollie')
			.methods.find((m: Any) => m.name === 'ideal');
		expect(ideal).toEqual({
			name: 'ideal',
			displayName: 'iDEAL',
			settings: { cost: { amount: '0.35', percentage: '0.00' } },
		});
		// the catalogue names every method the store uses under the same gateway
		const catalogue = (await get('/v1/payment/gateways', { partner_token: sb.partnerToken }, false))
			.body;
		const offered = new Set(
			catalogue.gateways.flatMap((g: Any) => g.methods.map((m: Any) => `${g.name}/${m.name}`)),
		);
		for (const pair of listed) expect(offered).toContain(pair);

		expect(
			validator.check('storeGateways', { gateways: [{ name: 'mollie', methods: [{ name: 1 }] }] }),
		).not.toBeNull();
		expect(validator.check('gateways', { gateways: { name: 'mollie' } })).not.toBeNull();
		expect(
			validator.check('storeGateways', {
				gateways: [
					{ name: 'mollie', methods: [{ name: 'ideal', settings: { cost: { amount: 0.35 } } }] },
				],
			}),
		).not.toBeNull();
	});

	it('refuses the store gateways without a store token or for another store', async () => {
		const noStore = await get(
			'/v1/payment/stores/me/gateways',
			{ partner_token: sb.partnerToken },
			false,
		);
		expect(noStore.status).toBe(401);
		valid('error', noStore.body);
		const other = await get('/v1/payment/stores/00000000-0000-4000-8000-000000000000/gateways');
		expect(other.status).toBe(404);
		valid('error', other.body);
	});

	it('answers errors with the legacy Error body (orders) or RFC 7807 (customers)', async () => {
		const unknown = await get('/v1/orders/999999999');
		expect(unknown.status).toBe(404);
		valid('error', unknown.body);
		const noAuth = await get('/v1/orders', {}, false);
		expect(noAuth.status).toBe(401);
		valid('error', noAuth.body);
		const tooMany = await get('/v1/orders', { limit: '101' });
		expect(tooMany.status).toBe(400);
		valid('error', tooMany.body);
		const customer = await get('/v1/customers/00000000-0000-4000-8000-000000000000');
		expect(customer.status).toBe(404);
		valid('problem', customer.body);
		const article = await get('/v1/articles/1');
		expect(article.status).toBe(404);
		valid('error', article.body);
	});
});
