/**
 * The duplicate check's index. Factuursturen has no idempotency key, so the order number is the invoice's
 * reference.line1 ("Bestelling 1042") and an existing invoice is found by parsing that line back EXACTLY.
 * For a batch: ONE list of the invoices since the earliest order date − 1 day for all items, read through
 * every page (transport/invoices.ts listInvoicesSince).
 */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import {
	ForeignRuleError,
	foreignOrderNumbers,
	foreignRule,
	type ForeignRule,
} from '../../../core/factuursturen/foreign-invoices';
import { orderNumberFromReference } from '../../../core/factuursturen/reference';
import type { FactuursturenRun } from '../actions/node.type';

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

/**
 * What an output item says about the invoice found for its order: the summary, and the invoice as the list
 * gave it, so Reconcile With Order compares that read instead of reading the list again.
 */
export function existingInvoiceOf(invoice: IDataObject): IDataObject {
	return { ...invoiceSummary(invoice), invoice };
}

/** The invoice an item carries as read by this execution's list (existingInvoiceOf), when it is invoice `nr`. */
export function invoiceAsListed(json: IDataObject, nr: string): IDataObject | null {
	const existing = json.existingInvoice as IDataObject | null | undefined;
	const invoice = existing?.invoice as IDataObject | undefined;
	if (!invoice || typeof invoice !== 'object') return null;
	const numbers = [invoice.invoicenr, invoice.invoicenr_full, invoice.id].map((v) =>
		String(v ?? ''),
	);
	return numbers.includes(nr) ? invoice : null;
}

export function orderNumberOfInvoice(invoice: IDataObject): string | null {
	const reference = invoice.reference as IDataObject | undefined;
	return orderNumberFromReference(reference?.line1);
}

/**
 * The rule that recognises invoices made elsewhere (Find By Orders, Create From Order: "Invoices Made
 * Elsewhere"), or null when none is set.
 */
export function foreignRuleOf(run: FactuursturenRun, itemIndex: number): ForeignRule | null {
	const options = run.ctx.getNodeParameter('invoicesMadeElsewhere', itemIndex, {}) as IDataObject;
	try {
		return foreignRule(options.where ?? 'lines', options.pattern ?? '');
	} catch (error) {
		const hint = error instanceof ForeignRuleError ? error.hint : undefined;
		throw new NodeOperationError(run.ctx.getNode(), (error as Error).message, {
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
