/** Parameters several operations share, and the request options every operation that calls the API takes. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** How Factuursturen sends an invoice: a client's default, or the one invoice's. */
export const sendMethodOptions: INodePropertyOptions[] = [
	{ name: 'E-Mail', value: 'email' },
	{ name: 'Mail (Process Only, Print Yourself)', value: 'mail' },
	{ name: 'Print Center', value: 'printcenter' },
];

/** Return All and Limit of a Get Many (each operation adds its own displayOptions). */
export const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

/** Create From Order and Find By Orders: how invoices made by another connector are recognised. */
export const invoicesMadeElsewhere: INodeProperties = {
	displayName: 'Invoices Made Elsewhere',
	name: 'invoicesMadeElsewhere',
	type: 'collection',
	placeholder: 'Add Rule',
	default: {},
	description:
		'Switching over from another connector (or from booking by hand): how to recognise its invoices, so an order it booked is adopted, never booked twice. This package writes "Bestelling" and the order number in reference line 1; an invoice without that is searched where this rule says.',
	options: [
		{
			displayName: 'Order Number Stands In',
			name: 'where',
			type: 'options',
			default: 'lines',
			options: [
				{ name: 'Line Descriptions', value: 'lines' },
				{ name: 'Reference Line 1', value: 'line1' },
				{ name: 'Reference Line 2', value: 'line2' },
				{ name: 'Reference Line 3', value: 'line3' },
			],
		},
		{
			displayName: 'Order Number Pattern',
			name: 'pattern',
			type: 'string',
			default: '',
			placeholder: 'e.g. Bestelnummer:?\\s*(\\d+)',
			description: 'A regular expression with exactly one capture group around the order number',
		},
	],
};

/**
 * Create From Order and Get or Create by Email: orders paid with these methods go to one fixed debtor. Payment
 * methods are typed, not picked: the shop's list needs the Mijnwebwinkel credential, which this node does not
 * hold. The descriptions point to Mijnwebwinkel › Payment Method › Get Many, whose mappingKey is the name to type.
 */
export const paymentMethodDebtors: INodeProperties = {
	displayName: 'Fixed Debtors by Payment Method',
	name: 'paymentMethodDebtors',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Payment Method',
	default: {},
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
};

/** Options every operation accepts; shown last. */
export const requestOptions: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { hide: { operation: ['buildRows', 'migrationProgress'] } },
	options: [
		{
			displayName: 'Max Wait in Node (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			default: 60,
			typeOptions: { minValue: 0 },
			description:
				'No request is sent while the budget is spent. A renewal at most this far away is waited for inside the node; otherwise the item ends with code waiting_for_budget (not sent, not failed) for a later run or a Wait node.',
		},
		{
			displayName: 'Pacing',
			name: 'pacing',
			type: 'options',
			default: 'burst',
			options: [
				{
					name: 'Burst, Then Wait for Renewal',
					value: 'burst',
					description:
						'Suggest no wait while more than the reserve is left, then wait until the budget renews',
				},
				{
					name: 'Spread Over the Hour',
					value: 'spread',
					description: 'Suggest waits that spread the remaining budget evenly until it renews',
				},
			],
			description:
				'How rateLimit.suggestedWaitSeconds in the output spends the hourly budget (use it in a Wait node)',
		},
		{
			displayName: 'Rate Limit Reserve',
			name: 'rateLimitReserve',
			type: 'number',
			default: 5,
			typeOptions: { minValue: 0 },
			description:
				'Requests of the hourly Factuursturen budget to keep free (for manual work) when computing rateLimit.suggestedWaitSeconds in the output',
		},
		{
			displayName: 'Rate Limit Window (Seconds)',
			name: 'rateLimitWindowSeconds',
			type: 'number',
			default: 3600,
			typeOptions: { minValue: 1 },
			description:
				'Length of the Factuursturen budget window: it renews at every multiple of it (a clock hour). Change it only for a test API that compresses the hour.',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeoutMs',
			type: 'number',
			default: 60000,
			typeOptions: { minValue: 1000 },
			description:
				'How long to wait for an answer from Factuursturen before treating the request as failed',
		},
	],
};
