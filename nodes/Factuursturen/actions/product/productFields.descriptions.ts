/** The Factuursturen product attributes a user can set (API field names). */
import type { INodeProperties } from 'n8n-workflow';

export const productFieldOptions: INodeProperties[] = [
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		default: '',
		description: 'Product code (max 20 characters)',
	},
	{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
	{
		displayName: 'Price',
		name: 'price',
		type: 'string',
		default: '',
		placeholder: 'e.g. 120.00',
		description: 'Price excluding VAT, decimal with a dot (max 3 decimals)',
	},
	{ displayName: 'Stock', name: 'stock', type: 'number', default: 0 },
	{ displayName: 'Track Stock', name: 'stock_use', type: 'boolean', default: false },
	{
		displayName: 'VAT Rate Name or ID',
		name: 'taxes',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTaxRates' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
];

export const productIdProperty: INodeProperties = {
	displayName: 'Product ID',
	name: 'productId',
	type: 'string',
	required: true,
	default: '',
};
