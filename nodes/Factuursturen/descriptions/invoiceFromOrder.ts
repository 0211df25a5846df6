/** Parameters of the integration operations: Create From Order, Find By Orders, Reconcile With Order. */
import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_INVOICEABLE_STATUSES } from '../../../core/factuursturen/preflight';
import { invoiceMappingProperties } from './mapping';

const show = (operation: string[]) => ({ show: { resource: ['invoice'], operation } });

export const invoiceFromOrderFields: INodeProperties[] = [
	{
		displayName: 'Order Field',
		name: 'orderProperty',
		type: 'string',
		default: '',
		placeholder: 'e.g. order',
		displayOptions: show(['createFromOrder', 'findByOrders', 'reconcile']),
		description:
			'Where the order (as the Mijnwebwinkel node outputs it, Normalized) is in the input item: leave empty when the whole item is the order, or give a dot path such as "order"',
	},
	{
		displayName: 'Invoices Made Elsewhere',
		name: 'invoicesMadeElsewhere',
		type: 'collection',
		placeholder: 'Add Rule',
		default: {},
		displayOptions: show(['createFromOrder', 'findByOrders']),
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
	},
	{
		displayName: 'Debtor Field',
		name: 'debtorProperty',
		type: 'string',
		default: '',
		placeholder: 'e.g. debtor',
		displayOptions: show(['createFromOrder']),
		description:
			'Where clientnr, tax_type and tax_shifted of the client are in the input item: leave empty when they are top-level fields (as Client → Get or Create by Email outputs them), or give a dot path',
	},
	...invoiceMappingProperties('invoice', 'createFromOrder'),
	{
		displayName: 'Check Order Status',
		name: 'statusCheck',
		type: 'boolean',
		default: true,
		displayOptions: show(['createFromOrder']),
		description:
			'Whether to refuse an order whose status is not one of the Invoiceable Statuses (credit orders always pass): a cancelled or pending order must not become an invoice. Turn off only when the workflow checks the status itself.',
	},
	{
		displayName: 'Invoiceable Statuses',
		name: 'invoiceableStatuses',
		type: 'string',
		default: DEFAULT_INVOICEABLE_STATUSES.join(', '),
		displayOptions: {
			show: { resource: ['invoice'], operation: ['createFromOrder'], statusCheck: [true] },
		},
		description: 'Mijnwebwinkel status names, comma-separated (case and spacing ignored)',
	},
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		displayOptions: show(['createFromOrder']),
		description:
			'Whether to only build and return the invoice payload, without creating anything (the duplicate check still reads)',
	},

	// Reconcile With Order
	{
		displayName: 'Invoice Number Field',
		name: 'invoiceNumberProperty',
		type: 'string',
		default: 'invoicenr',
		displayOptions: show(['reconcile']),
		description:
			'Where the invoice number is in the input item (Create From Order outputs it as "invoicenr")',
	},
	{
		displayName: 'Tolerance (Cents)',
		name: 'toleranceCents',
		type: 'number',
		default: 2,
		typeOptions: { minValue: 0 },
		displayOptions: show(['reconcile']),
		description: 'Differences in amounts up to this many cents are accepted',
	},
	{
		displayName: 'Mismatches',
		name: 'mismatchOutput',
		type: 'options',
		options: [
			{
				name: 'Treat as Errors',
				value: 'error',
				description:
					'Fail the item: with "On Error: Continue (using error output)" it goes to the error output with hints',
			},
			{
				name: 'Keep on Main Output',
				value: 'main',
				description: 'Output every item with reconciliation.ok true or false',
			},
		],
		default: 'error',
		displayOptions: show(['reconcile']),
	},
];
