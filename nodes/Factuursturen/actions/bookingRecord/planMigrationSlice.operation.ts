/**
 * Booking Record → Plan Migration Slice: the first end of one execution of a migration that runs at the real
 * budget. The input items are the stored state of this range (a Data Table Get: the row, or an empty item). ONE
 * request tells the budget left in this window (none when this process saw it spent); the output is the slice to
 * book now. The rules are core's
 * (core/booking-record/migration.ts).
 */
import {
	updateDisplayOptions,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import {
	migrationKey,
	planSlice,
	storedMigration,
	type SlicePlan,
} from '../../../../core/booking-record/migration';
import { costsOf, dateRange } from '../../helpers/migrationInputs';
import { probeBudget } from '../../transport/referenceLists';
import type { FactuursturenRun } from '../node.type';
import { sliceProperties } from './bookingRecord.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'From Date',
		name: 'dateFrom',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2025-01-01',
		description: 'First order date of the range to migrate (YYYY-MM-DD)',
	},
	{
		displayName: 'To Date',
		name: 'dateTo',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2025-12-31',
		description: 'Last order date of the range to migrate (YYYY-MM-DD)',
	},
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'string',
		default: '',
		placeholder: 'e.g. the workflow ID',
		description:
			'Keeps migrations of the same range by different workflows (shops) in one n8n apart; part of the state row key',
	},
	...sliceProperties,
];

const displayOptions = { show: { resource: ['bookingRecord'], operation: ['planMigrationSlice'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	const { from, to } = dateRange(run);
	const scope = String(run.ctx.getNodeParameter('scope', 0, '')).trim();
	const key = migrationKey(from, to, scope);
	const state = run.items.map((i) => storedMigration(i.json)).find((s) => s?.range === key) ?? null;
	const costs = costsOf(run);
	// a run started while this window's budget is known to be spent stands down without a request
	const known = await run.api.knownRemaining();
	const standDown = known !== null && planSlice(state, from, to, known, costs).sliceSize === 0;
	if (!standDown) await probeBudget(run);
	const info = run.api.rateLimit();
	const remaining = standDown ? known : (info.remaining ?? 0);
	const plan: SlicePlan = planSlice(state, from, to, remaining, costs, scope);
	return [
		{
			json: {
				...plan,
				// what this run spends is measured from here (none when it stood down)
				budgetLeft: standDown ? null : info.remaining,
				renewsAt: info.renewsAt,
				windowSeconds: Math.round(run.api.windowMs / 1000),
				state: (state as IDataObject | null) ?? null,
			},
			pairedItem: { item: 0 },
		},
	];
}
