import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from './common';

const show = (operation: string[]) => ({ show: { resource: ['product'], operation } });

export const productOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['product'] } },
	options: [
		{ name: 'Create', value: 'create', action: 'Create a product' },
		{ name: 'Delete', value: 'delete', action: 'Delete a product' },
		{ name: 'Get', value: 'get', action: 'Get a product' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many products' },
		{ name: 'Update', value: 'update', action: 'Update a product' },
	],
	default: 'getAll',
};

const productFieldOptions: INodeProperties[] = [
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

export const productFields: INodeProperties[] = [
	{
		displayName: 'Product ID',
		name: 'productId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show(['get', 'delete', 'update']),
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show(['create']),
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 120.00',
		displayOptions: show(['create']),
		description: 'Price excluding VAT, decimal with a dot (max 3 decimals)',
	},
	{
		displayName: 'VAT Rate Name or ID',
		name: 'taxes',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTaxRates' },
		required: true,
		default: '',
		displayOptions: show(['create']),
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['create']),
		options: productFieldOptions.filter((o) => !['name', 'price', 'taxes'].includes(o.name)),
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['update']),
		options: productFieldOptions,
	},
	...returnAllAndLimit('product', 'getAll'),
];
