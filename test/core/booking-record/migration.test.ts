import {
	advanceMigration,
	DEFAULT_COSTS,
	plannedCosts,
	planSlice,
	sliceSize,
	spentInRun,
	storedMigration,
} from '../../../core/booking-record/migration';
import { compareOrderNumbers } from '../../../core/mijnwebwinkel/order-number';

const costs = { ...DEFAULT_COSTS, reserve: 5, fixedCalls: 6, callsPerOrder: 2, maxSlice: 100 };
const NOW = '2026-11-01T10:00:00.000Z';

describe('migration at the budget', () => {
	it('a slice is what the budget left pays for, after the reserve and the fixed calls, at most the maximum', () => {
		expect(sliceSize(60, costs)).toBe(24); // (60 − 5 − 6) / 2
		expect(sliceSize(11, costs)).toBe(0);
		expect(sliceSize(3, costs)).toBe(0);
		expect(sliceSize(10_000, costs)).toBe(100);
	});

	it('runs slice after slice: the cursor moves past the highest number, counts add up, a short slice ends it', () => {
		const plan1 = planSlice(null, '2025-01-01', '2025-12-31', 60, costs);
		expect(plan1).toEqual({
			range: '2025-01-01..2025-12-31',
			dateFrom: '2025-01-01',
			dateTo: '2025-12-31',
			afterOrderNumber: '',
			fetchFrom: '2025-01-01',
			sliceSize: 24,
			done: false,
		});
		const outcomes1 = Array.from({ length: 24 }, (_, i) => ({
			orderNumber: String(98 + i),
			outcome: i === 3 ? 'failed' : 'sent',
		}));
		const s1 = advanceMigration(null, {
			plan: plan1,
			outcomes: outcomes1,
			total: 50,
			now: NOW,
			budgetPerWindow: 60,
			windowSeconds: 3600,
			costs,
		});
		// numbers compare as numbers: 121 is after 99
		expect(s1).toMatchObject({
			lastOrderNumber: '121',
			booked: 23,
			reported: 1,
			total: 50,
			left: 26,
			runs: 1,
			done: false,
			startedAt: NOW,
		});
		// 26 left at 24 per window: two more windows
		expect(s1.expectedEnd).toBe('2026-11-01T12:00:00.000Z');
		const plan2 = planSlice(s1, '2025-01-01', '2025-12-31', 60, costs);
		expect(plan2.afterOrderNumber).toBe('121');
		const later = '2026-11-01T11:00:00.000Z';
		const s2 = advanceMigration(s1, {
			plan: plan2,
			outcomes: Array.from({ length: 24 }, (_, i) => ({
				orderNumber: String(122 + i),
				outcome: 'adopted',
			})),
			total: 50,
			now: later,
			budgetPerWindow: 60,
			windowSeconds: 3600,
			costs,
		});
		expect(s2).toMatchObject({
			booked: 47,
			left: 2,
			runs: 2,
			done: false,
			startedAt: NOW,
			lastRunAt: later,
		});
		const s3 = advanceMigration(s2, {
			plan: planSlice(s2, '2025-01-01', '2025-12-31', 60, costs),
			outcomes: [
				{ orderNumber: '146', outcome: 'sent' },
				{ orderNumber: '147', outcome: 'skipped' },
			],
			total: 50,
			now: later,
			budgetPerWindow: 60,
			windowSeconds: 3600,
			costs,
		});
		expect(s3).toMatchObject({ booked: 48, reported: 2, left: 0, done: true, expectedEnd: later });
		// running a finished range again starts a new pass from its first order (what is booked is adopted)
		const again = planSlice(s3, '2025-01-01', '2025-12-31', 60, costs);
		expect(again).toMatchObject({ afterOrderNumber: '', sliceSize: 24, done: false });
		const s4 = advanceMigration(s3, {
			plan: again,
			outcomes: [{ orderNumber: '98', outcome: 'adopted' }],
			total: 50,
			now: later,
			budgetPerWindow: 60,
			windowSeconds: 3600,
			costs,
		});
		expect(s4).toMatchObject({ booked: 1, reported: 0, runs: 1, startedAt: later, done: true });
	});

	it('no budget now: an empty slice moves nothing; an order with two outcomes counts once, booked if it was', () => {
		const s = advanceMigration(null, {
			plan: planSlice(null, 'a', 'b', 5, costs),
			outcomes: [],
			total: 10,
			now: NOW,
			budgetPerWindow: 60,
			windowSeconds: 3600,
			costs,
		});
		expect(s).toMatchObject({
			lastOrderNumber: null,
			booked: 0,
			reported: 0,
			left: 10,
			done: false,
		});
		const t = advanceMigration(null, {
			plan: planSlice(null, 'a', 'b', 60, costs),
			outcomes: [
				{ orderNumber: '7', outcome: 'failed' },
				{ orderNumber: '7', outcome: 'sent' },
			],
			total: null,
			now: NOW,
			budgetPerWindow: 60,
			windowSeconds: 3600,
			costs,
		});
		expect(t).toMatchObject({ booked: 1, reported: 0, left: 0, done: true });
	});

	it('an order left waiting for budget keeps the cursor below it; a failed fetch never ends the range', () => {
		const plan = planSlice(null, 'a', 'b', 60, costs);
		const s = advanceMigration(null, {
			plan,
			outcomes: [
				{ orderNumber: '10', outcome: 'sent' },
				{ orderNumber: '11', outcome: 'refused' },
				{ orderNumber: '12', outcome: 'waiting' },
				{ orderNumber: '13', outcome: 'sent' },
			],
			total: 30,
			now: NOW,
			budgetPerWindow: 60,
			windowSeconds: 3600,
			costs,
		});
		expect(s).toMatchObject({ lastOrderNumber: '11', booked: 1, reported: 1, done: false });
		const f = advanceMigration(null, {
			plan,
			outcomes: [{ orderNumber: null, outcome: 'failed', stage: 'fetch' }],
			total: 30,
			now: NOW,
			budgetPerWindow: 60,
			windowSeconds: 3600,
			costs,
		});
		expect(f).toMatchObject({ lastOrderNumber: null, booked: 0, reported: 0, done: false });
	});

	it('a run measures what it spent: from the budget after its probe down to the lowest an outcome saw', () => {
		const plan = { budgetLeft: 59, renewsAt: '2026-11-01T10:00:15.000Z' };
		const outcomes = [
			{ orderNumber: '1', outcome: 'sent', budgetLeft: 30 },
			{ orderNumber: '2', outcome: 'failed' },
			{ orderNumber: '3', outcome: 'sent', budgetLeft: 16 },
		];
		// the probe, and 59 − 16 after it
		expect(spentInRun(plan, outcomes, '2026-11-01T10:00:04.000Z')).toBe(44);
		// ended in the next window: the budget renewed meanwhile, nothing can be told
		expect(spentInRun(plan, outcomes, '2026-11-01T10:00:16.000Z')).toBeNull();
		// no outcome saw the budget, or the plan stood down without a probe
		expect(spentInRun(plan, [{ orderNumber: '2', outcome: 'failed' }], NOW)).toBeNull();
		expect(spentInRun({ budgetLeft: null, renewsAt: plan.renewsAt }, outcomes, NOW)).toBeNull();
	});

	it('plans from what orders really cost once measured, not from the fixed 2 calls per order', () => {
		// the template's reserve; figures of the first run of the e2e migration (60 per window, 2 per order planned):
		// 26 orders, 44 requests spent (probe to read-back), 24 invoiced and 2 refused before any request
		const tpl = { ...DEFAULT_COSTS, reserve: 1 };
		expect(sliceSize(60, tpl)).toBe(26); // (60 − 1 − 6) / 2
		const renewsAt = '2026-11-01T10:00:15.000Z';
		const now = '2026-11-01T10:00:04.000Z';
		const plan1 = { ...planSlice(null, 'a', 'b', 59, tpl), budgetLeft: 59, renewsAt };
		expect(plan1.sliceSize).toBe(26);
		const outcomes = Array.from({ length: 26 }, (_, i) => ({
			orderNumber: String(100 + i),
			outcome: i < 24 ? 'sent' : 'failed',
			budgetLeft: i < 24 ? 59 - 1 - Math.round(((i + 1) * 38) / 24) : undefined,
		}));
		outcomes[23].budgetLeft = 16; // the read-back's answer
		const s1 = advanceMigration(null, {
			plan: plan1,
			outcomes,
			total: 217,
			now,
			budgetPerWindow: 60,
			windowSeconds: 15,
			costs: tpl,
		});
		expect(s1).toMatchObject({ spentCalls: 44, spentOrders: 26, spentRuns: 1 });
		// (44 − 6) / 26 = 1.46 per order, + 5 %: 1.53; (60 − 1 − 6) / 1.53 = 34 orders instead of 26
		expect(plannedCosts(s1, tpl).callsPerOrder).toBeCloseTo((38 / 26) * 1.05, 6);
		expect(planSlice(s1, 'a', 'b', 60, tpl)).toMatchObject({
			afterOrderNumber: '125',
			sliceSize: 34,
		});
		// the expected end at that pace: 191 left, 34 a window
		expect(s1.expectedEnd).toBe(new Date(Date.parse(now) + 6 * 15_000).toISOString());
		// too few orders measured: the setting still rules; a finished pass starts from the setting again
		expect(plannedCosts({ spentCalls: 12, spentOrders: 5, spentRuns: 1 }, tpl)).toBe(tpl);
		expect(planSlice({ ...s1, done: true }, 'a', 'b', 60, tpl).sliceSize).toBe(26);
		// a run that ended in the next window adds nothing to the measurement
		const s2 = advanceMigration(s1, {
			plan: { ...planSlice(s1, 'a', 'b', 59, tpl), budgetLeft: 59, renewsAt },
			outcomes: [{ orderNumber: '126', outcome: 'sent', budgetLeft: 20 }],
			total: 217,
			now: '2026-11-01T10:00:16.000Z',
			budgetPerWindow: 60,
			windowSeconds: 15,
			costs: tpl,
		});
		expect(s2).toMatchObject({ spentCalls: 44, spentOrders: 26, spentRuns: 1, runs: 2 });
		// orders adopted at no cost: the slice is bounded by the maximum per run, not by a division by zero
		expect(sliceSize(60, plannedCosts({ spentCalls: 6, spentOrders: 40, spentRuns: 1 }, tpl))).toBe(
			tpl.maxSlice,
		);
		expect(sliceSize(7, plannedCosts({ spentCalls: 6, spentOrders: 40, spentRuns: 1 }, tpl))).toBe(
			0,
		);
	});

	it('two workflows migrating the same range keep their own row', () => {
		expect(planSlice(null, 'a', 'b', 60, costs, 'wfShopA').range).toBe('wfShopA:a..b');
		expect(planSlice(null, 'a', 'b', 60, costs, 'wfShopB').range).not.toBe(
			planSlice(null, 'a', 'b', 60, costs, 'wfShopA').range,
		);
	});

	it('reads its row back from the Data Table', () => {
		expect(storedMigration({})).toBeNull();
		expect(
			storedMigration({
				range: 'a..b',
				dateFrom: 'a',
				dateTo: 'b',
				lastOrderNumber: '12',
				booked: 3,
				done: false,
				createdAt: NOW,
				spentCalls: 44,
			}),
		).toMatchObject({
			lastOrderNumber: '12',
			booked: 3,
			reported: 0,
			startedAt: NOW,
			spentCalls: 44,
			spentOrders: 0,
		});
	});

	describe("the fetch of a slice starts at the cursor order's date", () => {
		const run = (
			state: Parameters<typeof advanceMigration>[0],
			outcomes: Array<{ orderNumber: string; outcome: string; orderDate?: string }>,
		) =>
			advanceMigration(state, {
				plan: planSlice(state, '2025-01-01', '2025-12-31', 60, costs),
				outcomes,
				total: 400,
				now: NOW,
				budgetPerWindow: 60,
				windowSeconds: 3600,
				costs,
			});

		it('carries the date of the highest order handled, and the next plan fetches from it', () => {
			const s1 = run(null, [
				{ orderNumber: '1041', outcome: 'sent', orderDate: '2025-03-02' },
				{ orderNumber: '1042', outcome: 'refused', orderDate: '2025-03-03' },
				{ orderNumber: '1043', outcome: 'waiting', orderDate: '2025-03-03' },
				{ orderNumber: '1044', outcome: 'sent', orderDate: '2025-03-04' },
			]);
			// 1043 waits for budget: the cursor stays at 1042, and so does its date
			expect(s1).toMatchObject({ lastOrderNumber: '1042', lastOrderDate: '2025-03-03' });
			expect(planSlice(s1, '2025-01-01', '2025-12-31', 60, costs)).toMatchObject({
				afterOrderNumber: '1042',
				fetchFrom: '2025-03-03',
			});
			// a done pass starts again from the range's first day
			expect(
				planSlice({ ...s1, done: true }, '2025-01-01', '2025-12-31', 60, costs).fetchFrom,
			).toBe('2025-01-01');
			// an outcome without a date keeps the earlier cursor date: the fetch reads a little more, never less
			const s2 = run(s1, [{ orderNumber: '1043', outcome: 'failed' }]);
			expect(s2).toMatchObject({ lastOrderNumber: '1043', lastOrderDate: '2025-03-03' });
			// a date with a time is cut to the day the API filters on
			const s3 = run(s2, [
				{ orderNumber: '1044', outcome: 'adopted', orderDate: '2025-03-04 09:12:00' },
			]);
			expect(s3.lastOrderDate).toBe('2025-03-04');
		});

		it('never fetches from before the range, and reads back what the Data Table stored', () => {
			const s = run(null, [{ orderNumber: '7', outcome: 'sent', orderDate: '2024-12-31' }]);
			expect(planSlice(s, '2025-01-01', '2025-12-31', 60, costs).fetchFrom).toBe('2025-01-01');
			const row = { ...s, lastOrderDate: '2025-06-30', id: 3, createdAt: NOW, updatedAt: NOW };
			expect(storedMigration(row)?.lastOrderDate).toBe('2025-06-30');
			// a row written before the column existed: from the range's first day, as before
			const { lastOrderDate: _dropped, ...old } = row;
			expect(storedMigration(old)?.lastOrderDate).toBeNull();
			expect(planSlice(storedMigration(old), '2025-01-01', '2025-12-31', 60, costs).fetchFrom).toBe(
				'2025-01-01',
			);
		});

		it('takes exactly the orders the whole range would have given, slice after slice', () => {
			// 300 orders numbered in the order they were placed, 1 to 9 a day, 999 → 1000 crossing a digit
			const orders: Array<{ number: string; date: string }> = [];
			for (let n = 850, day = 1; orders.length < 300; day++) {
				for (let k = 0; k < 1 + ((day * 7) % 9) && orders.length < 300; k++, n++)
					orders.push({ number: String(n), date: `2025-02-${String(day).padStart(2, '0')}` });
			}
			const listed = (from: string, after: string) =>
				orders.filter(
					(o) => o.date >= from && (after === '' || compareOrderNumbers(o.number, after) > 0),
				);
			let state: ReturnType<typeof advanceMigration> | null = null;
			const booked: string[] = [];
			let runs = 0;
			while (state?.done !== true) {
				const plan = planSlice(state, '2025-02-01', '2025-02-28', 60, costs);
				const narrow = listed(plan.fetchFrom, plan.afterOrderNumber);
				expect(narrow).toEqual(listed('2025-02-01', plan.afterOrderNumber));
				const slice = narrow.slice(0, plan.sliceSize);
				booked.push(...slice.map((o) => o.number));
				state = run(
					state,
					slice.map((o) => ({ orderNumber: o.number, outcome: 'sent', orderDate: o.date })),
				);
				runs++;
			}
			expect(booked).toEqual(orders.map((o) => o.number));
			expect(runs).toBe(13); // 12 slices of 24, one of 12
			expect(state.lastOrderNumber).toBe('1149');
		});
	});
});
