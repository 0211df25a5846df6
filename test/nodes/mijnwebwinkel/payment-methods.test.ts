/**
 * Payment Method > Get Many through the sandbox: one item per method of the shop, keyed exactly as the invoice
 * mapping matches an order's payment method, so a key copied into paymentMethodDebtors books those orders on the
 * fixed debtor.
 */
import type { CanonicalOrder } from '../../../core/canonical-order';
import { fixedDebtorFor } from '../../../core/factuursturen/invoice-builder';
import { parseMapping } from '../../../core/factuursturen/invoice-mapping';
import { paymentMethodItems } from '../../../nodes/Mijnwebwinkel/helpers/paymentMethods';
import type { RunningMijnwebwinkelSandbox } from '../../../sandbox/mijnwebwinkel';
import {
	isTestNumber,
	jsonOf,
	requestLog,
	run,
	runError,
	sandboxForTests,
	sandboxOrders,
} from './harness';

jest.setTimeout(60_000);

type Payment = { gateway_name: string; method_name: string };
type Gateway = { name: string; displayName: string; cost?: { amount: string; percentage: string } };
type MethodItem = { mappingKey: string; name: string; displayName: string; gateways: Gateway[] };

let sb: RunningMijnwebwinkelSandbox;
sandboxForTests({ seed: 21, shop: { orderCount: 300 } }, (started) => (sb = started));

const payments = () => sandboxOrders(sb).flatMap((o) => (o.payment ? [o.payment as Payment] : []));
const getMany = (extra: Record<string, unknown> = {}) => ({
	resource: 'paymentMethod',
	operation: 'getAll',
	...extra,
});

describe('Payment Method > Get Many', () => {
	test("the store's methods (stores/me): one item per method the orders use, with the gateways that carry it", async () => {
		const out = await run(sb, getMany());
		const items = jsonOf(out) as unknown as MethodItem[];
		const used = new Set(payments().map((p) => p.method_name));
		expect(items.map((m) => m.mappingKey).sort()).toEqual([...used].sort());
		for (const m of items) {
			const via = new Set(
				payments()
					.filter((p) => p.method_name === m.name)
					.map((p) => p.gateway_name),
			);
			expect(m.gateways.map((g) => g.name).sort()).toEqual([...via].sort());
			for (const g of m.gateways)
				expect(g.cost).toEqual({
					amount: expect.stringMatching(/^\d+\.\d{2}$/),
					percentage: expect.any(String),
				});
		}
		// paypal comes through two gateways here, and is still one item: the mapping is per method
		const paypal = items.find((m) => m.mappingKey === 'paypal')!;
		expect(paypal.gateways.map((g) => g.name).sort()).toEqual(['mollie', 'paypal']);
		expect(items.find((m) => m.mappingKey === 'cash')).toMatchObject({
			name: 'cash',
			displayName: 'Contant',
			gateways: [{ name: 'basic' }],
		});
		expect(out.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		const log = await requestLog(sb);
		expect(log.map((r) => r.path)).toEqual(['/v1/payment/stores/me/gateways']);
		expect(log[0].query.language).toBe('nl_NL');
	});

	test('a listed key, copied into paymentMethodDebtors, books that method on the fixed debtor', async () => {
		const items = jsonOf(await run(sb, getMany())) as unknown as MethodItem[];
		const mapping = parseMapping({
			paymentMethodDebtors: { [items.find((m) => m.name === 'cash')!.mappingKey]: '1001' },
		});
		const cash = sandboxOrders(sb).find(
			(o) =>
				!isTestNumber(o.number) &&
				(o.payment as Payment | undefined)?.method_name === 'cash' &&
				!(o.debtor as { company?: string }).company &&
				!o.vat_number,
		)!;
		expect(cash).toBeDefined();
		const [order] = await run(sb, {
			resource: 'order',
			operation: 'get',
			orderNumber: String(cash.number),
			output: 'normalized',
		});
		expect(fixedDebtorFor(order.json as unknown as CanonicalOrder, mapping)).toBe('1001');
		const ideal = parseMapping({ paymentMethodDebtors: { ideal: '1002' } });
		expect(fixedDebtorFor(order.json as unknown as CanonicalOrder, ideal)).toBeNull();
	});

	test('All Mijnwebwinkel Offers: the catalogue, with the partner token alone', async () => {
		const out = await run(sb, getMany({ source: 'all' }), {
			credentials: { storeToken: 'not-a-store-token' },
		});
		const items = jsonOf(out) as unknown as MethodItem[];
		const keys = items.map((m) => m.mappingKey);
		for (const p of payments()) expect(keys).toContain(p.method_name);
		expect(keys).toEqual(expect.arrayContaining(['advance', 'in_arrears']));
		expect(new Set(keys).size).toBe(keys.length);
		expect(items.every((m) => m.gateways.every((g) => g.cost === undefined))).toBe(true);
		expect((await requestLog(sb)).map((r) => r.path)).toEqual(['/v1/payment/gateways']);
		// the store's own list needs the store token
		const error = await runError(sb, getMany(), {
			credentials: { storeToken: 'not-a-store-token' },
		});
		expect(error.httpCode).toBe('401');
		expect(`${error.message} ${String(error.description)}`).not.toContain('not-a-store-token');
	});

	test('display names in the credential language; keys stay the same', async () => {
		const dutch = jsonOf(await run(sb, getMany())) as unknown as MethodItem[];
		const english = jsonOf(
			await run(sb, getMany(), { credentials: { language: 'en_GB' } }),
		) as unknown as MethodItem[];
		expect(english.map((m) => m.mappingKey)).toEqual(dutch.map((m) => m.mappingKey));
		expect(english.find((m) => m.mappingKey === 'cash')!.displayName).toBe('Cash');
	});
});

describe('paymentMethodItems', () => {
	test('keys follow the mapping rule; methods named alike under two gateways merge; junk is skipped', () => {
		const items = paymentMethodItems({
			gateways: [
				{
					name: 'basic',
					displayName: 'Manual',
					methods: [{ name: ' Bank  Transfer ', displayName: 'Bank transfer' }, { name: '' }, 'x'],
				},
				{ name: 'other', methods: [{ name: 'bank transfer' }, { displayName: 'no name' }] },
				null,
			],
		});
		expect(items).toEqual([
			{
				mappingKey: 'bank transfer',
				name: 'Bank  Transfer',
				displayName: 'Bank transfer',
				gateways: [
					{ name: 'basic', displayName: 'Manual' },
					{ name: 'other', displayName: 'other' },
				],
			},
		]);
		expect(paymentMethodItems(undefined)).toEqual([]);
		expect(paymentMethodItems({ gateways: 'none' })).toEqual([]);
	});
});
