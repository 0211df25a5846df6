import type { INodeProperties } from 'n8n-workflow';

export const orderStatusOperations: INodeProperties = {
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
};

export const orderStatusFields: INodeProperties[] = [];
