/** A migration's next slice: Get Many after an order number, ascending, limited; Count with the returns included. */
import {
	startMijnwebwinkelSandbox,
	type RunningMijnwebwinkelSandbox,
} from '../../../sandbox/mijnwebwinkel';
import { requestLog, run, sandboxOrders } from './harness';

jest.setTimeout(60_000);

describe('After Order Number', () => {
	let sb: RunningMijnwebwinkelSandbox;
	beforeAll(async () => {
		sb = await startMijnwebwinkelSandbox({ seed: 8, shop: { orderCount: 260 } });
	});
	afterAll(async () => sb?.close());

	it('slices follow each other without gaps or overlaps', async () => {
		const all = sandboxOrders(sb)
			.filter((o) => !/^T-/.test(String(o.number)))
			.map((o) => Number(o.number))
			.sort((a, b) => a - b);
		const seen: number[] = [];
		let after = '';
		for (let slice = 0; slice < 20; slice++) {
			const out = await run(sb, {
				resource: 'order',
				operation: 'getAll',
				returnAll: false,
				limit: 70,
				ordering: 'asc',
				output: 'raw',
				filters: { afterOrderNumber: after },
			});
			const numbers = out.map((i) => Number(i.json.number));
			expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
			if (after !== '') expect(numbers.every((n) => n > Number(after))).toBe(true);
			expect(numbers.length).toBeLessThanOrEqual(70);
			seen.push(...numbers);
			if (numbers.length < 70) break;
			after = String(numbers[numbers.length - 1]);
		}
		expect(seen).toEqual(all);
	});

	it('Count with Include Credit Orders counts the returns too', async () => {
		const [withCredits] = await run(sb, {
			resource: 'order',
			operation: 'count',
			filters: { statuses: ['Betaald'], includeCreditOrders: true },
		});
		const [without] = await run(sb, {
			resource: 'order',
			operation: 'count',
			filters: { statuses: ['Betaald'] },
		});
		const credits = sb
			.statuses()
			.filter((s) => s.credit_order)
			.map((s) => s.status);
		const creditOrders = sandboxOrders(sb).filter(
			(o) => credits.includes(o.status as never) && !/^T-/.test(String(o.number)),
		).length;
		expect(creditOrders).toBeGreaterThan(0);
		expect(Number(withCredits.json.count) - Number(without.json.count)).toBe(creditOrders);
		expect((await requestLog(sb)).length).toBeGreaterThan(0);
	});
});
