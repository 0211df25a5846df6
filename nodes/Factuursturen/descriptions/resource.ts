import type { INodeProperties } from 'n8n-workflow';

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Booking Record', value: 'bookingRecord' },
		{ name: 'Category', value: 'category' },
		{ name: 'Client (Debtor)', value: 'client' },
		{ name: 'Country', value: 'country' },
		{ name: 'Invoice', value: 'invoice' },
		{ name: 'Product', value: 'product' },
		{ name: 'Profile', value: 'profile' },
		{ name: 'Tax Rate', value: 'taxRate' },
	],
	default: 'invoice',
};
