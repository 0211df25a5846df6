/** Booking Record: turns a run's outcome items into the rows of the booking-record Data Table (no API call). */
import type { INodeProperties } from 'n8n-workflow';

const showFor = (operation: string[]) => ({ show: { resource: ['bookingRecord'], operation } });

export const bookingRecordOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['bookingRecord'] } },
	options: [
		{
			name: 'Build Rows',
			value: 'buildRows',
			action: 'Build booking record rows',
			description:
				'Merge the outcomes of a run into the rows a Data Table holds for those orders: one row per order, ready for a Data Table Upsert on orderNumber',
		},
		{
			name: 'Migration Progress',
			value: 'migrationProgress',
			action: 'Record migration progress',
			description:
				'After a migration run: the new state of the migration (booked, left, expected end) for a Data Table Upsert on range',
		},
		{
			name: 'Plan Migration Slice',
			value: 'planMigrationSlice',
			action: 'Plan the next migration slice',
			description:
				'Before a migration run: how many orders after the last one done fit in the Factuursturen budget left now (one request to learn it)',
		},
	],
	default: 'buildRows',
};

export const bookingRecordFields: INodeProperties[] = [
	{
		displayName: 'Outcomes',
		name: 'outcomes',
		type: 'json',
		default: '[]',
		required: true,
		displayOptions: showFor(['buildRows', 'migrationProgress']),
		description:
			"The run's outcome items as a list (orderNumber, outcome, refused, stage, code, reason, hint, invoicenr, paid, orderDate, orderStatus, amountCents), usually an expression that lists every item of the node holding them. The input items are the rows the booking-record Data Table already holds for these orders.",
	},
	{
		displayName: 'From Date',
		name: 'dateFrom',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2025-01-01',
		displayOptions: showFor(['planMigrationSlice']),
		description: 'First order date of the range to migrate (YYYY-MM-DD)',
	},
	{
		displayName: 'To Date',
		name: 'dateTo',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2025-12-31',
		displayOptions: showFor(['planMigrationSlice']),
		description: 'Last order date of the range to migrate (YYYY-MM-DD)',
	},
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'string',
		default: '',
		placeholder: 'e.g. the workflow ID',
		displayOptions: showFor(['planMigrationSlice']),
		description:
			'Keeps migrations of the same range by different workflows (shops) in one n8n apart; part of the state row key',
	},
	{
		displayName: 'Calls per Order',
		name: 'callsPerOrder',
		type: 'number',
		default: 2,
		typeOptions: { minValue: 1 },
		displayOptions: showFor(['planMigrationSlice', 'migrationProgress']),
		description:
			'Factuursturen requests one order costs at most (its invoice, and its debtor when new)',
	},
	{
		displayName: 'Max Orders per Run',
		name: 'maxSlice',
		type: 'number',
		default: 500,
		typeOptions: { minValue: 1 },
		displayOptions: showFor(['planMigrationSlice', 'migrationProgress']),
		description:
			'Upper bound of a slice, whatever the budget (keeps every execution short and small)',
	},
	{
		displayName: 'Plan',
		name: 'plan',
		type: 'json',
		default: '{}',
		required: true,
		displayOptions: showFor(['migrationProgress']),
		description: "The item of this run's Plan Migration Slice node, as a list (all its items)",
	},
	{
		displayName: 'Orders in Range',
		name: 'total',
		type: 'number',
		default: 0,
		displayOptions: showFor(['migrationProgress']),
		description:
			'How many orders the range holds (Mijnwebwinkel Order → Count with the same filters), for the orders left',
	},
	{
		displayName: 'Budget per Window',
		name: 'budgetPerWindow',
		type: 'number',
		default: 60,
		typeOptions: { minValue: 1 },
		displayOptions: showFor(['migrationProgress']),
		description:
			'Factuursturen requests per hour on this account, for the expected end (Factuursturen does not publish it)',
	},
];
