import type { INodeProperties } from 'n8n-workflow';
import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['paymentMethod'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many payment methods',
				description:
					"Get the shop's payment methods, one item per method with the key to use in paymentMethodDebtors (Run settings) and the gateways that offer it",
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
