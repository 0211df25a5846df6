/**
 * The invoice mapping as node parameters. `helpers/mapping.ts` turns them into the object that
 * `parseMapping` (core) validates; "Mapping (JSON)" overrides individual keys.
 */
import type { INodeProperties } from 'n8n-workflow';

const REGIMES = [
	{ name: 'Domestic (Dutch VAT)', value: 'domestic' },
	{ name: 'Export Outside the EU (0 %)', value: 'export' },
	{ name: 'Intra-EU B2B Reverse Charge (ICP)', value: 'intra_eu_reverse_charge' },
	{ name: 'OSS (Destination-Country VAT)', value: 'oss' },
	{ name: 'Zero-Rated in the Netherlands', value: 'zero_rated' },
];

/**
 * Payment methods are typed, not picked: the shop's list needs the Mijnwebwinkel credential, which this node does not
 * hold. The descriptions point to Mijnwebwinkel › Payment Method › Get Many, whose mappingKey is the name to type.
 */
export function fixedDebtorProperties(resource: string, operation: string): INodeProperties[] {
	return [
		{
			displayName: 'Fixed Debtors by Payment Method',
			name: 'paymentMethodDebtors',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Payment Method',
			default: {},
			displayOptions: { show: { resource: [resource], operation: [operation] } },
			description:
				'Orders paid with these methods are booked on one fixed client (e.g. counter sales on a "Kassa" client) without an e-mail lookup',
			options: [
				{
					displayName: 'Mapping',
					name: 'values',
					values: [
						{
							displayName: 'Payment Method',
							name: 'paymentMethod',
							type: 'string',
							default: '',
							placeholder: 'e.g. cash',
							description:
								"The shop's method name: the mappingKey that Mijnwebwinkel › Payment Method › Get Many lists (run it once to see them); compared without case",
						},
						{ displayName: 'Client Number', name: 'clientnr', type: 'string', default: '' },
					],
				},
			],
		},
	];
}

export function invoiceMappingProperties(resource: string, operation: string): INodeProperties[] {
	const displayOptions = { show: { resource: [resource], operation: [operation] } };
	return [
		{
			displayName: 'VAT Rates',
			name: 'vatRates',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add VAT Rate',
			default: {},
			displayOptions,
			description: 'Shop VAT rate → Factuursturen rate. Without entries: 21 → 21, 9 → 9, 0 → 0.',
			options: [
				{
					displayName: 'Rate',
					name: 'values',
					values: [
						{ displayName: 'Shop Rate (%)', name: 'shopRate', type: 'string', default: '21' },
						{
							displayName: 'Factuursturen Rate Name or ID',
							name: 'fsRate',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getTaxRates' },
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
					],
				},
			],
		},
		{
			displayName: 'OSS VAT Rates',
			name: 'ossVatRates',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Destination Rate',
			default: {},
			displayOptions,
			description:
				'Destination-country rates for OSS orders (EU B2C above the threshold), sent with the line flag tax_country. Add one entry per rate the shop charges, e.g. DE 19 % and DE 7 %.',
			options: [
				{
					displayName: 'Rate',
					name: 'values',
					values: [
						{
							displayName: 'Country and Rate Name or ID',
							name: 'rate',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getOssRates' },
							default: '',
							description:
								'The foreign rates set up in your Factuursturen account; a rate maps to the same percentage. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
					],
				},
			],
		},
		{
			displayName: 'Categories by VAT Regime',
			name: 'categories',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Category',
			default: {},
			displayOptions,
			description: 'Factuursturen category (and so ledger account) per VAT regime of the order',
			options: [
				{
					displayName: 'Category',
					name: 'values',
					values: [
						{
							displayName: 'VAT Regime',
							name: 'regime',
							type: 'options',
							options: REGIMES,
							default: 'domestic',
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
					],
				},
			],
		},
		...fixedDebtorProperties(resource, operation),
		{
			displayName: 'Payment Method Labels',
			name: 'paymentMethodLabels',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Label',
			default: {},
			displayOptions,
			description:
				'Text printed as the payment method of an invoice booked as paid (e.g. ideal → iDEAL); common methods have a built-in label',
			options: [
				{
					displayName: 'Label',
					name: 'values',
					values: [
						{
							displayName: 'Payment Method',
							name: 'paymentMethod',
							type: 'string',
							default: '',
							placeholder: 'e.g. ideal',
							description: 'The mappingKey that Mijnwebwinkel › Payment Method › Get Many lists',
						},
						{ displayName: 'Label', name: 'label', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Send Method',
			name: 'sendMethod',
			type: 'options',
			options: [
				{ name: 'E-Mail to the Customer', value: 'email' },
				{ name: 'Mail (Process Only, No E-Mail)', value: 'mail' },
			],
			default: 'mail',
			displayOptions,
			description:
				'How Factuursturen sends the invoice. "Mail" only books it; nothing is sent to the customer.',
		},
		{
			displayName: 'Profile Name or ID',
			name: 'profile',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getProfiles' },
			default: '',
			displayOptions,
			description:
				'Layout profile of the invoice; empty = the account default. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Invoice Options',
			name: 'mappingOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions,
			options: [
				{
					displayName: 'Book as Paid',
					name: 'paidWhen',
					type: 'options',
					options: [
						{
							name: 'When Known Paid',
							value: 'paid_status_or_payment',
							description:
								'Paid when the payment is captured (refunded for a credit) or the status name says paid; otherwise open until the money arrives',
						},
						{ name: 'Always', value: 'always', description: 'Every invoice is booked as paid' },
					],
					default: 'paid_status_or_payment',
				},
				{
					displayName: 'Gift Voucher Lines',
					name: 'voucherLines',
					type: 'options',
					options: [
						{
							name: 'Refuse the Order',
							value: 'refuse',
							description:
								'A voucher sale is not turnover: the order is reported for booking by hand',
						},
						{
							name: 'Book as They Are',
							value: 'book',
							description: 'Invoice the voucher line, with a mention on the invoice',
						},
					],
					default: 'refuse',
					description:
						'A 0 % line named like a gift voucher (cadeaubon, giftcard, …) in an order that charges VAT',
				},
				{
					displayName: 'Max Rounding Line (Cents)',
					name: 'maxRoundingCents',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 100 },
					default: 5,
					description:
						'Largest rounding line the invoice may get to match the order total; above it the order is refused',
				},
				{
					displayName: 'Price Decimals',
					name: 'priceDecimals',
					type: 'number',
					typeOptions: { minValue: 2, maxValue: 6 },
					default: 3,
					description: 'Decimals of the unit prices sent to Factuursturen',
				},
				{
					displayName: 'Reference Line 3',
					name: 'referenceLine3',
					type: 'string',
					default: '',
					description: 'Free text on the third reference line of every invoice',
				},
				{
					displayName: 'Split Single-Rate Costs Over the Rates',
					name: 'splitUnsplitCosts',
					type: 'boolean',
					default: false,
					description:
						"Whether shipping and payment costs charged at one rate in a basket with several rates are split over the goods' rates in proportion to their value (otherwise they are booked as the shop charged them)",
				},
				{
					displayName: 'Zero-Rated Note',
					name: 'zeroRatedNote',
					type: 'string',
					default: 'Nultarief (0% btw)',
					description:
						'Reason printed on an invoice of a zero-rated (0 % in the Netherlands) order',
				},
			],
		},
		{
			displayName: 'Mapping (JSON)',
			name: 'mappingJson',
			type: 'json',
			default: '{}',
			displayOptions,
			description:
				'The whole mapping as JSON, e.g. from an expression or another workflow; it overrides the settings above key by key: vatRates, ossVatRates ("DE:19"), categories, paymentMethodDebtors, paymentMethodLabels, sendMethod, profile, and the Invoice Options referenceLine3, splitUnsplitCosts, maxRoundingCents, priceDecimals, paidWhen (paid_status_or_payment | always), voucherLines (refuse | book), zeroRatedNote',
		},
	];
}
