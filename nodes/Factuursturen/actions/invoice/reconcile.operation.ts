/**
 * Invoice → Reconcile With Order: reads the invoices back — in BULK, one `GET /invoices?since=…` list for all
 * items (from the day before the earliest day their invoices can be dated: invoiceDateFrom), falling back to
 * `GET /invoices/{nr}` for any not in that list; an invoice the item carries as this execution's duplicate check
 * listed it is not read again — and compares each with its order (core `reconcile`: total, VAT per rate, paid,
 * customer, reference).
 */
import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import type { ErrorCode } from '../../../../core/error-codes';
import { reconcile } from '../../../../core/reconcile/reconcile';
import { forEachItem } from '../../helpers/forEachItem';
import { atPath } from '../../helpers/itemPath';
import { shopToday } from '../../../../core/time-zone';
import { dayBefore } from '../../../../core/calendar-day';
import { looseOrderNumber, orderOf } from '../../helpers/order';
import { invoiceAsListed } from '../../helpers/invoiceIndex';
import { fetchInvoice, listInvoicesSince } from '../../transport/invoices';
import type { FactuursturenRun } from '../node.type';
import { orderProperty } from './invoice.descriptions';

const properties: INodeProperties[] = [
	orderProperty,
	{
		displayName: 'Invoice Number Field',
		name: 'invoiceNumberProperty',
		type: 'string',
		default: 'invoicenr',
		description:
			'Where the invoice number is in the input item (Create From Order outputs it as "invoicenr")',
	},
	{
		displayName: 'Tolerance (Cents)',
		name: 'toleranceCents',
		type: 'number',
		default: 2,
		typeOptions: { minValue: 0 },
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
	},
];

const displayOptions = { show: { resource: ['invoice'], operation: ['reconcile'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function invoiceNumberOf(json: IDataObject, path: string): string {
	const value = atPath(json, path.trim() || 'invoicenr');
	return value === undefined || value === null ? '' : String(value).trim();
}

/**
 * The earliest day the item's invoice can be dated: the day found for an adopted invoice, today for one
 * Create From Order sent in this execution (Factuursturen dates an invoice when it is sent), else its order's
 * date. The list is read from the day before, so an invoice sent at midnight is in it; one that is not (the
 * two clocks disagree) is read on its own.
 */
function invoiceDateFrom(json: IDataObject, orderDate: string, today: string): string {
	const sent = String((json.existingInvoice as IDataObject | undefined)?.sent ?? '');
	if (/^\d{4}-\d{2}-\d{2}/.test(sent)) return sent.slice(0, 10);
	return json.invoiceAction === 'created' ? today : orderDate;
}

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	const { ctx } = run;
	const orderPath = (i: number) => String(ctx.getNodeParameter('orderProperty', i, ''));
	const nrPath = (i: number) =>
		String(ctx.getNodeParameter('invoiceNumberProperty', i, 'invoicenr'));

	const today = shopToday();
	const dates: string[] = [];
	for (let i = 0; i < run.items.length; i++) {
		try {
			const json = run.items[i].json;
			const nr = invoiceNumberOf(json, nrPath(i));
			if (nr && !invoiceAsListed(json, nr))
				dates.push(invoiceDateFrom(json, orderOf(ctx, json, orderPath(i), i).date, today));
		} catch {
			// reported for its own item below
		}
	}
	// One item: a direct read is as cheap as the list and smaller.
	const bulk = dates.length > 1;
	let byNumber: Map<string, IDataObject> | null = null;

	return await forEachItem(
		run,
		async (i) => {
			const json = run.items[i].json;
			const order = orderOf(ctx, json, orderPath(i), i);
			const nr = invoiceNumberOf(json, nrPath(i));
			if (!nr) {
				const e = new NodeOperationError(
					ctx.getNode(),
					`Order ${order.number} has no invoice number to reconcile`,
					{
						itemIndex: i,
						description:
							'Put Invoice → Create From Order before this node, or set "Invoice Number Field" to where the number is.',
					},
				);
				e.context.code = 'missing_invoice_number' satisfies ErrorCode;
				throw e;
			}
			// an adopted invoice was read by this execution's duplicate check: that read is compared
			const listed = invoiceAsListed(json, nr);
			if (!listed && bulk && byNumber === null) {
				byNumber = new Map();
				const earliest = [...dates].sort()[0];
				try {
					for (const inv of await listInvoicesSince(run, dayBefore(earliest), i)) {
						for (const key of [inv.invoicenr, inv.invoicenr_full, inv.id])
							if (key !== undefined && key !== '') byNumber.set(String(key), inv);
					}
				} catch {
					// an unreadable list: each invoice is read on its own below
				}
			}
			const invoice = listed ?? byNumber?.get(nr) ?? (await fetchInvoice(run, nr, i));
			const toleranceCents = ctx.getNodeParameter('toleranceCents', i, 2) as number;
			// how Create From Order booked it (absent: defaults; a fixed debtor is not the customer)
			const booked = (json.bookedWith ?? {}) as IDataObject;
			const result = reconcile(invoice, order, {
				toleranceCents,
				splitUnsplitCosts: booked.splitUnsplitCosts === true,
				fixedDebtor: booked.fixedDebtor === true || json.debtorAction === 'fixed',
				...(typeof booked.sentPaid === 'boolean' ? { sentPaid: booked.sentPaid } : {}),
			});
			const reconciliation = {
				ok: result.ok,
				invoiceNumber: result.invoiceNumber ?? nr,
				orderNumber: result.orderNumber ?? order.number,
				differences: result.differences,
			} as unknown as IDataObject;
			if (!result.ok && ctx.getNodeParameter('mismatchOutput', i, 'error') === 'error') {
				const first = result.differences[0];
				const e = new NodeOperationError(
					ctx.getNode(),
					`Invoice ${nr} does not match order ${order.number}: ${result.differences.map((d) => d.field).join(', ')}`,
					{
						itemIndex: i,
						description:
							result.differences
								.map((d) => d.hint)
								.filter(Boolean)
								.join(' ') || (first ? String(first.hint) : undefined),
					},
				);
				e.context.code = 'reconciliation_mismatch' satisfies ErrorCode;
				e.context.orderNumber = order.number;
				e.context.details = { invoicenr: nr, reconciliation };
				throw e;
			}
			return { ...json, reconciliation };
		},
		(i) => ({
			orderNumber: looseOrderNumber(run.items[i].json, orderPath(i)),
			invoicenr: invoiceNumberOf(run.items[i].json, nrPath(i)) || null,
		}),
	);
}
