import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getOrCreateByEmail from './getOrCreateByEmail.operation';
import * as searchByEmail from './searchByEmail.operation';
import * as update from './update.operation';

export { create, del as delete, get, getAll, getOrCreateByEmail, searchByEmail, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['client'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a client',
				description: 'Create a client (debtor)',
			},
			{ name: 'Delete', value: 'delete', action: 'Delete a client' },
			{ name: 'Get', value: 'get', action: 'Get a client' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many clients' },
			{
				name: 'Get or Create by Email',
				value: 'getOrCreateByEmail',
				action: 'Get or create a client by email',
				description:
					'Find the client with exactly this e-mail address, or create it; an existing client is never changed',
			},
			{ name: 'Search by Email', value: 'searchByEmail', action: 'Search clients by email' },
			{ name: 'Update', value: 'update', action: 'Update a client' },
		],
		default: 'getOrCreateByEmail',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...getOrCreateByEmail.description,
	...searchByEmail.description,
	...update.description,
];
