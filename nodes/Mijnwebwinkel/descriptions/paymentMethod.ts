import type { INodeProperties } from 'n8n-workflow';

export const paymentMethodOperations: INodeProperties = {
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
};

export const paymentMethodFields: INodeProperties[] = [
	{
		displayName: 'Methods',
		name: 'source',
		type: 'options',
		options: [
			{
				name: 'This Store',
				value: 'store',
				description: 'The methods this shop has set up (needs the store token)',
			},
			{
				name: 'All Mijnwebwinkel Offers',
				value: 'all',
				description: 'Every method any Mijnwebwinkel shop can offer (needs only the partner token)',
			},
		],
		default: 'store',
		displayOptions: { show: { resource: ['paymentMethod'], operation: ['getAll'] } },
		description: 'Which payment methods to list',
	},
];
