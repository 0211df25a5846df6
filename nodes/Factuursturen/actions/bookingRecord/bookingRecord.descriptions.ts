import type { INodeProperties } from 'n8n-workflow';

/** Build Rows and Migration Progress: the run's outcome items. */
export const outcomesProperty: INodeProperties = {
	displayName: 'Outcomes',
	name: 'outcomes',
	type: 'json',
	default: '[]',
	required: true,
	description:
		"The run's outcome items as a list (orderNumber, outcome, refused, stage, code, reason, hint, invoicenr, paid, orderDate, orderStatus, amountCents), usually an expression that lists every item of the node holding them. The input items are the rows the booking-record Data Table already holds for these orders.",
};

/** Plan Migration Slice and Migration Progress: what one order costs and the largest slice. */
export const sliceProperties: INodeProperties[] = [
	{
		displayName: 'Calls per Order',
		name: 'callsPerOrder',
		type: 'number',
		default: 2,
		typeOptions: { minValue: 1 },
		description:
			'Factuursturen requests one order costs at most (its invoice, and its debtor when new): planned with until the migration has measured what its orders really cost',
	},
	{
		displayName: 'Max Orders per Run',
		name: 'maxSlice',
		type: 'number',
		default: 500,
		typeOptions: { minValue: 1 },
		description:
			'Upper bound of a slice, whatever the budget (keeps every execution short and small)',
	},
];
