import { SHOP_TIME_ZONE } from '../../../../core/time-zone';
import type { INodeProperties } from 'n8n-workflow';

export const STATUS_LIST_HINT =
	"Loaded from the shop by name; the node looks the IDs up again on every run, so a workflow that keeps names never depends on the shop's status IDs";

/** The filters the list and the count share; the list also takes a customer e-mail. */
export function orderFilters(operation: 'getAll' | 'count'): INodeProperties {
	const options: INodeProperties[] = [
		{
			displayName: 'Archived',
			name: 'archived',
			type: 'options',
			options: [
				{ name: 'Archived and Not Archived', value: 'both' },
				{ name: 'Only Archived', value: 'archived' },
				{ name: 'Only Not Archived', value: 'notArchived' },
			],
			default: 'both',
			description:
				'Shop owners archive handled orders, so leaving this at both keeps paid orders that were archived',
		},
		{
			displayName: 'Include Test Orders',
			name: 'includeTestOrders',
			type: 'boolean',
			default: false,
			description:
				'Whether to include test orders (numbers starting with T-). They are never invoiced.',
		},
		{
			displayName: 'Order Date From',
			name: 'orderDateFrom',
			type: 'dateTime',
			default: '',
			description: `Orders placed on or after this day (shop time, ${SHOP_TIME_ZONE})`,
		},
		{
			displayName: 'Order Date To',
			name: 'orderDateTo',
			type: 'dateTime',
			default: '',
			description: `Orders placed on or before this day (shop time, ${SHOP_TIME_ZONE})`,
		},
		{
			displayName: 'Status Changed in the Last N Days',
			name: 'statusChangedLastDays',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1,
			description: `Orders whose status changed since midnight (${SHOP_TIME_ZONE}) N days ago: 1 means yesterday and today, so a daily run overlaps the previous one. Use this or Status Changed Since, not both.`,
		},
		{
			displayName: 'Status Changed Since',
			name: 'statusChangedSince',
			type: 'dateTime',
			default: '',
			description: `Orders whose status changed at or after this moment (shop time, ${SHOP_TIME_ZONE})`,
		},
		{
			displayName: 'Status Changed Until',
			name: 'statusChangedUntil',
			type: 'dateTime',
			default: '',
			description:
				'Orders whose status changed at or before this moment; a date alone means the end of that day',
		},
		{
			displayName: 'Status Names or IDs',
			name: 'statuses',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getOrderStatuses' },
			default: [],
			description: `Only orders in one of these statuses (empty: all statuses). ${STATUS_LIST_HINT}. An expression may give a list or a comma-separated text of names. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		},
	];
	if (operation === 'getAll') {
		options.splice(2, 0, {
			displayName: 'Customer Email',
			name: 'customerEmail',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: "Only orders of this customer's e-mail address",
		});
		options.splice(1, 0, {
			displayName: 'Include Credit Orders',
			name: 'includeCreditOrders',
			type: 'boolean',
			default: false,
			description:
				"Whether to add every status the shop marks as a credit-order status (returns) to the chosen Statuses, found by the shop's status table, not by name or ID. With no Statuses chosen all orders are listed anyway.",
		});
		options.push({
			displayName: 'After Order Number',
			name: 'afterOrderNumber',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1041',
			description:
				'Only orders numbered after this one (a migration that goes on where its last run stopped: use with Order Number Ascending and a Limit). Pages before it are read and dropped, never kept.',
		});
	} else {
		options.push({
			displayName: 'Include Credit Orders',
			name: 'includeCreditOrders',
			type: 'boolean',
			default: false,
			description:
				"Whether to count every status the shop marks as a credit-order status (returns) too, as Get Many's filter of that name",
		});
	}
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options,
	};
}

export const orderNumberField: INodeProperties = {
	displayName: 'Order Number',
	name: 'orderNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1042',
	description: 'The number of the order as the shop shows it',
};

/**
 * Output and, for Normalized, the settings of the mapping to the canonical order: the same for every operation
 * that returns orders (Get, Get Many, Update).
 */
export const outputFields: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'Raw',
				value: 'raw',
				description: "The order exactly as Mijnwebwinkel's API returns it",
			},
			{
				name: 'Normalized',
				value: 'normalized',
				description:
					'One fixed shape for invoicing: amounts in integer cents, VAT per rate, VAT regime decided; orders that cannot be invoiced as they are go to the error output with a hint',
			},
		],
		default: 'raw',
	},
	{
		displayName: 'Home Country',
		name: 'homeCountry',
		type: 'string',
		displayOptions: { show: { output: ['normalized'] } },
		default: 'NL',
		description:
			"The shop's VAT country as a two-letter code; decides domestic, OSS, reverse-charge and export sales",
	},
	{
		displayName: 'EU Distance Sales',
		name: 'euDistanceSales',
		type: 'options',
		displayOptions: { show: { output: ['normalized'] } },
		options: [
			{
				name: 'Below Threshold',
				value: 'below_threshold',
				description:
					'EU-wide sales to consumers abroad stay at or below €10,000 a year and the shop has not opted for OSS: home VAT on them is booked as domestic',
			},
			{
				name: 'OSS',
				value: 'oss',
				description:
					'The shop is above the threshold or registered for OSS: an order that charges home VAT to a consumer in another EU state is refused (destination VAT is owed)',
			},
		],
		default: 'below_threshold',
		description:
			'Where consumer sales to other EU states are taxed (EU distance sales, Dir. art. 59c)',
	},
	{
		displayName: 'Missing Currency',
		name: 'missingCurrency',
		type: 'options',
		displayOptions: { show: { output: ['normalized'] } },
		options: [
			{
				name: 'Assume EUR and Say So',
				value: 'assume_eur',
				description:
					'Book it as EUR (Mijnwebwinkel shops sell in euros); the item gets currencyAssumed: true and a warning',
			},
			{
				name: 'Refuse',
				value: 'refuse',
				description: 'Send the order to the error output (missing_currency)',
			},
		],
		default: 'assume_eur',
		description: 'What to do with an order that comes without a currency',
	},
	{
		displayName: 'Refused Orders',
		name: 'refusedOrders',
		type: 'options',
		displayOptions: { show: { output: ['normalized'] } },
		options: [
			{
				name: 'Report as Error',
				value: 'error',
				description:
					'An error item per refused order (with the node setting On Error: Continue (using error output) they go to the error output); the other orders go on',
			},
			{
				name: 'Skip With Reason',
				value: 'skip',
				description: 'An item {skipped: true, orderNumber, code, reason, hint} on the main output',
			},
		],
		default: 'error',
		description:
			'What happens with an order that must not be invoiced as it is (a test order, totals that do not add up, …)',
	},
	{
		displayName: 'Cut-Over Date',
		name: 'cutOverDate',
		type: 'string',
		displayOptions: { show: { output: ['normalized'] } },
		default: '',
		placeholder: 'e.g. 2026-11-01',
		description:
			'Switching over from another connector: orders dated before this day (YYYY-MM-DD) were booked by it and are skipped with a reason (code before_cut_over), like Refused Orders. Empty: none.',
	},
	{
		displayName: 'Cut-Over Order Number',
		name: 'cutOverOrderNumber',
		type: 'string',
		displayOptions: { show: { output: ['normalized'] } },
		default: '',
		placeholder: 'e.g. 1041',
		description:
			'Switching over from another connector: orders numbered up to and including this number were booked by it and are skipped with a reason (code before_cut_over). Empty: none.',
	},
];
