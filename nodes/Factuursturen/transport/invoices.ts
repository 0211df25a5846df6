/** Factuursturen's invoice endpoints, as the operations use them. */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { createdInvoiceNumber } from '../../../core/booking/created-id';
import { listAnswerProblem } from '../../../core/booking/complete-list';
import type { LookupAnswer } from '../../../core/booking/never-twice';
import { orderReference } from '../../../core/factuursturen/reference';
import type { FactuursturenRun } from '../actions/node.type';
import type { ForeignRule } from '../../../core/factuursturen/foreign-invoices';
import { InvoiceIndex } from '../helpers/invoiceIndex';
import { DEFAULT_LIST_POLICY } from '../../../core/booking/complete-list';
import { listReach } from '../../../core/booking/list-reach';
import { dayBefore } from '../../../core/calendar-day';
import { shopToday } from '../../../core/time-zone';
import { asArray } from '../helpers/normalize';
import { readList } from './booking';
import { segment } from './client';

const invoiceKey = (inv: Record<string, unknown>): string => String(inv.id ?? inv.invoicenr ?? '');

/** GET /invoices/{id or invoicenr} → the invoice (unwrapped from {"invoice": …}). */
export async function fetchInvoice(
	run: FactuursturenRun,
	id: string,
	itemIndex: number,
): Promise<IDataObject> {
	const nr = id.trim();
	if (nr === '') {
		throw new NodeOperationError(run.ctx.getNode(), 'Invoice Number is empty', {
			itemIndex,
			description: 'Give the invoice number (invoicenr) or id.',
		});
	}
	const body = await run.api.get(`/invoices/${segment(nr)}`, undefined, itemIndex, {
		hint: `Invoice ${nr} does not exist in Factuursturen. Check the number under Facturen.`,
	});
	const invoice =
		body && typeof body === 'object' && !Array.isArray(body)
			? (body as IDataObject).invoice
			: undefined;
	if (!invoice || typeof invoice !== 'object' || Array.isArray(invoice)) {
		throw new NodeOperationError(
			run.ctx.getNode(),
			`Invoice ${nr} was not found in Factuursturen`,
			{
				itemIndex,
				description: 'Check the invoice number under Facturen.',
			},
		);
	}
	return invoice as IDataObject;
}

/** GET /invoices with Get Many's filters: one answer. */
export async function listInvoices(
	run: FactuursturenRun,
	qs: IDataObject,
	itemIndex: number,
): Promise<IDataObject[]> {
	return asArray(await run.api.get('/invoices', qs, itemIndex));
}

/**
 * GET /invoices?since=…: every invoice sent on or after `since` (and, given `until`, on or before it), page by
 * page (`count=-1` is not trusted to mean "all"). Throws when an answer is not a list: an unreadable list is
 * never "no invoices".
 */
export async function listInvoicesSince(
	run: FactuursturenRun,
	since: string,
	itemIndex: number,
	until?: string,
): Promise<IDataObject[]> {
	return await readList(
		run,
		'/invoices',
		until === undefined ? { since } : { since, until },
		invoiceKey,
		'invoice list',
		itemIndex,
	);
}

export interface ListedInvoices {
	index: InvoiceIndex;
	/** the list holds every invoice sent on or after this day */
	since: string;
}

/**
 * The invoices of every given order date, indexed by order number: one complete list read. Given the dates of
 * credited originals it does not cover, it reads on back to them when that takes fewer requests than a search
 * per credit (`listReach`), as one more stretch of the same list.
 */
export async function readInvoiceIndex(
	run: FactuursturenRun,
	orderDates: string[],
	foreign: ForeignRule | null,
	itemIndex: number,
	originalDates: string[] = [],
): Promise<ListedInvoices> {
	const windowSince = dayBefore([...orderDates].sort()[0]);
	const listed = await listInvoicesSince(run, windowSince, itemIndex);
	const today = shopToday();
	const reach = listReach({
		windowSince,
		today,
		// an invoice without a readable date counts as an earlier one: the estimate errs towards the search
		windowInvoices: listed.filter((inv) => String(inv.sent ?? '').slice(0, 10) !== today).length,
		pageSize: DEFAULT_LIST_POLICY.pageSize,
		originalDates,
	});
	if (reach === null) return { index: new InvoiceIndex(listed, foreign), since: windowSince };
	const earlier = await listInvoicesSince(run, reach.since, itemIndex, reach.until);
	// an answer that ignores `until` repeats the window: each invoice counts once, or it would look invoiced twice
	const seen = new Set(listed.map(invoiceKey));
	const all = [...listed, ...earlier.filter((inv) => !seen.has(invoiceKey(inv)))];
	return { index: new InvoiceIndex(all, foreign), since: reach.since };
}

/** POST /invoices of a payload as given; the new invoice number, or null when the answer is not one. */
export async function postInvoice(
	run: FactuursturenRun,
	body: IDataObject,
	itemIndex: number,
): Promise<string | null> {
	const response = await run.api.request({ method: 'POST', path: '/invoices', body }, itemIndex);
	// an answer that is not a number is not made into one (null: look the invoice up in Factuursturen)
	return createdInvoiceNumber(response.body);
}

export async function deleteInvoice(
	run: FactuursturenRun,
	invoicenr: string,
	itemIndex: number,
): Promise<void> {
	await run.api.request(
		{
			method: 'DELETE',
			path: `/invoices/${segment(invoicenr)}`,
			hint: `Invoice ${invoicenr} does not exist in Factuursturen.`,
		},
		itemIndex,
	);
}

/** GET /invoices_pdf/{nr}: the answer's bytes (the caller checks they are a PDF). */
export async function downloadInvoicePdf(
	run: FactuursturenRun,
	invoicenr: string,
	itemIndex: number,
): Promise<Buffer> {
	const response = await run.api.request(
		{
			method: 'GET',
			path: `/invoices_pdf/${segment(invoicenr)}`,
			binary: true,
			hint: `Invoice ${invoicenr} does not exist in Factuursturen.`,
		},
		itemIndex,
	);
	const raw = response.body;
	return Buffer.isBuffer(raw)
		? raw
		: raw instanceof ArrayBuffer
			? Buffer.from(raw)
			: Buffer.from(String(raw ?? ''), 'binary');
}

/** POST /invoices_payment/{invoicenr} {date, amount ('full' or decimal), method}. */
export async function postPayment(
	run: FactuursturenRun,
	invoicenr: string,
	body: IDataObject,
	itemIndex: number,
): Promise<void> {
	await run.api.request(
		{
			method: 'POST',
			path: `/invoices_payment/${segment(invoicenr)}`,
			body,
			hint: `Invoice ${invoicenr} does not exist in Factuursturen.`,
		},
		itemIndex,
	);
}

/**
 * `GET /search/invoices/all/<reference>` (a text search), keeping only invoices whose line1 is exactly this
 * order's reference. No match answers `[]` or 404; any other answer cannot be read: it never means "no invoice".
 */
export async function invoiceLookup(
	run: FactuursturenRun,
	orderNumber: string,
	itemIndex: number,
): Promise<LookupAnswer & { invoice?: IDataObject }> {
	const response = await run.api.request(
		{
			method: 'GET',
			path: `/search/invoices/all/${segment(orderReference(orderNumber))}`,
			accept: [404],
			what: 'GET /search/invoices/all',
		},
		itemIndex,
	);
	if (response.statusCode === 404) return { kind: 'absent' };
	const problem = listAnswerProblem(response.body);
	if (problem !== null) return { kind: 'unreadable', detail: problem };
	const found = new InvoiceIndex(response.body as IDataObject[]).get(orderNumber)[0];
	return found
		? { kind: 'found', id: String(found.invoicenr ?? found.id), invoice: found }
		: { kind: 'absent' };
}

/** The lowest-numbered invoice of the order, found by a reference search, or null; an unreadable answer is an error. */
export async function findInvoiceByReference(
	run: FactuursturenRun,
	orderNumber: string,
	itemIndex: number,
): Promise<IDataObject | null> {
	const answer = await invoiceLookup(run, orderNumber, itemIndex);
	if (answer.kind === 'unreadable') {
		throw new NodeOperationError(
			run.ctx.getNode(),
			`The invoice search for order ${orderNumber} could not be read: ${answer.detail}`,
			{
				itemIndex,
				description:
					'Factuursturen answered something that is not a list of invoices. Run again later.',
			},
		);
	}
	return answer.kind === 'found' ? (answer.invoice ?? null) : null;
}
