import type { INodeProperties } from 'n8n-workflow';
import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['taxRegion'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many tax regions',
				description:
					"Get the shop's VAT settings per region (rates, shipping and transaction-cost VAT method)",
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
