/**
 * Reconciliation: the invoice as Factuursturen stored it (read back with GET /invoices/{nr}; numbers
 * arrive as strings) against the order it was built from. Money is compared in cents with a tolerance
 * (default 2). Every difference carries what was expected, what was found, the amount and a hint.
 * Money, VAT, payment status (open = 0 when sent paid, else the total), reference and e-mail are errors (ok = false); other customer fields are
 * warnings, because an existing debtor (never modified) may legitimately hold an older address.
 */
import type { CanonicalOrder } from '../canonical-order';
import { formatCents, normalizeRate, parseCents } from '../money';
import { applyCostSplit } from '../factuursturen/cost-split';
import { sendsAsPaid } from '../factuursturen/payment-status';
import { orderNumberFromReference } from '../factuursturen/reference';
import {
	CLIENT_FIELD_LIMITS,
	clean,
	normalizeZipcode,
	shorten,
	splitAddress,
} from '../factuursturen/field-limits';

export interface ReconciliationDifference {
	field: string;
	expected: string;
	actual: string;
	/** actual − expected, for money fields */
	differenceCents?: number;
	severity: 'error' | 'warning';
	hint: string;
}

export interface ReconciliationResult {
	/** false when any difference is an error */
	ok: boolean;
	invoiceNumber: string | null;
	orderNumber: string;
	differences: ReconciliationDifference[];
}

export interface ReconcileOptions {
	/** money differences up to this many cents are accepted (default 2) */
	toleranceCents?: number;
	/** the invoice was built with mapping.splitUnsplitCosts: compare with the split VAT */
	splitUnsplitCosts?: boolean;
	/** the invoice was booked on a fixed debtor (payment-method mapping): skip the customer comparison */
	fixedDebtor?: boolean;
	/**
	 * the invoice was sent paid (`alreadypaid: full`): then `open` must be 0, else it must be the total.
	 * Default: what buildInvoice does with the default mapping (paid only when the order is known to be paid).
	 */
	sentPaid?: boolean;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

function unwrap(input: unknown): Json {
	if (isObject(input) && isObject(input.invoice)) return input.invoice;
	if (isObject(input)) return input;
	throw new TypeError(
		'reconcile: expected the invoice as read back from Factuursturen (an object, or {"invoice": {...}})',
	);
}

function cents(value: unknown): number | null {
	if (value === undefined || value === null || value === '') return null;
	try {
		return parseCents(value);
	} catch {
		return null;
	}
}

function rate(value: unknown): string | null {
	try {
		return normalizeRate(value);
	} catch {
		return null;
	}
}

/** VAT per rate from `taxes` ({tax1: {rate, sum, sum_of}} or an array; [] on legacy invoices) */
function invoiceTaxes(taxes: unknown): { perRate: Map<string, number>; unreadable: string[] } {
	const perRate = new Map<string, number>();
	const unreadable: string[] = [];
	const entries = Array.isArray(taxes)
		? taxes.map((t, i) => [String(i), t] as const)
		: isObject(taxes)
			? Object.entries(taxes)
			: [];
	for (const [key, t] of entries) {
		const r = isObject(t) ? rate(t.rate) : null;
		const sum = isObject(t) ? cents(t.sum) : null;
		if (r === null || sum === null) unreadable.push(key);
		else perRate.set(r, (perRate.get(r) ?? 0) + sum);
	}
	return { perRate, unreadable };
}

const same = (a: string, b: string): boolean => clean(a).toLowerCase() === clean(b).toLowerCase();

export function reconcile(
	invoiceAsReadBack: unknown,
	order: CanonicalOrder,
	opts: ReconcileOptions = {},
): ReconciliationResult {
	const invoice = unwrap(invoiceAsReadBack);
	const tolerance = opts.toleranceCents ?? 2;
	const expectedOrder = opts.splitUnsplitCosts ? applyCostSplit(order) : order;
	const invoiceNumber = text(invoice.invoicenr_full || invoice.invoicenr || invoice.id) || null;
	const nr = invoiceNumber ?? '?';
	const differences: ReconciliationDifference[] = [];
	const add = (d: ReconciliationDifference) => differences.push(d);

	const reference = isObject(invoice.reference) ? invoice.reference.line1 : undefined;
	if (orderNumberFromReference(reference) !== order.number) {
		add({
			field: 'reference.line1',
			expected: `Bestelling ${order.number}`,
			actual: text(reference),
			severity: 'error',
			hint: `Invoice ${nr} does not carry order ${order.number} in its reference, so it is not this order's invoice (or it was edited). Check which invoice belongs to the order before crediting or reprocessing anything.`,
		});
	}

	const money = (field: string, expectedCents: number, raw: unknown, hint: string) => {
		const actual = cents(raw);
		if (actual === null) {
			add({
				field,
				expected: formatCents(expectedCents),
				actual: text(raw) || '(missing)',
				severity: 'error',
				hint: `Factuursturen returned no readable ${field} for invoice ${nr}. Open the invoice in Factuursturen and compare it with the order by hand.`,
			});
		} else if (Math.abs(actual - expectedCents) > tolerance) {
			add({
				field,
				expected: formatCents(expectedCents),
				actual: formatCents(actual),
				differenceCents: actual - expectedCents,
				severity: 'error',
				hint,
			});
		}
	};
	money(
		'totalintax',
		expectedOrder.totals.inclCents,
		invoice.totalintax,
		`Invoice ${nr} totals differently from order ${order.number}. Compare its lines with the order; if the invoice is wrong, credit it in Factuursturen and reprocess the order.`,
	);
	money(
		'tax',
		expectedOrder.totals.vatCents,
		invoice.tax,
		`The VAT of invoice ${nr} differs from the shop's VAT for order ${order.number}. Check the VAT-rate mapping and the debtor's "BTW verlegd" and incl./excl. VAT settings in Factuursturen.`,
	);

	const { perRate, unreadable } = invoiceTaxes(invoice.taxes);
	for (const key of unreadable) {
		add({
			field: `taxes.${key}`,
			expected: 'rate and sum',
			actual: JSON.stringify((invoice.taxes as Json)[key] ?? null),
			severity: 'error',
			hint: `A VAT line of invoice ${nr} could not be read; compare the invoice's VAT with the order by hand.`,
		});
	}
	const expectedRates = new Map<string, { vat: number; incl: number }>();
	for (const r of expectedOrder.totals.perRate)
		expectedRates.set(r.rate, { vat: r.vatCents, incl: r.inclCents });
	for (const [r, expected] of expectedRates) {
		const actual = perRate.get(r);
		if (actual === undefined) {
			if (expected.incl === 0 && expected.vat === 0) continue;
			add({
				field: `taxes[${r}%]`,
				expected: formatCents(expected.vat),
				actual: '(rate missing)',
				differenceCents: -expected.vat,
				severity: 'error',
				hint: `Order ${order.number} has ${formatCents(expected.incl)} at ${r} % VAT, but invoice ${nr} has no ${r} % line. Check the VAT-rate mapping (and the debtor's "BTW verlegd"); credit the invoice and reprocess if it is wrong.`,
			});
		} else if (Math.abs(actual - expected.vat) > tolerance) {
			add({
				field: `taxes[${r}%]`,
				expected: formatCents(expected.vat),
				actual: formatCents(actual),
				differenceCents: actual - expected.vat,
				severity: 'error',
				hint: `VAT at ${r} % on invoice ${nr} differs from the shop's by ${formatCents(actual - expected.vat)}. Check the debtor's incl./excl. VAT setting and the order's VAT in Mijnwebwinkel.`,
			});
		}
	}
	for (const [r, actual] of perRate) {
		if (expectedRates.has(r) || Math.abs(actual) <= tolerance) continue;
		add({
			field: `taxes[${r}%]`,
			expected: '0.00',
			actual: formatCents(actual),
			differenceCents: actual,
			severity: 'error',
			hint: `Invoice ${nr} charges VAT at ${r} %, a rate order ${order.number} does not use. Check the VAT-rate mapping; credit the invoice and reprocess the order.`,
		});
	}

	const open = cents(invoice.open);
	const sentPaid = opts.sentPaid ?? sendsAsPaid(order);
	const expectedOpen = sentPaid ? 0 : expectedOrder.totals.inclCents;
	const openUnreadable = open === null;
	if (openUnreadable || Math.abs((open as number) - expectedOpen) > (sentPaid ? 0 : tolerance)) {
		// sent open and since (partly) paid: a payment was registered after creation, which is fine when the money arrived
		const o = open as number;
		const paidSince =
			!sentPaid &&
			!openUnreadable &&
			(expectedOpen >= 0 ? o >= 0 && o < expectedOpen : o <= 0 && o > expectedOpen);
		add({
			field: 'open',
			expected: formatCents(expectedOpen),
			actual: openUnreadable ? text(invoice.open) || '(missing)' : formatCents(o),
			...(openUnreadable ? {} : { differenceCents: o - expectedOpen }),
			severity: paidSince ? 'warning' : 'error',
			hint: sentPaid
				? `Invoice ${nr} is not marked as paid. Register the payment in Factuursturen (or POST /invoices_payment/${nr} with amount "full"), after checking that order ${order.number} was really paid.`
				: paidSince
					? `Invoice ${nr} was sent open (order ${order.number} was not known to be paid) and a payment has been registered since. Check that it matches the money received.`
					: `Invoice ${nr} was sent open (order ${order.number} was not known to be paid), but Factuursturen shows ${openUnreadable ? 'no readable open amount' : `${formatCents(o)} open`} instead of the total. Open the invoice in Factuursturen and check its payments.`,
		});
	}

	if (!opts.fixedDebtor) compareCustomer(invoice, order, nr, add);
	return {
		ok: !differences.some((d) => d.severity === 'error'),
		invoiceNumber,
		orderNumber: order.number,
		differences,
	};
}

function compareCustomer(
	invoice: Json,
	order: CanonicalOrder,
	nr: string,
	add: (d: ReconciliationDifference) => void,
): void {
	const customer = order.customer;
	const a = customer.invoiceAddress;
	const clientnr = text(invoice.clientnr) || '?';
	const debtorHint = (field: string) =>
		`The ${field} of debtor ${clientnr} on invoice ${nr} differs from order ${order.number}. Debtors are never modified automatically: if the order is right, update debtor ${clientnr} in Factuursturen (future invoices will use it).`;

	if (invoice.email === undefined || !same(text(invoice.email), customer.email)) {
		add({
			field: 'email',
			expected: customer.email,
			actual: invoice.email === undefined ? '(missing)' : text(invoice.email),
			severity: 'error',
			hint: `Invoice ${nr} is addressed to another e-mail than order ${order.number}'s customer: it may be on the wrong debtor. Check the debtor matching; if it is wrong, credit the invoice and reprocess the order.`,
		});
	}
	// what the debtor builder would have written, shortened per field-limits.ts, also counts as equal
	const name = clean(a.name) || clean(customer.name);
	const company = clean(a.company) || clean(customer.company);
	const address = clean(a.line1) || clean(`${a.street} ${a.houseNumber}`);
	const zip = clean(a.zipcode);
	const city = clean(a.city);
	const zipFits =
		normalizeZipcode(zip, CLIENT_FIELD_LIMITS.zipcode).length <= CLIENT_FIELD_LIMITS.zipcode;
	const checks: Array<[string, string, string[]]> = [
		// no name and no company: the debtor builder used the e-mail as contact
		[
			'contact',
			name,
			[
				name,
				shorten(name, CLIENT_FIELD_LIMITS.contact),
				...(name || company ? [] : [customer.email]),
			],
		],
		['company', company, [company, shorten(company, CLIENT_FIELD_LIMITS.company)]],
		['address', address, [address, splitAddress(address, CLIENT_FIELD_LIMITS.address).address]],
		['zipcode', zip, zipFits ? [zip] : ['']],
		[
			'city',
			city,
			[
				city,
				shorten(city, CLIENT_FIELD_LIMITS.city),
				shorten(
					clean(`${normalizeZipcode(zip, CLIENT_FIELD_LIMITS.zipcode)} ${city}`),
					CLIENT_FIELD_LIMITS.city,
				),
			],
		],
	];
	// spaces in postcodes carry no meaning ("1234 AB" = "1234AB")
	const norm = (field: string, v: string) =>
		field === 'zipcode' ? clean(v).replace(/\s/g, '') : clean(v);
	for (const [field, expected, accepted] of checks) {
		if (invoice[field] === undefined) continue; // not in this read-back: nothing to compare
		const actual = text(invoice[field]);
		if (accepted.some((v) => same(norm(field, v), norm(field, actual)))) continue;
		add({ field, expected, actual, severity: 'warning', hint: debtorHint(field) });
	}
}
