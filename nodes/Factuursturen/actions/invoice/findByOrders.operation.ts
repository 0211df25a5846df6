/**
 * Invoice → Find By Orders: annotates every input order with `existingInvoice` (a summary and the invoice as
 * listed, or null), using
 * ONE complete read of the invoice list for all items. Create From Order then needs no request for the
 * duplicate check. A list that cannot be read fails every item: "null" always means "not invoiced". A credit
 * order also gets `originalInvoice`: its original's invoice from the same list, else from the booking record
 * (Booked Originals), else null; with `originalNotInvoiced: true` when that null is certain (the list covers the
 * original's date: it is in this batch, or Credited Orders gave its date and the list reached back to it; or the
 * record has it refused or skipped). The credit note then needs no search for the invoice it corrects.
 */
import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { duplicateFix } from '../../../../core/booking/duplicates';
import {
	recordedOriginals,
	type RecordedOriginal,
} from '../../../../core/booking-record/credit-original';
import { dayBefore } from '../../../../core/calendar-day';
import type { ErrorCode } from '../../../../core/error-codes';
import { isCreditOrder } from '../../../../core/factuursturen/order-checks';
import { forEachItem } from '../../helpers/forEachItem';
import { existingInvoiceOf, foreignRuleOf, invoiceSummary } from '../../helpers/invoiceIndex';
import { looseOrderNumber, orderOf } from '../../helpers/order';
import { listError, oncePerRun } from '../../transport/booking';
import { readInvoiceIndex, type ListedInvoices } from '../../transport/invoices';
import { jsonList } from '../../helpers/jsonParameter';
import { invoicesMadeElsewhere } from '../common.descriptions';
import type { FactuursturenRun } from '../node.type';
import { orderProperty } from './invoice.descriptions';

const bookedOriginalsProperty: INodeProperties = {
	displayName: 'Booked Originals',
	name: 'bookedOriginals',
	type: 'json',
	default: '[]',
	description:
		"Rows of the booking-record Data Table for the orders that credit orders in the input credit (an expression listing them, or empty). A credit note names its original's invoice from the invoice list, else from these rows; only when neither knows does Create From Order search Factuursturen for it.",
};

const creditedOrdersProperty: INodeProperties = {
	displayName: 'Credited Orders',
	name: 'creditedOrders',
	type: 'json',
	default: '[]',
	description:
		'Orders that credit orders in the input credit and that neither the input nor Booked Originals has, as Mijnwebwinkel gives them (each with its number and date; an expression listing them, or empty). The invoice list then reaches back to their dates when that takes fewer requests than a search per credit note.',
};

const properties: INodeProperties[] = [
	orderProperty,
	invoicesMadeElsewhere,
	bookedOriginalsProperty,
	creditedOrdersProperty,
];

function bookedOriginalsOf(run: FactuursturenRun): Map<string, RecordedOriginal> {
	return recordedOriginals(
		jsonList(
			run,
			'bookedOriginals',
			'Booked Originals',
			"Leave it empty, or set it to an expression that lists booking-record rows, e.g. {{ $('Booked originals').all().map(i => i.json) }}",
		),
	);
}

/** Order number → order date of Credited Orders; an entry without both is an expression to fix. */
function creditedOrderDates(run: FactuursturenRun): Map<string, string> {
	const dates = new Map<string, string>();
	const fix =
		"Leave it empty, or list Mijnwebwinkel orders, e.g. {{ $('Credited originals').all().map(i => i.json) }}";
	for (const order of jsonList(run, 'creditedOrders', 'Credited Orders', fix)) {
		const date = typeof order.date === 'string' ? order.date.slice(0, 10) : '';
		if (order.number === undefined || order.number === null || !/^\d{4}-\d{2}-\d{2}$/.test(date))
			throw new NodeOperationError(
				run.ctx.getNode(),
				`Credited Orders has an entry without an order number and date (${JSON.stringify(order).slice(0, 120)})`,
				{ description: fix },
			);
		dates.set(String(order.number), date);
	}
	return dates;
}

const displayOptions = { show: { resource: ['invoice'], operation: ['findByOrders'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	// a broken rule for invoices made elsewhere is a setting to fix, said as such (not as an unreadable list)
	const foreign = foreignRuleOf(run, 0);
	const path = (i: number) => String(run.ctx.getNodeParameter('orderProperty', i, ''));
	const booked = bookedOriginalsOf(run);
	const creditedDates = creditedOrderDates(run);
	const dates: string[] = [];
	// orders of this batch: the list covers their dates, so an invoice it lacks does not exist
	const inBatch = new Set<string>();
	const credited: string[] = [];
	for (let i = 0; i < run.items.length; i++) {
		try {
			const order = orderOf(run.ctx, run.items[i].json, path(i), i);
			dates.push(order.date);
			inBatch.add(order.number);
			if (isCreditOrder(order) && order.creditsOrderNumber) credited.push(order.creditsOrderNumber);
		} catch {
			// an invalid order is reported for its own item below
		}
	}
	// the originals only a search or a longer list can answer for: their dates, where known
	const originalDates = [...new Set(credited)]
		.filter((nr) => !inBatch.has(nr) && !booked.has(nr) && creditedDates.has(nr))
		.map((nr) => creditedDates.get(nr)!);
	// read once per execution, its failure included: every item then fails with it, none reads "no invoice"
	// an order that comes twice (listed twice by the fetch) gets its invoice decision once: the loop after this
	// node books one item at a time and could not tell the second from a new order
	const firstItemOf = new Map<string, number>();
	const loadIndex = oncePerRun(
		async () => await readInvoiceIndex(run, dates, foreign, 0, originalDates),
	);
	return await forEachItem(
		run,
		async (i) => {
			const order = orderOf(run.ctx, run.items[i].json, path(i), i);
			let listed: ListedInvoices;
			try {
				listed = await loadIndex();
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
			const { index } = listed;
			const found = index.get(order.number);
			const out: IDataObject = {
				...run.items[i].json,
				existingInvoice: found.length ? existingInvoiceOf(found[0]) : null,
			};
			if (found.length > 1) {
				out.duplicateInvoiceNumbers = found.map((f) => String(f.invoicenr ?? f.id));
				out.duplicateFix = duplicateFix(
					order.number,
					out.duplicateInvoiceNumbers as string[],
				) as unknown as IDataObject;
			}
			const original = isCreditOrder(order) ? order.creditsOrderNumber : null;
			if (original) {
				const inList = index.get(original);
				const recorded = booked.get(original) ?? 'unknown';
				out.originalInvoice = inList.length
					? invoiceSummary(inList[0])
					: typeof recorded === 'object'
						? { invoicenr: recorded.invoiceNumber, source: 'booking record' }
						: null;
				const originalDate = creditedDates.get(original);
				const listCovers =
					inBatch.has(original) ||
					(originalDate !== undefined && dayBefore(originalDate) >= listed.since);
				if (out.originalInvoice === null && (listCovers || recorded === 'not invoiced'))
					out.originalNotInvoiced = true;
			}
			return out;
		},
		(i) => ({ orderNumber: looseOrderNumber(run.items[i].json, path(i)) }),
	);
}
