/**
 * Invoice → Find By Orders: annotates every input order with `existingInvoice` (a summary, or null), using
 * ONE complete read of the invoice list for all items. Create From Order then needs no request for the
 * duplicate check. A list that cannot be read fails every item: "null" always means "not invoiced". A credit
 * order also gets `originalInvoice`: its original's invoice from the same list (null when not listed), so the
 * credit note needs no search for the invoice it corrects.
 */
import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { duplicateFix } from '../../../../core/booking/duplicates';
import type { ErrorCode } from '../../../../core/error-codes';
import { isCreditOrder } from '../../../../core/factuursturen/order-checks';
import { forEachItem } from '../../helpers/forEachItem';
import { foreignRuleOf, invoiceSummary, type InvoiceIndex } from '../../helpers/invoiceIndex';
import { looseOrderNumber, orderOf } from '../../helpers/order';
import { listError, oncePerRun } from '../../transport/booking';
import { readInvoiceIndex } from '../../transport/invoices';
import { invoicesMadeElsewhere } from '../common.descriptions';
import type { FactuursturenRun } from '../node.type';
import { orderProperty } from './invoice.descriptions';

const properties: INodeProperties[] = [orderProperty, invoicesMadeElsewhere];

const displayOptions = { show: { resource: ['invoice'], operation: ['findByOrders'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	// a broken rule for invoices made elsewhere is a setting to fix, said as such (not as an unreadable list)
	const foreign = foreignRuleOf(run, 0);
	const path = (i: number) => String(run.ctx.getNodeParameter('orderProperty', i, ''));
	const dates: string[] = [];
	for (let i = 0; i < run.items.length; i++) {
		try {
			dates.push(orderOf(run.ctx, run.items[i].json, path(i), i).date);
		} catch {
			// an invalid order is reported for its own item below
		}
	}
	// read once per execution, its failure included: every item then fails with it, none reads "no invoice"
	// an order that comes twice (listed twice by the fetch) gets its invoice decision once: the loop after this
	// node books one item at a time and could not tell the second from a new order
	const firstItemOf = new Map<string, number>();
	const loadIndex = oncePerRun(async () => await readInvoiceIndex(run, dates, foreign, 0));
	return await forEachItem(
		run,
		async (i) => {
			const order = orderOf(run.ctx, run.items[i].json, path(i), i);
			let index: InvoiceIndex;
			try {
				index = await loadIndex();
			} catch (error) {
				throw listError(run, error, 'invoice list', i);
			}
			const first = firstItemOf.get(order.number);
			if (first !== undefined && first !== i) {
				const e = new NodeOperationError(
					run.ctx.getNode(),
					`Order ${order.number} is listed twice in this run (items ${first + 1} and ${i + 1}); it is booked once, from the first`,
					{
						itemIndex: i,
						description:
							'Nothing to do: the order is handled once. If it keeps appearing twice, check the filters of the order fetch.',
					},
				);
				e.context.code = 'order_listed_twice' satisfies ErrorCode;
				e.context.orderNumber = order.number;
				throw e;
			}
			firstItemOf.set(order.number, i);
			const found = index.get(order.number);
			const out: IDataObject = {
				...run.items[i].json,
				existingInvoice: found.length ? invoiceSummary(found[0]) : null,
			};
			if (found.length > 1) {
				out.duplicateInvoiceNumbers = found.map((f) => String(f.invoicenr ?? f.id));
				out.duplicateFix = duplicateFix(
					order.number,
					out.duplicateInvoiceNumbers as string[],
				) as unknown as IDataObject;
			}
			if (isCreditOrder(order) && order.creditsOrderNumber) {
				const original = index.get(order.creditsOrderNumber);
				out.originalInvoice = original.length ? invoiceSummary(original[0]) : null;
			}
			return out;
		},
		(i) => ({ orderNumber: looseOrderNumber(run.items[i].json, path(i)) }),
	);
}
