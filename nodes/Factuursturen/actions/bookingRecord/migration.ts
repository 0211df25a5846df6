/**
 * Booking Record → Plan Migration Slice and → Migration Progress: the two ends of one execution of a migration that
 * runs at the real budget. The rules are core's (core/booking-record/migration.ts).
 */
import { NodeOperationError, type IDataObject, type INodeExecutionData } from 'n8n-workflow';
import {
	advanceMigration,
	DEFAULT_COSTS,
	migrationKey,
	planSlice,
	storedMigration,
	type BudgetCosts,
	type SlicePlan,
} from '../../../../core/booking-record/migration';
import type { OutcomeItem } from '../../../../core/booking-record/row';
import type { RunContext } from '../../helpers/items';
import { dateParam } from '../../helpers/items';

function costsOf(rc: RunContext): BudgetCosts {
	const options = rc.ctx.getNodeParameter('requestOptions', 0, {}) as IDataObject;
	const callsPerOrder = Number(
		rc.ctx.getNodeParameter('callsPerOrder', 0, DEFAULT_COSTS.callsPerOrder),
	);
	const maxSlice = Number(rc.ctx.getNodeParameter('maxSlice', 0, DEFAULT_COSTS.maxSlice));
	if (!(callsPerOrder >= 1) || !(maxSlice >= 1)) {
		throw new NodeOperationError(
			rc.ctx.getNode(),
			'Calls per Order and Max Orders per Run must be at least 1',
		);
	}
	return {
		...DEFAULT_COSTS,
		reserve:
			typeof options.rateLimitReserve === 'number'
				? options.rateLimitReserve
				: DEFAULT_COSTS.reserve,
		callsPerOrder,
		maxSlice,
	};
}

function jsonList(rc: RunContext, name: string): IDataObject[] {
	const raw = rc.ctx.getNodeParameter(name, 0, '[]') as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw.trim() === '' ? '[]' : raw);
		} catch {
			value = undefined;
		}
	}
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) value = [value];
	if (!Array.isArray(value))
		throw new NodeOperationError(rc.ctx.getNode(), `${name} must be a list of items`);
	return value.filter((v) => v !== null && typeof v === 'object') as IDataObject[];
}

function range(rc: RunContext): { from: string; to: string } {
	try {
		const from = dateParam(rc.ctx.getNodeParameter('dateFrom', 0, ''));
		const to = dateParam(rc.ctx.getNodeParameter('dateTo', 0, ''));
		if (from === '' || to === '' || from > to)
			throw new Error(`"${from}" to "${to}" is not a date range`);
		return { from, to };
	} catch (error) {
		throw new NodeOperationError(rc.ctx.getNode(), (error as Error).message, {
			description: 'Set From Date and To Date (YYYY-MM-DD) of the range to migrate.',
		});
	}
}

/**
 * The input items are the stored state of this range (a Data Table Get: the row, or an empty item). ONE request
 * (the tax list, the cheapest) tells the budget left in this window; the output is the slice to book now.
 */
export async function planMigrationSlice(rc: RunContext): Promise<INodeExecutionData[]> {
	const { from, to } = range(rc);
	const scope = String(rc.ctx.getNodeParameter('scope', 0, '')).trim();
	const key = migrationKey(from, to, scope);
	const state = rc.items.map((i) => storedMigration(i.json)).find((s) => s?.range === key) ?? null;
	const costs = costsOf(rc);
	await rc.api.request({ method: 'GET', path: '/taxes', what: 'GET /taxes (budget probe)' }, 0);
	const remaining = rc.api.rateLimit().remaining ?? 0;
	const plan: SlicePlan = planSlice(state, from, to, remaining, costs, scope);
	const info = rc.api.rateLimit();
	return [
		{
			json: {
				...plan,
				budgetLeft: info.remaining,
				renewsAt: info.renewsAt,
				windowSeconds: Math.round(rc.api.windowMs / 1000),
				state: (state as IDataObject | null) ?? null,
			},
			pairedItem: { item: 0 },
		},
	];
}

/** After the run: the new state row of the migration (for a Data Table Upsert on range), with its progress. */
export async function migrationProgress(rc: RunContext): Promise<INodeExecutionData[]> {
	const plans = jsonList(rc, 'plan') as unknown as Array<
		SlicePlan & { state?: IDataObject | null; windowSeconds?: number }
	>;
	const [plan] = plans;
	if (!plan || typeof plan.range !== 'string') {
		throw new NodeOperationError(
			rc.ctx.getNode(),
			`Plan must be the output of Plan Migration Slice, got ${JSON.stringify(plans).slice(0, 200)}`,
			{
				description: "Set Plan to an expression that reads the Plan Migration Slice node's item.",
			},
		);
	}
	const total = rc.ctx.getNodeParameter('total', 0, '') as unknown;
	const budgetPerWindow = Number(rc.ctx.getNodeParameter('budgetPerWindow', 0, 60));
	const next = advanceMigration(storedMigration((plan.state ?? {}) as IDataObject), {
		plan,
		outcomes: jsonList(rc, 'outcomes') as OutcomeItem[],
		total: typeof total === 'number' && Number.isFinite(total) ? total : null,
		now: new Date().toISOString(),
		budgetPerWindow,
		windowSeconds: Number(plan.windowSeconds ?? 3600),
		costs: costsOf(rc),
	});
	return [{ json: next as unknown as IDataObject, pairedItem: { item: 0 } }];
}
