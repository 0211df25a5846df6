import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from './common';
import { clientFieldOptions } from './clientFields';
import { fixedDebtorProperties } from './mapping';

const show = (operation: string[]) => ({ show: { resource: ['client'], operation } });

export const clientOperations: INodeProperties = {
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
};

export const clientFields: INodeProperties[] = [
	{
		displayName: 'Client Number',
		name: 'clientnr',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show(['get', 'delete', 'update']),
		description: 'The Factuursturen client number (clientnr)',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: show(['create', 'searchByEmail']),
	},
	{
		displayName: 'Exact Match Only',
		name: 'exactMatch',
		type: 'boolean',
		default: true,
		displayOptions: show(['searchByEmail']),
		description:
			'Whether to return only clients whose e-mail equals the given one (trimmed, case-insensitive); Factuursturen itself does a text search',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['create']),
		options: clientFieldOptions,
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['update']),
		options: [
			...clientFieldOptions,
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{ displayName: 'Active', name: 'active', type: 'boolean', default: true },
		],
	},
	...returnAllAndLimit('client', 'getAll'),

	// Get or Create by Email
	{
		displayName: 'Debtor Source',
		name: 'debtorSource',
		type: 'options',
		options: [
			{
				name: 'Order From Input',
				value: 'order',
				description: 'The input item is an order as the Mijnwebwinkel node outputs it (Normalized)',
			},
			{
				name: 'Fields Below',
				value: 'fields',
				description: 'E-mail and client fields set in this node',
			},
		],
		default: 'order',
		displayOptions: show(['getOrCreateByEmail']),
	},
	{
		displayName: 'Order Field',
		name: 'orderProperty',
		type: 'string',
		default: '',
		placeholder: 'e.g. order',
		displayOptions: {
			show: { resource: ['client'], operation: ['getOrCreateByEmail'], debtorSource: ['order'] },
		},
		description:
			'Where the order is in the input item: leave empty when the whole item is the order, or give a dot path such as "order"',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: {
			show: { resource: ['client'], operation: ['getOrCreateByEmail'], debtorSource: ['fields'] },
		},
		description: 'Matched trimmed and case-insensitive, exactly',
	},
	{
		displayName: 'Fields for a New Client',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: {
			show: { resource: ['client'], operation: ['getOrCreateByEmail'], debtorSource: ['fields'] },
		},
		description: 'Used only when the client has to be created; an existing client is never changed',
		options: clientFieldOptions,
	},
	{
		displayName: 'Invoice Settings',
		name: 'invoiceSettings',
		type: 'json',
		default: '{}',
		displayOptions: {
			show: { resource: ['client'], operation: ['getOrCreateByEmail'], debtorSource: ['order'] },
		},
		description:
			"The settings of the Invoice → Create From Order node that books these orders, as an object of its parameters (mappingJson, vatRates, ossVatRates, invoiceableStatuses, sendMethod, …): the same values or expressions that node uses, or {{ $('Create invoice').params }} when its parameters hold no expressions. An order it would refuse (status, currency, unmapped VAT or OSS rate, voucher line, …) is refused here, before a debtor is created, and its Send Method applies to new debtors. Empty: only the checks that need no settings.",
	},
	{
		displayName: 'New Consumer Debtors',
		name: 'newConsumerTaxType',
		type: 'options',
		options: [
			{
				name: 'Prices Incl. VAT',
				value: 'intax',
				description:
					'As a consumer shop shows them: the invoice lands on the order total without rounding lines',
			},
			{ name: 'Prices Excl. VAT', value: 'extax' },
		],
		default: 'intax',
		displayOptions: {
			show: { resource: ['client'], operation: ['getOrCreateByEmail'], debtorSource: ['order'] },
		},
		description:
			'Tax type (tax_type) of a debtor created for a customer without company or VAT number',
	},
	{
		displayName: 'New Business Debtors',
		name: 'newBusinessTaxType',
		type: 'options',
		options: [
			{ name: 'Prices Excl. VAT', value: 'extax', description: 'As businesses read and book them' },
			{ name: 'Prices Incl. VAT', value: 'intax' },
		],
		default: 'extax',
		displayOptions: {
			show: { resource: ['client'], operation: ['getOrCreateByEmail'], debtorSource: ['order'] },
		},
		description:
			'Tax type (tax_type) of a debtor created for a customer with a company or VAT number',
	},
	...fixedDebtorProperties('client', 'getOrCreateByEmail'),
	{
		displayName: 'Mapping (JSON)',
		name: 'mappingJson',
		type: 'json',
		default: '{}',
		displayOptions: {
			show: { resource: ['client'], operation: ['getOrCreateByEmail'], debtorSource: ['order'] },
		},
		description:
			'The same mapping as Invoice → Create From Order takes, so one expression can feed both nodes; here only paymentMethodDebtors is used, e.g. {"paymentMethodDebtors": {"cash": "1001"}} (the keys are the mappingKey values of Mijnwebwinkel › Payment Method › Get Many). Overrides Fixed Debtors by Payment Method.',
	},
	{
		displayName: 'Lookup Strategy',
		name: 'lookupStrategy',
		type: 'options',
		options: [
			{
				name: 'Auto',
				value: 'auto',
				description:
					'Fetch all clients once when more than 3 e-mails are looked up, else search per e-mail',
			},
			{
				name: 'Fetch All Clients',
				value: 'all',
				description: 'One request for all clients, matched locally',
			},
			{
				name: 'Search per Email',
				value: 'search',
				description: 'One search request per distinct e-mail',
			},
		],
		default: 'auto',
		displayOptions: show(['getOrCreateByEmail']),
		description: 'How to spend the hourly Factuursturen request budget',
	},
	{
		displayName: 'Include Input Data',
		name: 'includeInput',
		type: 'boolean',
		default: true,
		displayOptions: show(['getOrCreateByEmail']),
		description:
			'Whether to pass the input item through with the debtor fields added, so Invoice → Create From Order can follow directly',
	},
];
