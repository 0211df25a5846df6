import type { INodeProperties } from 'n8n-workflow';
import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['orderStatus'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many order statuses',
				description:
					"Get the shop's order statuses: ID, name and whether it is a credit-order status",
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
