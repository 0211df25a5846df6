import type { INodeProperties } from 'n8n-workflow';
import * as count from './count.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { count, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Count',
				value: 'count',
				action: 'Count orders',
				description: 'Count the orders that match filters',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an order',
				description: 'Get one order by its number',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many orders',
				description: 'Get orders that match filters',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an order',
				description: 'Change the status, the archived flag or the internal comment of an order',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
	...count.description,
	...update.description,
];
