import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as searchByEmail from './searchByEmail.operation';

export { get, searchByEmail };

export const description: INodeProperties[] = [
	{
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
	},
	...get.description,
	...searchByEmail.description,
];
