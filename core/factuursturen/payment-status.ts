/**
 * Is the order known to be paid? Mijnwebwinkel's status names are merchant-driven and the invoiceable
 * statuses include "Verzonden" and "Afgehaald", which say nothing about payment (docs/api-readings.md, Order statuses). An invoice is
 * only sent as paid (`alreadypaid: full`) when the order says so; otherwise it stays open in Factuursturen,
 * so the debtor ledger and the bank reconciliation show the receivable until the money arrives.
 */
import type { CanonicalOrder } from '../canonical-order';
import { isCreditOrder } from './order-checks';

/** 'paid_status_or_payment' (default): only when known paid; 'always': every non-zero invoice (the old behaviour) */
export type PaidWhen = 'paid_status_or_payment' | 'always';
export const PAID_WHEN_VALUES = ['paid_status_or_payment', 'always'] as const;

/** payment states that mean the money arrived (`payment_status`, or the legacy `payment.status.text`) */
const PAID_PAYMENT = new Set([
	'captured',
	'successful',
	'betaling geslaagd',
	'geslaagd',
	'paid',
	'betaald',
]);
const REFUNDED_PAYMENT = new Set(['refunded', 'terugbetaald', 'refund']);
/** "Onbetaald", "Unpaid", "Niet betaald", "Not paid" must not count as paid */
const NEGATED =
	/\b(?:on|un)(?:betaald|paid)|\bniet\s+betaald\b|\bnot\s+(?:yet\s+)?paid\b|\bnog\s+niet\b/;
const PAID_NAME = /betaald|paid/;

/** true when the status name says paid: Betaald, Betaald en verzonden, Paid and shipped, Creditorder terugbetaald, … */
export function statusNameSaysPaid(name: string): boolean {
	const s = name.trim().toLowerCase();
	return PAID_NAME.test(s) && !NEGATED.test(s);
}

/** the payment status says paid: captured; for a credit order, refunded (the money went back) */
export function paymentSaysPaid(order: CanonicalOrder): boolean {
	const s = order.payment.status.trim().toLowerCase();
	return isCreditOrder(order) ? REFUNDED_PAYMENT.has(s) : PAID_PAYMENT.has(s);
}

export function isKnownPaid(order: CanonicalOrder): boolean {
	return paymentSaysPaid(order) || statusNameSaysPaid(order.status.name);
}

/** whether buildInvoice sends the invoice as paid (a 0.00 invoice never carries a payment) */
export function sendsAsPaid(
	order: CanonicalOrder,
	paidWhen: PaidWhen = 'paid_status_or_payment',
): boolean {
	if (order.totals.inclCents === 0) return false;
	return paidWhen === 'always' || isKnownPaid(order);
}

/**
 * whether nothing is owed on the invoice once it is created: it was sent paid, or its total is 0.00 (a free
 * order, or a credit of nothing). Reports count these as settled, not as open receivables.
 */
export function isSettled(
	order: CanonicalOrder,
	paidWhen: PaidWhen = 'paid_status_or_payment',
): boolean {
	return order.totals.inclCents === 0 || sendsAsPaid(order, paidWhen);
}

/** why an invoice is sent open, for the node's output */
export function openReason(order: CanonicalOrder): string {
	return `Order ${order.number} is not known to be paid (status "${order.status.name}", payment status "${order.payment.status || 'unknown'}"), so the invoice was sent open. Register the payment in Factuursturen when the money arrives (or set the mapping's paidWhen to "always" if every invoiceable order is paid).`;
}
