/** Booking Record: turns a run's outcome items into the rows of the booking-record Data Table (no API call). */
import type { INodeProperties } from 'n8n-workflow';

const show = { show: { resource: ['bookingRecord'], operation: ['buildRows'] } };

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
		displayOptions: show,
		description:
			"The run's outcome items as a list (orderNumber, outcome, refused, stage, code, reason, hint, invoicenr, paid, orderDate, orderStatus, amountCents), usually an expression that lists every item of the node holding them. The input items are the rows the booking-record Data Table already holds for these orders.",
	},
];
