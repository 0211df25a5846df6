import type { INodeProperties } from 'n8n-workflow';

export const resourceField: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Article', value: 'article' },
		{ name: 'Customer', value: 'customer' },
		{ name: 'Order', value: 'order' },
		{ name: 'Order Status', value: 'orderStatus' },
		{ name: 'Payment Method', value: 'paymentMethod' },
		{ name: 'Store', value: 'store' },
		{ name: 'Tax Region', value: 'taxRegion' },
	],
	default: 'order',
};
