/**
 * Every order-level check, run before the first write: an order that will be refused must leave nothing behind in
 * Factuursturen (no debtor created for an invoice that never comes). Get or Create by Email and Create From Order
 * call it before they write; the invoice builder runs the same checks again on its own, so it stays safe alone.
 */
import type { CanonicalOrder } from '../canonical-order';
import { OrderRefusal } from '../errors';
import { assertNoSpecialVatTerritory } from '../vat/vat-territory';
import { applyCostSplit } from './cost-split';
import type { InvoiceMapping } from './invoice-mapping';
import { assertInvoiceable, isCreditOrder } from './order-checks';
import { resolveRates } from './rate-resolution';
import { checkVoucherLines } from './voucher-lines';
import { orderReference } from './reference';
import type { CountryList } from './countries';
import { buildInvoice } from './invoice-builder';
import type { FactuursturenClientPayload } from './payload-types';

/** the statuses Mijnwebwinkel shops use for orders that are paid, shipped or picked up */
export const DEFAULT_INVOICEABLE_STATUSES: readonly string[] = [
	'Betaald',
	'Verzonden',
	'Betaald en verzonden',
	'Afgehaald',
	'Betaald en afgehaald',
];

export interface PreflightOptions {
	/** the invoice mapping the order will be booked with; without it the checks that need one are left out */
	mapping?: InvoiceMapping;
	/**
	 * status names that may be invoiced (case and spacing ignored); credit orders always may. null: no status check
	 * (the user turned the guard off).
	 */
	invoiceableStatuses?: readonly string[] | null;
}

const statusKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Refuses (status_not_invoiceable) an order whose status is not in `statuses`; credit orders pass. */
export function assertInvoiceableStatus(order: CanonicalOrder, statuses: readonly string[]): void {
	if (isCreditOrder(order)) return;
	const key = statusKey(order.status.name);
	if (statuses.some((s) => statusKey(s) === key)) return;
	throw new OrderRefusal(
		'status_not_invoiceable',
		`Order ${order.number} has status "${order.status.name}", which is not an invoiceable status (${statuses.join(', ')})`,
		"Only paid, shipped or picked-up orders are invoiced. Wait until the order reaches such a status in Mijnwebwinkel and process it again; if this status does mean the order is done, add it to the node's Invoiceable Statuses.",
		order.number,
		{ status: order.status.name, invoiceableStatuses: [...statuses] },
	);
}

/** Throws the OrderRefusal the order would get when invoiced, as far as it can be told without the debtor. */
export function checkBeforeWrites(order: CanonicalOrder, opts: PreflightOptions = {}): void {
	if (opts.invoiceableStatuses) assertInvoiceableStatus(order, opts.invoiceableStatuses);
	assertInvoiceable(order);
	assertNoSpecialVatTerritory(order.number, order.vat.destinationCountry, order.customer);
	const mapping = opts.mapping;
	if (!mapping) return;
	checkVoucherLines(order, mapping.voucherLines);
	resolveRates(mapping.splitUnsplitCosts ? applyCostSplit(order) : order, mapping);
}

/**
 * Before a NEW debtor is created for the order: the invoice must be buildable on exactly that debtor (its tax type,
 * reverse charge, country), or the order is refused now and no debtor is left behind. What only Factuursturen can
 * tell (a credit's original invoice) is checked by Create From Order.
 */
export function checkInvoiceOnNewDebtor(
	order: CanonicalOrder,
	debtor: FactuursturenClientPayload,
	mapping: InvoiceMapping,
	countries: CountryList,
): void {
	buildInvoice(
		order,
		{
			clientnr: 'new',
			tax_type: debtor.tax_type,
			tax_shifted: debtor.tax_shifted,
			taxnumber: debtor.taxnumber,
			country: debtor.country,
		},
		mapping,
		{ countries, ...(isCreditOrder(order) ? { originalInvoiceNumber: 'new' } : {}) },
	);
}

/** The refusal of a credit order whose original invoice is not in Factuursturen (a credit note must name it). */
export function originalInvoiceMissing(order: CanonicalOrder): OrderRefusal {
	const credited = order.creditsOrderNumber;
	return new OrderRefusal(
		'original_invoice_not_found',
		credited
			? `Credit order ${order.number} credits order ${credited}, but Factuursturen has no invoice with reference "${orderReference(credited)}"`
			: `Credit order ${order.number} does not name the order it credits, so its original invoice cannot be found`,
		`A credit note must refer to the original invoice. Book the original order${credited ? ` ${credited}` : ''} first (then reprocess this credit), or, when the original was booked by hand, book this credit by hand in Factuursturen as a credit of that invoice.`,
		order.number,
		{ creditsOrderNumber: credited },
	);
}
