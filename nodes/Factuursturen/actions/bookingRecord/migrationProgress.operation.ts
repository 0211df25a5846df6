/**
 * Booking Record → Migration Progress: after a migration run, the new state row of the migration (for a Data Table
 * Upsert on range), with its progress. No API call. The rules are core's (core/booking-record/migration.ts).
 */
import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import {
	advanceMigration,
	storedMigration,
	type SlicePlan,
} from '../../../../core/booking-record/migration';
import type { OutcomeItem } from '../../../../core/booking-record/row';
import { jsonList } from '../../helpers/jsonParameter';
import { costsOf } from '../../helpers/migrationInputs';
import type { FactuursturenRun } from '../node.type';
import { outcomesProperty, sliceProperties } from './bookingRecord.descriptions';

const properties: INodeProperties[] = [
	outcomesProperty,
	...sliceProperties,
	{
		displayName: 'Plan',
		name: 'plan',
		type: 'json',
		default: '{}',
		required: true,
		description: "The item of this run's Plan Migration Slice node, as a list (all its items)",
	},
	{
		displayName: 'Orders in Range',
		name: 'total',
		type: 'number',
		default: 0,
		description:
			'How many orders the range holds (Mijnwebwinkel Order → Count with the same filters), for the orders left',
	},
	{
		displayName: 'Budget per Window',
		name: 'budgetPerWindow',
		type: 'number',
		default: 60,
		typeOptions: { minValue: 1 },
		description:
			'Factuursturen requests per hour on this account, for the expected end (Factuursturen does not publish it)',
	},
];

const displayOptions = { show: { resource: ['bookingRecord'], operation: ['migrationProgress'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	const plans = jsonList(run, 'plan') as unknown as Array<
		SlicePlan & { state?: IDataObject | null; windowSeconds?: number }
	>;
	const [plan] = plans;
	if (!plan || typeof plan.range !== 'string') {
		throw new NodeOperationError(
			run.ctx.getNode(),
			`Plan must be the output of Plan Migration Slice, got ${JSON.stringify(plans).slice(0, 200)}`,
			{
				description: "Set Plan to an expression that reads the Plan Migration Slice node's item.",
			},
		);
	}
	const total = run.ctx.getNodeParameter('total', 0, '') as unknown;
	const budgetPerWindow = Number(run.ctx.getNodeParameter('budgetPerWindow', 0, 60));
	const next = advanceMigration(storedMigration((plan.state ?? {}) as IDataObject), {
		plan,
		outcomes: jsonList(run, 'outcomes') as OutcomeItem[],
		total: typeof total === 'number' && Number.isFinite(total) ? total : null,
		now: new Date().toISOString(),
		budgetPerWindow,
		windowSeconds: Number(plan.windowSeconds ?? 3600),
		costs: costsOf(run),
	});
	return [{ json: next as unknown as IDataObject, pairedItem: { item: 0 } }];
}
