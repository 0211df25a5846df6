/** Invoice → Get Many. */
import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { dateParam } from '../../helpers/dateParameter';
import { forEachItem } from '../../helpers/forEachItem';
import { limitOf } from '../../helpers/getMany';
import { normalizeRecord } from '../../helpers/normalize';
import { listInvoices } from '../../transport/invoices';
import { returnAllAndLimit } from '../common.descriptions';
import type { FactuursturenRun } from '../node.type';

const properties: INodeProperties[] = [
	...returnAllAndLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Client Number', name: 'client', type: 'string', default: '' },
			{
				displayName: 'Since',
				name: 'since',
				type: 'dateTime',
				default: '',
				description: 'Invoices sent on or after this date',
			},
			{
				displayName: 'Status',
				name: 'filter',
				type: 'options',
				options: [
					{ name: 'Open', value: 'open' },
					{ name: 'Overdue', value: 'overdue' },
					{ name: 'Paid', value: 'paid' },
					{ name: 'Paid Too Much', value: 'toomuch' },
					{ name: 'Partly Paid', value: 'partly' },
					{ name: 'Sent', value: 'sent' },
					{ name: 'Uncollectible', value: 'uncollectible' },
				],
				default: 'open',
			},
			{
				displayName: 'Until',
				name: 'until',
				type: 'dateTime',
				default: '',
				description: 'Invoices sent on or before this date',
			},
		],
	},
];

const displayOptions = { show: { resource: ['invoice'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	return await forEachItem(run, async (i) => {
		const filters = run.ctx.getNodeParameter('filters', i, {}) as IDataObject;
		// Factuursturen's count -1 means all
		const qs: IDataObject = { count: limitOf(run, i) ?? -1, start: 0 };
		try {
			if (filters.since) qs.since = dateParam(filters.since);
			if (filters.until) qs.until = dateParam(filters.until);
		} catch (error) {
			throw new NodeOperationError(run.ctx.getNode(), (error as Error).message, {
				itemIndex: i,
				description: 'Use a date such as 2024-05-01.',
			});
		}
		if (filters.filter) qs.filter = filters.filter;
		if (String(filters.client ?? '').trim()) qs.client = String(filters.client).trim();
		return (await listInvoices(run, qs, i)).map((inv) => normalizeRecord(inv));
	});
}
