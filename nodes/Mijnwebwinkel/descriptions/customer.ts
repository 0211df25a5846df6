import type { INodeProperties } from 'n8n-workflow';

export const customerOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['customer'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a customer',
			description: 'Get a registered customer by ID',
		},
		{
			name: 'Search by Email',
			value: 'searchByEmail',
			action: 'Search customers by email',
			description: 'Find registered customers by e-mail address',
		},
	],
	default: 'searchByEmail',
};

export const customerFields: INodeProperties[] = [
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '0d6f1c2e-2b0a-4c77-9d3e-6b1f3f0a1c11',
		displayOptions: { show: { resource: ['customer'], operation: ['get'] } },
		description: "The customer's ID: a UUID, the same as the debtor ID in an order",
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show: { resource: ['customer'], operation: ['searchByEmail'] } },
	},
	{
		displayName: 'Exact Match Only',
		name: 'exactMatch',
		type: 'boolean',
		default: true,
		displayOptions: { show: { resource: ['customer'], operation: ['searchByEmail'] } },
		description:
			'Whether to keep only customers whose e-mail equals the given one (ignoring case and spaces); the API search also returns partial matches',
	},
];
