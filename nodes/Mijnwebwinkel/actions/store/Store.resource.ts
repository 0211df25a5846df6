import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['store'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get the store',
				description: "Get the shop's settings: name, currency, whether prices include VAT, plan",
			},
		],
		default: 'get',
	},
	...get.description,
];
