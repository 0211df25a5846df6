/**
 * Migrating history at the real budget. A migration of a date range runs as many short executions: each books the
 * next slice of orders (ascending order number, after the last one done) that fits the Factuursturen budget left in
 * the current window, records its progress in a Data Table row, and ends. Nothing waits for the budget inside an
 * execution and no execution holds more than its slice; a restart of n8n loses nothing (the row is the state).
 */
import { compareOrderNumbers } from '../mijnwebwinkel/order-number';
import type { BookingColumnType } from './columns';
import type { OutcomeItem } from './row';

export const MIGRATION_TABLE = 'mijnwebwinkel_factuursturen_migrations';

export interface MigrationState {
	/** "<from>..<to>": one row per migrated range */
	range: string;
	dateFrom: string;
	dateTo: string;
	/** the highest order number handled so far: the next slice starts after it */
	lastOrderNumber: string | null;
	/**
	 * the order date (YYYY-MM-DD) of that order: the next slice's fetch starts there, not at `dateFrom`, so a run
	 * reads the same few pages however far the migration has come (null: from `dateFrom`)
	 */
	lastOrderDate: string | null;
	/** orders invoiced (sent or adopted) */
	booked: number;
	/** orders handled without an invoice: skipped, refused or failed (each in the booking record with its fix) */
	reported: number;
	/** invoiceable orders in the range when last counted */
	total: number | null;
	left: number | null;
	runs: number;
	startedAt: string;
	lastRunAt: string;
	/** when the rest should be done at this budget, one slice per budget window */
	expectedEnd: string | null;
	done: boolean;
	/**
	 * What this pass's runs really spent, for the next slices' plan: Factuursturen requests (from the budget seen when
	 * planning to the lowest seen at the end, within one window), the orders they handled, and how many runs that was
	 */
	spentCalls: number;
	spentOrders: number;
	spentRuns: number;
}

export const MIGRATION_COLUMNS: ReadonlyArray<{
	name: keyof MigrationState;
	type: BookingColumnType;
}> = [
	{ name: 'range', type: 'string' },
	{ name: 'dateFrom', type: 'string' },
	{ name: 'dateTo', type: 'string' },
	{ name: 'lastOrderNumber', type: 'string' },
	{ name: 'lastOrderDate', type: 'string' },
	{ name: 'booked', type: 'number' },
	{ name: 'reported', type: 'number' },
	{ name: 'total', type: 'number' },
	{ name: 'left', type: 'number' },
	{ name: 'runs', type: 'number' },
	{ name: 'startedAt', type: 'date' },
	{ name: 'lastRunAt', type: 'date' },
	{ name: 'expectedEnd', type: 'date' },
	{ name: 'done', type: 'boolean' },
	{ name: 'spentCalls', type: 'number' },
	{ name: 'spentOrders', type: 'number' },
	{ name: 'spentRuns', type: 'number' },
];

/** The row of a range; `scope` (the workflow) keeps two shops that migrate the same range in one n8n apart. */
export const migrationKey = (dateFrom: string, dateTo: string, scope = ''): string =>
	`${scope ? `${scope}:` : ''}${dateFrom}..${dateTo}`;

export interface BudgetCosts {
	/** requests Factuursturen keeps back (the nodes' reserve) */
	reserve: number;
	/** requests a run spends whatever its size: the budget probe and the bulk lists (clients, invoices, read-back) */
	fixedCalls: number;
	/**
	 * requests one order costs at most (its invoice, and its debtor when it is new): the plan until this pass has
	 * measured what its orders really cost
	 */
	callsPerOrder: number;
	/** the most orders one execution takes (memory and execution time stay bounded) */
	maxSlice: number;
	/** added to the measured cost per order: a slice with more new debtors than the average still fits */
	margin: number;
	/** orders measured before the measured cost replaces callsPerOrder (one small slice says little) */
	minMeasured: number;
}

export const DEFAULT_COSTS: BudgetCosts = {
	reserve: 5,
	fixedCalls: 6,
	callsPerOrder: 2,
	maxSlice: 500,
	margin: 0.05,
	minMeasured: 20,
};

/**
 * A finished pass counts as no state: running the migration of that range again starts a new pass from its first
 * order (safe: what is booked is adopted, never booked twice), as a migration in one execution always was.
 */
const current = (state: MigrationState | null): MigrationState | null =>
	state?.done === true ? null : state;

/** How many orders fit in `remaining` requests. */
export function sliceSize(remaining: number, costs: BudgetCosts): number {
	const spendable = remaining - costs.reserve - costs.fixedCalls;
	if (spendable <= 0) return 0;
	if (!(costs.callsPerOrder > 0)) return costs.maxSlice;
	return Math.min(costs.maxSlice, Math.floor(spendable / costs.callsPerOrder));
}

/**
 * The cost per order to plan with: what this pass's runs spent per order beyond their fixed calls, plus the margin;
 * `costs.callsPerOrder` until enough orders were measured. Planning from what orders really cost fills each window;
 * an order that still does not fit is never sent into a spent budget (the node's pacing): it waits for the next run.
 */
export function plannedCosts(
	spent: Pick<MigrationState, 'spentCalls' | 'spentOrders' | 'spentRuns'> | null,
	costs: BudgetCosts,
): BudgetCosts {
	if (spent === null || spent.spentOrders < costs.minMeasured) return costs;
	const perOrder =
		Math.max(0, spent.spentCalls - costs.fixedCalls * spent.spentRuns) / spent.spentOrders;
	return { ...costs, callsPerOrder: perOrder * (1 + costs.margin) };
}

export interface SlicePlan {
	range: string;
	dateFrom: string;
	dateTo: string;
	afterOrderNumber: string;
	/**
	 * the first order date to fetch: the cursor order's date (inclusive: other orders of that day may come after it;
	 * `afterOrderNumber` drops the ones at or before it), or `dateFrom`
	 */
	fetchFrom: string;
	sliceSize: number;
	done: boolean;
}

/**
 * Where the fetch of the next slice starts. Orders numbered after the cursor are never dated before the cursor
 * order (core/mijnwebwinkel/order-number.ts), so they all lie on or after its date; never before the range.
 */
export function fetchFrom(state: MigrationState | null, dateFrom: string): string {
	const date = state?.lastOrderNumber ? state.lastOrderDate : null;
	return date !== null && date > dateFrom ? date : dateFrom;
}

/** The next slice of a migration, from its stored state (null: not started) and the budget left now. */
export function planSlice(
	state: MigrationState | null,
	dateFrom: string,
	dateTo: string,
	remaining: number,
	costs: BudgetCosts,
	scope = '',
): SlicePlan {
	const pass = current(state);
	return {
		range: migrationKey(dateFrom, dateTo, scope),
		dateFrom,
		dateTo,
		afterOrderNumber: pass?.lastOrderNumber ?? '',
		fetchFrom: fetchFrom(pass, dateFrom),
		sliceSize: sliceSize(remaining, plannedCosts(pass, costs)),
		done: false,
	};
}

const isBookedOutcome = (o: unknown): boolean =>
	o === 'sent' || o === 'adopted' || o === 'mismatched';

const higher = (a: string | null, b: string): string =>
	a === null || compareOrderNumbers(b, a) > 0 ? b : a;

/** An outcome's order date as the fetch filter takes it (YYYY-MM-DD, shop-local as the API gives it), or null. */
const dayOf = (v: unknown): string | null => {
	const m = typeof v === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(v.trim()) : null;
	return m ? m[0] : null;
};

/** What the plan saw of the budget: left after its probe, and when that window ends. */
export interface PlanBudget {
	budgetLeft?: number | null;
	renewsAt?: string | null;
}

/**
 * Requests a run spent: its probe, and from the budget left after it down to the lowest budget an outcome saw. Null
 * when that cannot be told: the run ended in a later window (the budget renewed meanwhile) or no outcome saw it.
 */
export function spentInRun(
	plan: PlanBudget,
	outcomes: readonly OutcomeItem[],
	now: string,
): number | null {
	const { budgetLeft, renewsAt } = plan;
	if (typeof budgetLeft !== 'number' || typeof renewsAt !== 'string') return null;
	if (!(Date.parse(now) < Date.parse(renewsAt))) return null;
	const seen = outcomes
		.map((o) => o.budgetLeft)
		.filter((n): n is number => typeof n === 'number' && Number.isFinite(n));
	if (seen.length === 0) return null;
	const lowest = Math.min(...seen);
	return lowest > budgetLeft ? null : 1 + budgetLeft - lowest;
}

/**
 * The state after a run: its outcomes (one per order it handled) counted, the cursor moved past the highest order
 * number, and the expected end at the budget (`budgetPerWindow` requests every `windowSeconds`).
 */
export function advanceMigration(
	stored: MigrationState | null,
	run: {
		plan: SlicePlan & PlanBudget;
		outcomes: OutcomeItem[];
		total: number | null;
		now: string;
		budgetPerWindow: number;
		windowSeconds: number;
		costs: BudgetCosts;
	},
): MigrationState {
	const state = current(stored);
	const all = new Map<string, unknown>();
	const dates = new Map<string, string>();
	for (const o of run.outcomes) {
		const n = o.orderNumber === undefined || o.orderNumber === null ? '' : String(o.orderNumber);
		if (n === '') continue;
		const day = dayOf(o.orderDate);
		if (day !== null) dates.set(n, day);
		// an order booked in this run counts as booked, whatever else happened to it
		if (!all.has(n) || isBookedOutcome(o.outcome)) all.set(n, o.outcome);
	}
	// an order the budget had no room for is not done: the cursor stays below it, so the next slice takes it (and the
	// ones after it) again; what this run booked after it is adopted then, and counted then
	const waiting = [...all].filter(([, o]) => o === 'waiting').map(([n]) => n);
	const firstWaiting = waiting.reduce<string | null>(
		(low, n) => (low === null || higher(n, low) === low ? n : low),
		null,
	);
	const handled = new Map(
		[...all].filter(
			([n]) =>
				firstWaiting === null || (n !== firstWaiting && higher(n, firstWaiting) === firstWaiting),
		),
	);
	// a fetch that failed (a failure without an order number) says nothing about the end of the range
	const fetchFailed = run.outcomes.some(
		(o) =>
			(o.orderNumber === undefined || o.orderNumber === null || o.orderNumber === '') &&
			o.outcome === 'failed',
	);
	let last = state?.lastOrderNumber ?? null;
	for (const n of handled.keys()) last = higher(last, n);
	// a cursor order whose date no outcome told keeps the date before it: earlier, so nothing after it is missed
	const lastOrderDate = last === null ? null : (dates.get(last) ?? state?.lastOrderDate ?? null);
	const booked = (state?.booked ?? 0) + [...handled.values()].filter(isBookedOutcome).length;
	const reported =
		(state?.reported ?? 0) + [...handled.values()].filter((o) => !isBookedOutcome(o)).length;
	const total = run.total ?? state?.total ?? null;
	// a slice that came back short reached the end of the range
	const done =
		!fetchFailed &&
		firstWaiting === null &&
		run.plan.sliceSize > 0 &&
		handled.size < run.plan.sliceSize;
	const left = done ? 0 : total === null ? null : Math.max(0, total - booked - reported);
	const spent = spentInRun(run.plan, run.outcomes, run.now);
	const measured = {
		spentCalls: (state?.spentCalls ?? 0) + (spent ?? 0),
		spentOrders: (state?.spentOrders ?? 0) + (spent === null ? 0 : all.size),
		spentRuns: (state?.spentRuns ?? 0) + (spent === null ? 0 : 1),
	};
	const perWindow = sliceSize(run.budgetPerWindow, plannedCosts(measured, run.costs));
	const expectedEnd =
		left === null || perWindow === 0
			? null
			: new Date(
					Date.parse(run.now) + Math.ceil(left / perWindow) * run.windowSeconds * 1000,
				).toISOString();
	return {
		range: run.plan.range,
		dateFrom: run.plan.dateFrom,
		dateTo: run.plan.dateTo,
		lastOrderNumber: last,
		lastOrderDate,
		booked,
		reported,
		total,
		left,
		runs: (state?.runs ?? 0) + 1,
		startedAt: state?.startedAt ?? run.now,
		lastRunAt: run.now,
		expectedEnd: done ? run.now : expectedEnd,
		done,
		...measured,
	};
}

/** A state row as the Data Table node reads it back, or null for an empty item. */
export function storedMigration(json: Record<string, unknown>): MigrationState | null {
	if (typeof json.range !== 'string' || json.range === '') return null;
	const num = (v: unknown): number | null =>
		typeof v === 'number' && Number.isFinite(v) ? v : null;
	const text = (v: unknown): string | null =>
		v === undefined || v === null || v === '' ? null : String(v);
	const iso = (v: unknown): string | null =>
		text(v) === null ? null : new Date(String(v)).toISOString();
	return {
		range: json.range,
		dateFrom: String(json.dateFrom ?? ''),
		dateTo: String(json.dateTo ?? ''),
		lastOrderNumber: text(json.lastOrderNumber),
		lastOrderDate: dayOf(json.lastOrderDate),
		booked: num(json.booked) ?? 0,
		reported: num(json.reported) ?? 0,
		total: num(json.total),
		left: num(json.left),
		runs: num(json.runs) ?? 0,
		startedAt: iso(json.startedAt) ?? iso(json.createdAt) ?? new Date(0).toISOString(),
		lastRunAt: iso(json.lastRunAt) ?? iso(json.updatedAt) ?? new Date(0).toISOString(),
		expectedEnd: iso(json.expectedEnd),
		done: json.done === true,
		spentCalls: num(json.spentCalls) ?? 0,
		spentOrders: num(json.spentOrders) ?? 0,
		spentRuns: num(json.spentRuns) ?? 0,
	};
}
