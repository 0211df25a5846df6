/**
 * The duplicate check. Factuursturen has no idempotency key, so the order number is the invoice's
 * reference.line1 ("Bestelling 1042") and an existing invoice is found by parsing that line back EXACTLY.
 * For a batch: ONE list of the invoices since the earliest order date − 1 day for all items, read through
 * every page (read.ts listInvoicesSince).
 */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import {
	ForeignRuleError,
	foreignOrderNumbers,
	foreignRule,
	type ForeignRule,
} from '../../../../core/factuursturen/foreign-invoices';
import { orderNumberFromReference, orderReference } from '../../../../core/factuursturen/reference';
import { listAnswerProblem } from '../../../../core/booking/complete-list';
import type { LookupAnswer } from '../../../../core/booking/never-twice';
import type { RunContext } from '../../helpers/items';
import { dayBefore } from '../../helpers/order';
import { segment } from '../../transport/client';
import { listInvoicesSince } from './read';

/** What an output item says about an invoice found for an order. */
export function invoiceSummary(invoice: IDataObject): IDataObject {
	const reference = (invoice.reference as IDataObject) ?? {};
	return {
		invoicenr: String(invoice.invoicenr ?? invoice.id ?? ''),
		id: String(invoice.id ?? ''),
		clientnr: String(invoice.clientnr ?? ''),
		sent: String(invoice.sent ?? ''),
		totalintax: String(invoice.totalintax ?? ''),
		open: String(invoice.open ?? ''),
		reference: {
			line1: String(reference.line1 ?? ''),
			line2: String(reference.line2 ?? ''),
			line3: String(reference.line3 ?? ''),
		},
	};
}

export function orderNumberOfInvoice(invoice: IDataObject): string | null {
	const reference = invoice.reference as IDataObject | undefined;
	return orderNumberFromReference(reference?.line1);
}

/**
 * The rule that recognises invoices made elsewhere (Find By Orders, Create From Order: "Invoices Made
 * Elsewhere"), or null when none is set.
 */
export function foreignRuleOf(rc: RunContext, itemIndex: number): ForeignRule | null {
	const options = rc.ctx.getNodeParameter('invoicesMadeElsewhere', itemIndex, {}) as IDataObject;
	try {
		return foreignRule(options.where ?? 'lines', options.pattern ?? '');
	} catch (error) {
		const hint = error instanceof ForeignRuleError ? error.hint : undefined;
		throw new NodeOperationError(rc.ctx.getNode(), (error as Error).message, {
			itemIndex,
			description: hint,
		});
	}
}

/**
 * Invoices by the order number in their reference ("Bestelling 1042" in line 1), or, for an invoice made
 * elsewhere, where `foreign` finds it; lowest invoice number first.
 */
export class InvoiceIndex {
	private readonly byOrder = new Map<string, IDataObject[]>();

	constructor(
		invoices: IDataObject[] = [],
		private readonly foreign: ForeignRule | null = null,
	) {
		for (const inv of invoices) this.add(inv);
	}

	add(invoice: IDataObject): void {
		const own = orderNumberOfInvoice(invoice);
		const numbers =
			own !== null ? [own] : this.foreign ? foreignOrderNumbers(invoice, this.foreign) : [];
		for (const number of numbers) {
			const list = this.byOrder.get(number) ?? [];
			list.push(invoice);
			list.sort((a, b) =>
				String(a.invoicenr ?? a.id).localeCompare(String(b.invoicenr ?? b.id), 'en', {
					numeric: true,
				}),
			);
			this.byOrder.set(number, list);
		}
	}

	get(orderNumber: string): IDataObject[] {
		return this.byOrder.get(orderNumber) ?? [];
	}
}

/** One list call covering every given order date. */
export async function loadInvoiceIndex(
	rc: RunContext,
	orderDates: string[],
	itemIndex: number,
): Promise<InvoiceIndex> {
	const earliest = [...orderDates].sort()[0];
	const foreign = foreignRuleOf(rc, itemIndex);
	return new InvoiceIndex(await listInvoicesSince(rc, dayBefore(earliest), itemIndex), foreign);
}

/**
 * `GET /search/invoices/all/<reference>` (a text search), keeping only invoices whose line1 is exactly this
 * order's reference. No match answers `[]` or 404; any other answer cannot be read: it never means "no invoice".
 */
export async function invoiceLookup(
	rc: RunContext,
	orderNumber: string,
	itemIndex: number,
): Promise<LookupAnswer & { invoice?: IDataObject }> {
	const response = await rc.api.request(
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
	rc: RunContext,
	orderNumber: string,
	itemIndex: number,
): Promise<IDataObject | null> {
	const answer = await invoiceLookup(rc, orderNumber, itemIndex);
	if (answer.kind === 'unreadable') {
		throw new NodeOperationError(
			rc.ctx.getNode(),
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
