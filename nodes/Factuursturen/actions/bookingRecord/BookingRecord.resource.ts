/** Booking Record: turns a run's outcome items into the rows of the booking-record Data Table (no API call). */
import type { INodeProperties } from 'n8n-workflow';
import * as buildRows from './buildRows.operation';
import * as migrationProgress from './migrationProgress.operation';
import * as planMigrationSlice from './planMigrationSlice.operation';

export { buildRows, migrationProgress, planMigrationSlice };

export const description: INodeProperties[] = [
	{
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
	},
	...buildRows.description,
	...migrationProgress.description,
	...planMigrationSlice.description,
];
