/** The Factuursturen client attributes a user can set (API field names; documented maximum lengths). */
import type { INodeProperties } from 'n8n-workflow';
import { sendMethodOptions } from '../common.descriptions';

/** The client an operation works on. */
export const clientNumberProperty: INodeProperties = {
	displayName: 'Client Number',
	name: 'clientnr',
	type: 'string',
	required: true,
	default: '',
	description: 'The Factuursturen client number (clientnr)',
};

export const clientFieldOptions: INodeProperties[] = [
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		description: 'Street and house number (max 50 characters)',
	},
	{
		displayName: 'Address Addon',
		name: 'address_addon',
		type: 'string',
		default: '',
		description: 'Second address line (max 50 characters)',
	},
	{ displayName: 'BIC', name: 'biccode', type: 'string', default: '' },
	{
		displayName: 'City',
		name: 'city',
		type: 'string',
		default: '',
		description: 'Max 50 characters',
	},
	{
		displayName: 'Company',
		name: 'company',
		type: 'string',
		default: '',
		description: 'Max 50 characters',
	},
	{
		displayName: 'Contact',
		name: 'contact',
		type: 'string',
		default: '',
		description: 'Contact person (max 50 characters)',
	},
	{
		displayName: 'Country Name or ID',
		name: 'country',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCountries' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: 'EUR',
	},
	{
		displayName: 'Default Category Name or ID',
		name: 'default_category',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCategories' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Document Language',
		name: 'default_doclang',
		type: 'options',
		options: [
			{ name: 'Account Default', value: '' },
			{ name: 'Dutch', value: 'nl' },
			{ name: 'English', value: 'en' },
			{ name: 'French', value: 'fr' },
			{ name: 'German', value: 'de' },
			{ name: 'Spanish', value: 'es' },
		],
		default: '',
	},
	{ displayName: 'IBAN', name: 'bankcode', type: 'string', default: '' },
	{
		displayName: 'Mail Intro',
		name: 'mailintro',
		type: 'string',
		default: '',
		description: 'E.g. "Beste Jan," (max 128 characters).',
	},
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		default: '',
		description: 'Max 13 characters; spaces are removed',
	},
	{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
	{
		displayName: 'Notes on Invoice',
		name: 'notes_on_invoice',
		type: 'boolean',
		default: false,
		description: 'Whether to print the notes on invoices',
	},
	{
		displayName: 'Payment Method',
		name: 'paymentmethod',
		type: 'options',
		options: [
			{ name: 'Bank Transfer', value: 'bank' },
			{ name: 'Direct Debit', value: 'autocollect' },
		],
		default: 'bank',
	},
	{
		displayName: 'Payment Term (Days)',
		name: 'top',
		type: 'number',
		default: 14,
		typeOptions: { minValue: 0 },
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		description: 'Max 13 characters; spaces are removed',
	},
	{
		displayName: 'Prices Include VAT',
		name: 'tax_type',
		type: 'options',
		options: [
			{ name: 'Excluding VAT (Extax)', value: 'extax' },
			{ name: 'Including VAT (Intax)', value: 'intax' },
		],
		default: 'extax',
		description:
			'Whether invoice line prices for this client are read as excluding or including VAT',
	},
	{
		displayName: 'Reverse Charge (VAT Shifted)',
		name: 'tax_shifted',
		type: 'boolean',
		default: false,
		description: 'Whether VAT is shifted to this client (intra-EU B2B)',
	},
	{
		displayName: 'Send Method',
		name: 'sendmethod',
		type: 'options',
		options: sendMethodOptions,
		default: 'mail',
	},
	{
		displayName: 'Show Contact',
		name: 'showcontact',
		type: 'boolean',
		default: true,
		description: 'Whether to show the contact person on invoices',
	},
	{
		displayName: 'Standard Discount (%)',
		name: 'stddiscount',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: 100 },
	},
	{
		displayName: 'VAT Number',
		name: 'taxnumber',
		type: 'string',
		default: '',
		description: 'Max 18 characters',
	},
	{
		displayName: 'Zip Code',
		name: 'zipcode',
		type: 'string',
		default: '',
		description: 'Max 7 characters',
	},
];
