/**
 * Switching over: orders the previous connector booked (dated before the cut-over date, or numbered up to the
 * cut-over order number) are skipped with a reason, never normalized for booking; the others are untouched.
 */
import { canonicalOrderSchema } from '../../../core/canonical-order';
import {
	startMijnwebwinkelSandbox,
	type RunningMijnwebwinkelSandbox,
} from '../../../sandbox/mijnwebwinkel';
import { routesToErrorOutput, run, runError } from './harness';

jest.setTimeout(60_000);

const getAll = (extra: Record<string, unknown> = {}) => ({
	resource: 'order',
	operation: 'getAll',
	returnAll: true,
	output: 'normalized',
	...extra,
});
const details = (i: { json: Record<string, unknown> }) => i.json.details as Record<string, unknown>;

describe('Cut-Over Date / Cut-Over Order Number', () => {
	let sb: RunningMijnwebwinkelSandbox;
	beforeAll(async () => {
		sb = await startMijnwebwinkelSandbox({ seed: 5, shop: { orderCount: 80 } });
	});
	afterAll(async () => sb?.close());

	it('skips what the previous connector booked, with the reason; books the rest as before', async () => {
		const all = (await run(sb, getAll(), { continueOnFail: true }))
			.filter((i) => !routesToErrorOutput(i))
			.map((i) => canonicalOrderSchema.parse(i.json));
		const dates = [...new Set(all.map((o) => o.date))].sort();
		const cutDate = dates[Math.floor(dates.length / 2)];
		const numbers = all.map((o) => Number(o.number)).sort((a, b) => a - b);
		const cutNumber = String(numbers[Math.floor(numbers.length / 4)]);
		const out = await run(sb, getAll({ cutOverDate: cutDate, cutOverOrderNumber: cutNumber }), {
			continueOnFail: true,
		});
		const skipped = out.filter(
			(i) => routesToErrorOutput(i) && details(i).code === 'before_cut_over',
		);
		const kept = out
			.filter((i) => !routesToErrorOutput(i))
			.map((i) => canonicalOrderSchema.parse(i.json));
		const expectSkipped = all
			.filter((o) => o.date < cutDate || Number(o.number) <= Number(cutNumber))
			.map((o) => o.number)
			.sort();
		expect(expectSkipped.length).toBeGreaterThan(0);
		expect(skipped.map((i) => String(details(i).orderNumber)).sort()).toEqual(expectSkipped);
		expect(kept.map((o) => o.number).sort()).toEqual(
			all
				.map((o) => o.number)
				.filter((n) => !expectSkipped.includes(n))
				.sort(),
		);
		for (const i of skipped) {
			expect(details(i)).toMatchObject({
				skip: true,
				refused: false,
				hint: expect.stringContaining('cut-over'),
			});
			expect(String(i.json.message)).toMatch(/cut-over (date|order number)/);
		}
	});

	it('a cut-over that is not a date or not a number stops the node with what to enter', async () => {
		const e = await runError(sb, getAll({ cutOverDate: 'last year' }));
		expect(e.message).toContain('not a date');
		expect(e.description).toContain('YYYY-MM-DD');
	});
});
