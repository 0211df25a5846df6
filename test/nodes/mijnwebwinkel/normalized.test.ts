/**
 * Normalized output: every order in the canonical shape of core/ (all of the API's shape variations gone),
 * and every order that must not be invoiced as it is reported with a code and a hint, while the rest go on.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { NodeOperationError } from 'n8n-workflow';
import { canonicalOrderSchema } from '../../../core/canonical-order';
import {
	startMijnwebwinkelSandbox,
	type RunningMijnwebwinkelSandbox,
} from '../../../sandbox/mijnwebwinkel';
import { generateShop } from '../../../sandbox/generator';
import {
	isTestNumber,
	requestLog,
	resetSandbox,
	routesToErrorOutput,
	run,
	runError,
	sandboxForTests,
	sandboxOrders,
} from './harness';

jest.setTimeout(60_000);

const normalizedAll = (extra: Record<string, unknown> = {}) => ({
	resource: 'order',
	operation: 'getAll',
	returnAll: true,
	output: 'normalized',
	...extra,
});

describe('a generated shop with every shape variation', () => {
	let sb: RunningMijnwebwinkelSandbox;
	sandboxForTests(
		{
			seed: 11,
			shop: { orderCount: 700 },
			shuffleStatusIds: true,
		},
		(started) => (sb = started),
	);

	test('the raw orders really vary in shape', async () => {
		const raw = sandboxOrders(sb);
		const lines = raw.flatMap((o) => o.orderlines as Array<{ price: unknown }>);
		const price = (o: Record<string, unknown>) => o.price as { tax: unknown };
		const shipping = (o: Record<string, unknown>) =>
			(o.shipping as Array<{ country: unknown }>) ?? [];
		const debtor = (o: Record<string, unknown>) => o.debtor as { address: Record<string, unknown> };
		expect(raw.some((o) => typeof o.number === 'number')).toBe(true);
		expect(raw.some((o) => typeof o.number === 'string')).toBe(true);
		expect(raw.some((o) => Array.isArray(price(o).tax))).toBe(true);
		expect(raw.some((o) => !Array.isArray(price(o).tax))).toBe(true);
		expect(lines.some((l) => Array.isArray(l.price))).toBe(true);
		expect(lines.some((l) => !Array.isArray(l.price))).toBe(true);
		expect(raw.some((o) => shipping(o).some((s) => Array.isArray(s.country)))).toBe(true);
		expect(raw.some((o) => !('delivery' in debtor(o).address))).toBe(true);
	});

	test('every order comes out canonical or as a refusal item; numbers line up; shapes are gone', async () => {
		const out = await run(sb, normalizedAll({ filters: { includeTestOrders: true } }), {
			continueOnFail: true,
		});
		const raw = sandboxOrders(sb);
		expect(out).toHaveLength(raw.length);

		const refused = out.filter(routesToErrorOutput);
		const canonical = out.filter((i) => !routesToErrorOutput(i));
		for (const item of canonical) {
			const order = canonicalOrderSchema.parse(item.json); // integer cents, string numbers, one line per rate
			expect(item.json).not.toHaveProperty('orderlines');
			expect(item.json).not.toHaveProperty('price');
			const source = raw.find((r) => String(r.number) === order.number)!;
			const status = sb.statuses().find((s) => s.status === source.status)!;
			expect(order.status).toMatchObject({
				id: String(status.status),
				name: status.description,
				isCredit: status.credit_order,
			});
			expect(order.lines.reduce((s, l) => s + l.lineInclCents, 0)).toBe(order.totals.inclCents);
			expect(item.pairedItem).toEqual({ item: 0 });
		}
		// test orders are refused, never normalized
		const testNumbers = raw.filter((o) => isTestNumber(o.number)).map((o) => String(o.number));
		expect(testNumbers.length).toBeGreaterThan(0);
		const details = (i: { json: Record<string, unknown> }) =>
			i.json.details as Record<string, unknown>;
		const refusedTests = refused
			.filter((i) => details(i).code === 'test_order')
			.map((i) => details(i).orderNumber);
		expect(refusedTests.sort()).toEqual(testNumbers.sort());
		for (const item of refused) {
			expect(Object.keys(item.json).sort()).toEqual(['details', 'error', 'message']);
			expect(Object.keys(details(item)).sort()).toEqual([
				'code',
				'hint',
				'orderDate',
				'orderNumber',
				'refused',
			]);
			expect(details(item).hint).toEqual(expect.stringMatching(/\w/));
			expect(details(item).refused).toBe(true);
			expect(item.json.error).toBe(item.json.message);
			expect(item.pairedItem).toEqual({ item: 0 });
		}
		expect(canonical.length).toBeGreaterThan(600);
		// the status table was fetched once, however many orders
		expect((await requestLog(sb)).filter((r) => r.path === '/v1/orderstatuses')).toHaveLength(1);
	});

	test('EU Distance Sales "OSS": NL VAT on a consumer sale shipped to another EU state is refused, nothing else changes', async () => {
		const below = await run(sb, normalizedAll(), { continueOnFail: true });
		const oss = await run(sb, normalizedAll({ euDistanceSales: 'oss' }), { continueOnFail: true });
		expect(oss).toHaveLength(below.length);
		const details = (i: { json: Record<string, unknown> }) =>
			i.json.details as Record<string, unknown>;
		let changed = 0;
		below.forEach((item, k) => {
			if (routesToErrorOutput(oss[k]) && !routesToErrorOutput(item)) {
				changed++;
				const order = canonicalOrderSchema.parse(item.json);
				expect(details(oss[k])).toMatchObject({
					code: 'home_vat_on_oss_sale',
					orderNumber: order.number,
				});
				expect(order.vat.regime).toBe('domestic');
				expect(['NL', null]).not.toContain(order.vat.destinationCountry);
				expect(order.customer.vatNumber).toBe('');
			} else {
				expect(oss[k].json).toEqual(item.json);
			}
		});
		expect(changed).toBeGreaterThan(0);
	});

	test('an unknown EU Distance Sales value is a configuration error', async () => {
		const error = await runError(
			sb,
			normalizedAll({ returnAll: false, limit: 1, euDistanceSales: 'above' }),
		);
		expect(error.message).toBe('EU Distance Sales "above" is not a known option');
	});

	test('Get, normalized', async () => {
		const source = sandboxOrders(sb).find(
			(o) => typeof o.number === 'number' && Array.isArray((o.price as { tax: unknown }).tax),
		)!;
		const out = await run(sb, {
			resource: 'order',
			operation: 'get',
			orderNumber: String(source.number),
			output: 'normalized',
		});
		const order = canonicalOrderSchema.parse(out[0].json);
		expect(order.number).toBe(String(source.number));
		expect(order.totals.perRate.length).toBeGreaterThan(0);
	});

	test('the status table is fetched once per execution, also over several input items', async () => {
		const out = await run(sb, normalizedAll({ returnAll: false, limit: 5 }), {
			items: [{ json: {} }, { json: {} }, { json: {} }],
		});
		expect(out.map((i) => (i.pairedItem as { item: number }).item)).toEqual([
			0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2,
		]);
		expect((await requestLog(sb)).filter((r) => r.path === '/v1/orderstatuses')).toHaveLength(1);
	});

	test('a home country that is not an EU member is refused with a hint', async () => {
		const error = await runError(
			sb,
			normalizedAll({ returnAll: false, limit: 1, homeCountry: 'US' }),
		);
		expect(error.message).toBe('Home Country "US" is not an EU member state');
		expect(String(error.description)).toContain('two-letter code');
	});
});

describe('refused orders', () => {
	let sb: RunningMijnwebwinkelSandbox;
	let good: string[];
	beforeAll(async () => {
		const shop = generateShop({ seed: 5, orderCount: 40 });
		const regular = shop.orders.filter(
			(o) => !isTestNumber(o.number) && !o.credited_order_number && o.tax_strategy === '',
		);
		const [a, b, c, d] = regular.map((o) => structuredClone(o));
		// b: the total does not match its lines
		b.price = { ...b.price, total: '1.00' };
		// c: no e-mail address
		c.debtor = { ...c.debtor, email: '' };
		good = [a, d].map((o) => String(o.number));
		sb = await startMijnwebwinkelSandbox({ orders: [a, b, c, d] });
	});
	afterAll(async () => sb?.close());
	beforeEach(async () => resetSandbox(sb));

	const sorted = () =>
		(sb.orders() as Array<{ number: string | number }>)
			.map((o) => String(o.number))
			.sort((x, y) => Number(x) - Number(y));

	test('report as error (continueOnFail): error items with code and hint, the others go on', async () => {
		const out = await run(sb, normalizedAll(), { continueOnFail: true });
		const details = (json: Record<string, unknown>) => json.details as Record<string, unknown>;
		expect(out.map((i) => String(i.json.number ?? details(i.json).orderNumber))).toEqual(sorted());
		const refused = out.filter(routesToErrorOutput).map((i) => i.json);
		expect(refused.map((r) => details(r).code).sort()).toEqual([
			'missing_email',
			'order_total_mismatch',
		]);
		for (const r of refused) {
			expect(r.error).toBe(r.message);
			expect(String(details(r).hint).length).toBeGreaterThan(10);
		}
		expect(out.filter((i) => !routesToErrorOutput(i)).map((i) => i.json.number)).toEqual(
			good.sort((x, y) => Number(x) - Number(y)),
		);
	});

	test('skip with reason: skip items on the main output, no errors', async () => {
		const out = await run(sb, normalizedAll({ refusedOrders: 'skip' }));
		const skipped = out.filter((i) => i.json.skipped === true);
		expect(skipped).toHaveLength(2);
		for (const s of skipped) {
			expect(Object.keys(s.json).sort()).toEqual([
				'code',
				'hint',
				'orderNumber',
				'reason',
				'skipped',
			]);
			expect(routesToErrorOutput(s)).toBe(false); // stays on the main output
		}
		expect(out.filter((i) => !i.json.skipped)).toHaveLength(2);
	});

	test('without continueOnFail the first refusal stops the node with its hint', async () => {
		const error = await runError(sb, normalizedAll());
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/Order \d+/);
		expect(String(error.description).length).toBeGreaterThan(10);
	});

	test('Raw output passes every order through untouched', async () => {
		const out = await run(sb, { resource: 'order', operation: 'getAll', returnAll: true });
		expect(out.map((i) => String(i.json.number))).toEqual(sorted());
		expect(
			out.find((i) => i.json.debtor && (i.json.debtor as { email: string }).email === ''),
		).toBeDefined();
	});
});

describe('an order without a currency', () => {
	let sb: RunningMijnwebwinkelSandbox;
	const order = JSON.parse(
		readFileSync(join(__dirname, '../../golden/orders/76-missing-currency/order.json'), 'utf8'),
	) as Record<string, unknown>;
	const statuses = JSON.parse(
		readFileSync(join(__dirname, '../../golden/orders/_statuses.json'), 'utf8'),
	);
	beforeAll(async () => {
		sb = await startMijnwebwinkelSandbox({ orders: [order], statuses });
	});
	afterAll(async () => sb?.close());

	test('is booked as EUR by default, and the item says so', async () => {
		const [item] = await run(sb, {
			resource: 'order',
			operation: 'get',
			orderNumber: String(order.number),
			output: 'normalized',
		});
		expect(item.json).toMatchObject({ currency: 'EUR', currencyAssumed: true });
		expect((item.json.warnings as string[])[0]).toMatch(/without a currency/);
	});

	test('is refused as missing_currency when Missing Currency is "Refuse"', async () => {
		const [item] = await run(
			sb,
			{
				resource: 'order',
				operation: 'get',
				orderNumber: String(order.number),
				output: 'normalized',
				missingCurrency: 'refuse',
			},
			{ continueOnFail: true },
		);
		expect(item.json.details).toMatchObject({
			code: 'missing_currency',
			orderNumber: String(order.number),
		});
	});
});
