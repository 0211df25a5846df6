/**
 * Invoice → Reconcile With Order: reads the invoices back — in BULK, one `GET /invoices?since=…&count=-1`
 * for all items, falling back to `GET /invoices/{nr}` for any not in that list — and compares each with
 * its order (core `reconcile`: total, VAT per rate, paid, customer, reference).
 */
import type { ErrorCode } from '../../../../core/error-codes';
import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { reconcile } from '../../../../core/reconcile/reconcile';
import { atPath, forEachItem, type RunContext } from '../../helpers/items';
import { looseOrderNumber, orderOf } from '../../helpers/order';
import { listInvoicesSince, fetchInvoice } from './read';
import { dayBefore } from '../../helpers/order';

function invoiceNumberOf(json: IDataObject, path: string): string {
	const value = atPath(json, path.trim() || 'invoicenr');
	return value === undefined || value === null ? '' : String(value).trim();
}

export async function reconcileWithOrder(rc: RunContext) {
	const { ctx } = rc;
	const orderPath = (i: number) => String(ctx.getNodeParameter('orderProperty', i, ''));
	const nrPath = (i: number) =>
		String(ctx.getNodeParameter('invoiceNumberProperty', i, 'invoicenr'));

	const dates: string[] = [];
	for (let i = 0; i < rc.items.length; i++) {
		try {
			if (invoiceNumberOf(rc.items[i].json, nrPath(i)))
				dates.push(orderOf(ctx, rc.items[i].json, orderPath(i), i).date);
		} catch {
			// reported for its own item below
		}
	}
	// One item: a direct read is as cheap as the list and smaller.
	const bulk = dates.length > 1;
	let byNumber: Map<string, IDataObject> | null = null;

	return await forEachItem(
		rc,
		async (i) => {
			const json = rc.items[i].json;
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
			if (bulk && byNumber === null) {
				byNumber = new Map();
				const earliest = [...dates].sort()[0];
				try {
					for (const inv of await listInvoicesSince(rc, dayBefore(earliest), i)) {
						for (const key of [inv.invoicenr, inv.invoicenr_full, inv.id])
							if (key !== undefined && key !== '') byNumber.set(String(key), inv);
					}
				} catch {
					// an unreadable list: each invoice is read on its own below
				}
			}
			const invoice = byNumber?.get(nr) ?? (await fetchInvoice(rc, nr, i));
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
			orderNumber: looseOrderNumber(rc.items[i].json, orderPath(i)),
			invoicenr: invoiceNumberOf(rc.items[i].json, nrPath(i)) || null,
		}),
	);
}
