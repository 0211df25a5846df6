/**
 * What the template should do with a generated shop, computed independently of the workflow: canonical orders via
 * core/, which orders a daily run / a date range covers, and the Factuursturen sandbox's state read back.
 */
import { DateTime } from 'luxon';
import type { CanonicalOrder } from '../../../core/canonical-order';
import { OrderRefusal } from '../../../core/errors';
import { sendsAsPaid } from '../../../core/factuursturen/payment-status';
import { orderReference } from '../../../core/factuursturen/reference';
import { toCanonicalOrder } from '../../../core/mijnwebwinkel/to-canonical';
import { parseScaled } from '../../../core/money';
import type { DemoShop } from '../../../sandbox/demo-shop';
import { INVOICEABLE_STATUSES } from '../../../workflows/mijnwebwinkel-to-factuursturen';

export interface ShopOrder {
	number: string;
	raw: Record<string, unknown>;
	statusName: string;
	statusChangedDate: string;
	date: string;
	email: string;
	isTest: boolean;
	/** its status is one the shop marks `credit_order` (a return: a separate order crediting another) */
	isCredit: boolean;
	/** the order a credit order credits (`credited_order_number`), else null */
	creditsOrderNumber: string | null;
	canonical: CanonicalOrder | null;
	refusal: OrderRefusal | null;
}

export function shopOrders(demo: DemoShop): ShopOrder[] {
	const statuses = demo.mijnwebwinkel.statuses();
	return (demo.mijnwebwinkel.orders() as Array<Record<string, unknown>>).map((raw) => {
		const number = String(raw.number);
		const status = statuses.find((s) => String(s.status) === String(raw.status));
		let canonical: CanonicalOrder | null = null;
		let refusal: OrderRefusal | null = null;
		try {
			canonical = toCanonicalOrder(raw, {
				statuses,
				homeCountry: 'NL',
				timeZone: 'Europe/Amsterdam',
			});
		} catch (error) {
			if (!(error instanceof OrderRefusal)) throw error;
			refusal = error;
		}
		return {
			number,
			raw,
			statusName: status?.description ?? '?',
			statusChangedDate: String(raw.status_changed_date ?? ''),
			date: String(raw.date),
			email: String((raw.debtor as { email?: string }).email ?? '')
				.trim()
				.toLowerCase(),
			isTest: number.startsWith('T-'),
			isCredit: status?.credit_order === true,
			creditsOrderNumber:
				raw.credited_order_number != null && raw.credited_order_number !== ''
					? String(raw.credited_order_number)
					: null,
			canonical,
			refusal,
		};
	});
}

export const isInvoiceable = (o: ShopOrder): boolean =>
	!o.isTest && INVOICEABLE_STATUSES.includes(o.statusName);

/** What the template books: invoiceable orders, and credit orders (Include Credit Orders is on) as credit invoices. */
export const isBooked = (o: ShopOrder): boolean => isInvoiceable(o) || (!o.isTest && o.isCredit);

/** "Status changed in the last N days" as the node reads it: since midnight (Amsterdam) N days ago. */
export function inLookback(
	o: ShopOrder,
	days: number,
	now = DateTime.now().setZone('Europe/Amsterdam'),
): boolean {
	return o.statusChangedDate >= now.minus({ days }).toISODate()!;
}

export interface FsInvoice {
	invoicenr: string;
	clientnr: string | number;
	reference: { line1: string; line2?: string };
	totalintax: string;
	tax: string;
	open: string;
	taxes?: Record<string, { rate: number; sum: string; sum_of: string }>;
	[k: string]: unknown;
}

export interface FsClient {
	clientnr: string | number;
	email: string;
	[k: string]: unknown;
}

export async function fsState(
	demo: DemoShop,
): Promise<{ clients: FsClient[]; invoices: FsInvoice[] }> {
	const res = await fetch(`${demo.factuursturen.url}/__sandbox/state`);
	return (await res.json()) as { clients: FsClient[]; invoices: FsInvoice[] };
}

export async function fsControl(demo: DemoShop, body: unknown): Promise<unknown> {
	const res = await fetch(`${demo.factuursturen.url}/__sandbox/control`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	if (res.status !== 200) throw new Error(`control answered ${res.status}: ${await res.text()}`);
	return res.json();
}

/** Creates clients through the sandbox's own API, as if the owner had booked these customers by hand before. */
export async function preloadClients(
	demo: DemoShop,
	clients: Array<Record<string, unknown>>,
): Promise<void> {
	const auth = Buffer.from(`${demo.factuursturen.username}:${demo.factuursturen.apiKey}`).toString(
		'base64',
	);
	for (const body of clients) {
		const res = await fetch(`${demo.factuursturen.baseUrl}/clients`, {
			method: 'POST',
			headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		if (res.status !== 201)
			throw new Error(`preloading a client answered ${res.status}: ${await res.text()}`);
	}
}

/** The order number an invoice books (its reference line 1), via the same rule as the node. */
export function invoiceForOrder(invoices: FsInvoice[], orderNumber: string): FsInvoice[] {
	const ref = orderReference(orderNumber);
	return invoices.filter((i) => i.reference?.line1 === ref);
}

export const cents = (v: unknown): number => parseScaled(String(v), 2);

/**
 * Should the invoice be booked paid? Only when the order is known to be paid (payment captured, or a status name
 * saying paid; the template keeps the default paidWhen). A pending bank transfer on a shipped order: open.
 */
export const shouldBePaid = (order: CanonicalOrder): boolean =>
	sendsAsPaid(order, 'paid_status_or_payment');

/** Differences between an invoice and its order: total incl. VAT, paid or open, VAT per rate (within `tolerance` cents). */
export function invoiceVsOrder(inv: FsInvoice, order: CanonicalOrder, tolerance = 2): string[] {
	const problems: string[] = [];
	if (Math.abs(cents(inv.totalintax) - order.totals.inclCents) > tolerance) {
		problems.push(`total ${inv.totalintax} ≠ order ${order.totals.inclCents / 100}`);
	}
	if (shouldBePaid(order)) {
		if (cents(inv.open) !== 0) problems.push(`open ${inv.open}, but the order is paid`);
	} else if (Math.abs(cents(inv.open) - order.totals.inclCents) > tolerance) {
		problems.push(
			`open ${inv.open}, but the order is not known paid: the whole ${order.totals.inclCents / 100} should be open`,
		);
	}
	const vatByRate = new Map<number, number>();
	for (const t of Object.values(inv.taxes ?? {}))
		vatByRate.set(Math.round(Number(t.rate) * 100), cents(t.sum));
	for (const r of order.totals.perRate) {
		const rate = Math.round(Number(r.rate) * 100);
		if (r.vatCents === 0 && !vatByRate.has(rate)) continue;
		const got = vatByRate.get(rate);
		if (got === undefined || Math.abs(got - r.vatCents) > tolerance)
			problems.push(`VAT at ${r.rate}%: ${got ?? 'none'} ≠ order ${r.vatCents}`);
	}
	return problems;
}
