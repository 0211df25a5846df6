import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from './common';
import { invoiceFromOrderFields } from './invoiceFromOrder';

const show = (operation: string[]) => ({ show: { resource: ['invoice'], operation } });

export const invoiceOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['invoice'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create an invoice',
			description: 'Create an invoice from lines you give',
		},
		{
			name: 'Create From Order',
			value: 'createFromOrder',
			action: 'Create an invoice from an order',
			description:
				'Book a shop order as a sales invoice, paid when the order is known paid and open otherwise: VAT mapping, no duplicates (an existing invoice for the order is adopted)',
		},
		{ name: 'Delete', value: 'delete', action: 'Delete an invoice' },
		{ name: 'Download PDF', value: 'downloadPdf', action: 'Download an invoice PDF' },
		{
			name: 'Find By Orders',
			value: 'findByOrders',
			action: 'Find invoices for orders',
			description:
				'Add the existing invoice (or null) to every input order, with one request for all of them',
		},
		{ name: 'Get', value: 'get', action: 'Get an invoice' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many invoices' },
		{
			name: 'Reconcile With Order',
			value: 'reconcile',
			action: 'Reconcile invoices with their orders',
			description:
				'Read the invoices back and compare total, VAT per rate, paid state and customer with each order',
		},
		{
			name: 'Register Payment',
			value: 'registerPayment',
			action: 'Register a payment for an invoice',
		},
	],
	default: 'createFromOrder',
};

const lineValues: INodeProperties[] = [
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Quantity', name: 'amount', type: 'number', default: 1 },
	{
		displayName: 'Unit',
		name: 'amount_desc',
		type: 'string',
		default: '',
		placeholder: 'e.g. pcs',
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'string',
		default: '',
		placeholder: 'e.g. 16.53',
		description:
			'Unit price as a decimal with a dot; excluding VAT for a client with prices excl. VAT (extax), including VAT for intax.',
	},
	{
		displayName: 'VAT Rate Name or ID',
		name: 'tax_rate',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTaxRates' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Discount (%)',
		name: 'discount_pct',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: 100 },
	},
	{
		displayName: 'Use Destination-Country Rate (OSS)',
		name: 'tax_country',
		type: 'boolean',
		default: false,
		description: "Whether this line uses the VAT rate of the client's country",
	},
];

export const invoiceFields: INodeProperties[] = [
	{
		displayName: 'Invoice Number',
		name: 'invoiceId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show(['get', 'delete', 'downloadPdf', 'registerPayment']),
		description: 'The invoice number (invoicenr) or internal ID',
	},

	// Create
	{
		displayName: 'Client Number',
		name: 'clientnr',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show(['create']),
	},
	{
		displayName: 'Action',
		name: 'invoiceAction',
		type: 'options',
		options: [
			{ name: 'Send (Final Invoice)', value: 'send' },
			{ name: 'Save as Draft', value: 'save' },
		],
		default: 'send',
		displayOptions: show(['create']),
	},
	{
		displayName: 'Send Method',
		name: 'sendmethod',
		type: 'options',
		options: [
			{ name: 'E-Mail', value: 'email' },
			{ name: 'Mail (Process Only, Print Yourself)', value: 'mail' },
			{ name: 'Print Center', value: 'printcenter' },
		],
		default: 'mail',
		displayOptions: {
			show: { resource: ['invoice'], operation: ['create'], invoiceAction: ['send'] },
		},
	},
	{
		displayName: 'Draft Name',
		name: 'savename',
		type: 'string',
		default: '',
		required: true,
		displayOptions: {
			show: { resource: ['invoice'], operation: ['create'], invoiceAction: ['save'] },
		},
		description: 'Name of the saved invoice (max 20 characters)',
	},
	{
		displayName: 'Lines Input',
		name: 'linesInput',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields' },
			{ name: 'JSON', value: 'json' },
		],
		default: 'fields',
		displayOptions: show(['create']),
	},
	{
		displayName: 'Lines',
		name: 'lines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Line',
		default: {},
		displayOptions: {
			show: { resource: ['invoice'], operation: ['create'], linesInput: ['fields'] },
		},
		options: [{ displayName: 'Line', name: 'line', values: lineValues }],
	},
	{
		displayName: 'Lines (JSON)',
		name: 'linesJson',
		type: 'json',
		default: '[\n  {"amount": 1, "description": "Item", "tax_rate": 21, "price": "10.00"}\n]',
		displayOptions: {
			show: { resource: ['invoice'], operation: ['create'], linesInput: ['json'] },
		},
		description:
			'Array of lines with amount, description, tax_rate, price (decimal text, e.g. "16.53"), optional amount_desc, discount_pct, tax_country',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['create']),
		options: [
			{
				displayName: 'Already Paid',
				name: 'alreadypaid',
				type: 'string',
				default: '',
				placeholder: 'full',
				description: '"full" to mark the whole invoice paid, or an amount such as "25.00"',
			},
			{
				displayName: 'Already Paid Method',
				name: 'alreadypaidmethod',
				type: 'string',
				default: '',
				placeholder: 'e.g. iDEAL',
			},
			{
				displayName: 'Category Name or ID',
				name: 'category',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCategories' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{
				displayName: 'Discount',
				name: 'discount',
				type: 'string',
				default: '',
				description: 'Invoice-level discount: a percentage or an amount, see Discount Type',
			},
			{
				displayName: 'Discount Type',
				name: 'discounttype',
				type: 'options',
				options: [
					{ name: 'Amount', value: 'amount' },
					{ name: 'Percentage', value: 'percentage' },
				],
				default: 'percentage',
			},
			{ displayName: 'Payment Condition', name: 'paymentcondition', type: 'string', default: '' },
			{
				displayName: 'Payment Period (Days)',
				name: 'paymentperiod',
				type: 'number',
				default: 14,
				typeOptions: { minValue: 0 },
			},
			{
				displayName: 'Profile Name or ID',
				name: 'profile',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getProfiles' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{ displayName: 'Reference Line 1', name: 'referenceLine1', type: 'string', default: '' },
			{ displayName: 'Reference Line 2', name: 'referenceLine2', type: 'string', default: '' },
			{ displayName: 'Reference Line 3', name: 'referenceLine3', type: 'string', default: '' },
		],
	},

	// Get Many
	...returnAllAndLimit('invoice', 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(['getAll']),
		options: [
			{ displayName: 'Client Number', name: 'client', type: 'string', default: '' },
			{
				displayName: 'Since',
				name: 'since',
				type: 'dateTime',
				default: '',
				description: 'Invoices sent on or after this date',
			},
			{
				displayName: 'Status',
				name: 'filter',
				type: 'options',
				options: [
					{ name: 'Open', value: 'open' },
					{ name: 'Overdue', value: 'overdue' },
					{ name: 'Paid', value: 'paid' },
					{ name: 'Paid Too Much', value: 'toomuch' },
					{ name: 'Partly Paid', value: 'partly' },
					{ name: 'Sent', value: 'sent' },
					{ name: 'Uncollectible', value: 'uncollectible' },
				],
				default: 'open',
			},
			{
				displayName: 'Until',
				name: 'until',
				type: 'dateTime',
				default: '',
				description: 'Invoices sent on or before this date',
			},
		],
	},

	// Register Payment
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		default: 'full',
		displayOptions: show(['registerPayment']),
		description: '"full" for the whole outstanding amount, or an amount such as "25.00"',
	},
	{
		displayName: 'Payment Date',
		name: 'date',
		type: 'dateTime',
		default: '',
		displayOptions: show(['registerPayment']),
		description: 'Empty = today (Europe/Amsterdam)',
	},
	{
		displayName: 'Method',
		name: 'method',
		type: 'string',
		default: '',
		placeholder: 'e.g. iDEAL',
		displayOptions: show(['registerPayment']),
	},

	// Download PDF
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: show(['downloadPdf']),
		hint: 'The name of the output binary field to put the file in',
	},

	...invoiceFromOrderFields,
];
