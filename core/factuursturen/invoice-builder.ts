/**
 * Canonical order + debtor + mapping → the body of POST /invoices: a sales invoice (paid, "alreadypaid: full",
 * only when the order is known to be paid: payment-status.ts) whose total Factuursturen will compute to exactly the order total, with the VAT per rate
 * equal to the shop's (within 1 cent where the arithmetic makes it impossible), and the order number in
 * reference.line1 (the idempotency key). Anything that would need a guess is refused (OrderRefusal).
 */
import type { CanonicalOrder, OrderLine } from '../canonical-order';
import { OrderRefusal } from '../errors';
import { formatCents, formatScaled } from '../money';
import { applyCostSplit } from './cost-split';
import { dutchCountryName, findCountryId, indexCountries, type CountryList } from './countries';
import {
	DEFAULT_MAX_ROUNDING_CENTS,
	DEFAULT_PAYMENT_METHOD_LABELS,
	DEFAULT_PRICE_DECIMALS,
	type InvoiceMapping,
} from './invoice-mapping';
import { INVOICE_FIELD_LIMITS, shorten } from './field-limits';
import { assertInvoiceable, isCreditOrder } from './order-checks';
import { paymentMethodKey } from './payment-method-key';
import { sendsAsPaid } from './payment-status';
import { checkVoucherLines, VOUCHER_NOTE } from './voucher-lines';
import type { FactuursturenInvoiceLine, FactuursturenInvoicePayload } from './payload-types';
import { allocateCents, fitRateSum, priceLine } from './price-fit';
import { mappedDomesticRate, resolveRates, type ResolvedRate } from './rate-resolution';
import { orderReference } from './reference';
import { euVatNumberProblem, normalizeEuVatNumber } from '../vat/vat-number';

export interface DebtorForInvoice {
	clientnr: string;
	tax_type: 'extax' | 'intax';
	tax_shifted?: boolean;
	taxnumber?: string;
	/** the debtor's Factuursturen country id ("146"), when known: an OSS invoice must go to a debtor in the OSS country */
	country?: string;
}

export interface BuildInvoiceOptions {
	/** Factuursturen's country list (GET /countrylist): needed to check an OSS debtor's country id */
	countries?: CountryList;
	/**
	 * for a credit order: the number of the invoice it corrects. A credit note must refer to the original
	 * invoice (Dir. art. 219); the node looks it up by the original order's reference and refuses when absent.
	 * Without it line2 names only the order (for callers that book credits by other means).
	 */
	originalInvoiceNumber?: string;
}

export const ROUNDING_LINE_DESCRIPTION = 'Afrondingsverschil';

const DEFAULT_DESCRIPTION: Record<OrderLine['kind'], string> = {
	article: 'Artikel',
	shipping: 'Verzendkosten',
	payment: 'Betaalkosten',
	discount: 'Korting',
	custom: 'Overig',
};

/**
 * the fixed debtor (clientnr) for this order's payment method, e.g. counter sales on one "Kassa" debtor; never for
 * a business customer (company or VAT number), whose invoice must show their own name and address
 */
export function fixedDebtorFor(order: CanonicalOrder, mapping: InvoiceMapping): string | null {
	const method = paymentMethodKey(order.payment.method);
	if (!method || !mapping.paymentMethodDebtors || isBusinessCustomer(order)) return null;
	return mapping.paymentMethodDebtors[method] ?? null;
}

/** `alreadypaidmethod`: the mapped label, else a known label, else the method as the shop named it (≤ 32 chars) */
export function paymentLabel(order: CanonicalOrder, mapping: InvoiceMapping): string {
	const method = paymentMethodKey(order.payment.method);
	const label =
		mapping.paymentMethodLabels?.[method] ??
		DEFAULT_PAYMENT_METHOD_LABELS[method] ??
		(order.payment.method.trim() || order.payment.gateway.trim() || 'Webshop');
	return label.slice(0, 32);
}

function dutchDate(isoDate: string): string {
	// the canonical "YYYY-MM-DD" without splitting; anything else exactly as split('-') takes it
	if (
		isoDate.length === 10 &&
		isoDate.indexOf('-') === 4 &&
		isoDate.lastIndexOf('-') === 7 &&
		isoDate.indexOf('-', 5) === 7
	) {
		return `${isoDate.slice(8)}-${isoDate.slice(5, 7)}-${isoDate.slice(0, 4)}`;
	}
	const [y, m, d] = isoDate.split('-');
	return `${d}-${m}-${y}`;
}

/** the non-empty parts joined with " - " */
function joinNonEmpty(parts: string[]): string {
	let text = '';
	for (const part of parts) if (part) text = text ? `${text} - ${part}` : part;
	return text;
}

/** the reason for the VAT treatment in line3 (Dir. art. 226(11)): 0 % always needs one */
function regimeNote(order: CanonicalOrder, mapping: InvoiceMapping): string {
	switch (order.vat.regime) {
		case 'intra_eu_reverse_charge':
			return `Intracommunautaire levering, btw verlegd. Btw-nummer afnemer: ${normalizeEuVatNumber(order.customer.vatNumber)}`;
		case 'export':
			return 'Uitvoer buiten de EU, 0% btw';
		case 'oss':
			return `Btw ${dutchCountryName(order.vat.taxCountry ?? '')} (OSS/Unieregeling)`;
		case 'zero_rated':
			return mapping.zeroRatedNote?.trim() || 'Nultarief (0% btw)';
		default:
			return '';
	}
}

/** "5,5": Dutch notation for a rate in invoice texts */
const dutchRate = (rate: string): string => rate.replace('.', ',');

/** a B2B customer (company or VAT number) needs their own name and address on the invoice (Dir. art. 226(5)) */
export function isBusinessCustomer(order: CanonicalOrder): boolean {
	return (
		order.businessModel === 'B2B' ||
		order.customer.company.trim() !== '' ||
		normalizeEuVatNumber(order.customer.vatNumber) !== ''
	);
}

/**
 * Factuursturen applies a `tax_country` rate of the DEBTOR's country (docs/api-readings.md), while OSS VAT follows the
 * delivery country (Dir. art. 33(a)). Existing debtors are never modified, so a debtor in another country is refused.
 */
function checkOssDebtorCountry(
	order: CanonicalOrder,
	debtor: DebtorForInvoice,
	countries: CountryList | undefined,
): void {
	const taxCountry = order.vat.taxCountry;
	const debtorCountry = debtor.country?.trim() ?? '';
	if (order.vat.regime !== 'oss' || !taxCountry || debtorCountry === '') return;
	if (debtorCountry.toUpperCase() === taxCountry) return;
	const index = countries ? indexCountries(countries) : null;
	const expectedId = index ? findCountryId(index, taxCountry, '') : null;
	if (expectedId !== null && expectedId === debtorCountry) return;
	if (!index) {
		// a programming error in the workflow: the id cannot be checked without the list
		throw new TypeError(
			'buildInvoice: an OSS order with a debtor country id needs opts.countries (Factuursturen GET /countrylist)',
		);
	}
	const named = Array.isArray(countries)
		? countries.find((c) => String(c.id) === debtorCountry)?.name
		: undefined;
	const debtorName = named
		? `${named} (country id ${debtorCountry})`
		: `country id ${debtorCountry}`;
	throw new OrderRefusal(
		'oss_debtor_country_mismatch',
		`Order ${order.number} is an OSS sale taxed in ${taxCountry}, but Factuursturen debtor ${debtor.clientnr} is in ${debtorName}`,
		`OSS VAT follows the delivery country (${taxCountry}); Factuursturen takes the foreign rate from the debtor's country, so this invoice would carry the wrong VAT. Existing debtors are never modified automatically: book this order by hand, or use a debtor in ${taxCountry} for it, then reprocess.`,
		order.number,
		{ clientnr: debtor.clientnr, debtorCountry, taxCountry, expectedCountryId: expectedId },
	);
}

function checkDebtor(order: CanonicalOrder, debtor: DebtorForInvoice): void {
	if (
		!debtor ||
		typeof debtor.clientnr !== 'string' ||
		debtor.clientnr.trim() === '' ||
		(debtor.tax_type !== 'extax' && debtor.tax_type !== 'intax')
	) {
		// a programming error in the workflow, not a property of the order
		throw new TypeError(
			'buildInvoice: debtor must be { clientnr: string, tax_type: "extax" | "intax", tax_shifted?, taxnumber? }',
		);
	}
	const reverseCharge = order.vat.regime === 'intra_eu_reverse_charge';
	if (reverseCharge) {
		if (normalizeEuVatNumber(order.customer.vatNumber) === '') {
			throw new OrderRefusal(
				'reverse_charge_without_vat_number',
				`Order ${order.number} is an intra-EU reverse-charge sale, but the customer has no VAT number`,
				"Reverse charge (0 %, btw verlegd) needs the customer's valid EU VAT number on the invoice. Add the customer's VAT number to the order/customer in Mijnwebwinkel, then reprocess the order.",
				order.number,
			);
		}
		// the mapper also checks the number against the home country; here what needs no context: prefix and format
		const problem = euVatNumberProblem(order.customer.vatNumber);
		if (problem !== null) {
			throw new OrderRefusal(
				'invalid_vat_number',
				`Order ${order.number} is an intra-EU reverse-charge sale, but the customer's VAT number "${order.customer.vatNumber}" cannot be used for it: ${problem}`,
				"The 0 % of an intra-community supply needs the customer's valid VAT number of another EU member state. Check it in VIES (ec.europa.eu/taxation_customs/vies), correct it on the order in Mijnwebwinkel, then reprocess; without a valid EU VAT number, VAT must be charged.",
				order.number,
				{ vatNumber: order.customer.vatNumber },
			);
		}
		if (debtor.tax_shifted !== true) {
			throw new OrderRefusal(
				'debtor_not_tax_shifted',
				`Order ${order.number} is a reverse-charge sale, but Factuursturen debtor ${debtor.clientnr} is not set to "BTW verlegd" (tax_shifted)`,
				`Existing debtors are never modified automatically. In Factuursturen, open debtor ${debtor.clientnr}, switch on "BTW verlegd" and fill in the VAT number ${normalizeEuVatNumber(order.customer.vatNumber)}, then reprocess the order.`,
				order.number,
				{ clientnr: debtor.clientnr },
			);
		}
		if (
			debtor.taxnumber !== undefined &&
			normalizeEuVatNumber(debtor.taxnumber) !== normalizeEuVatNumber(order.customer.vatNumber)
		) {
			throw new OrderRefusal(
				'debtor_vat_number_mismatch',
				`Order ${order.number}: VAT number ${normalizeEuVatNumber(order.customer.vatNumber)} differs from debtor ${debtor.clientnr}'s "${debtor.taxnumber}"`,
				`A reverse-charge invoice must show the customer's VAT number. Correct the VAT number of debtor ${debtor.clientnr} in Factuursturen (or of the order in Mijnwebwinkel), then reprocess.`,
				order.number,
				{
					clientnr: debtor.clientnr,
					debtorTaxnumber: debtor.taxnumber,
					orderVatNumber: order.customer.vatNumber,
				},
			);
		}
	} else if (debtor.tax_shifted === true) {
		throw new OrderRefusal(
			'debtor_tax_shifted_conflict',
			`Order ${order.number} is not a reverse-charge sale (${order.vat.regime}), but Factuursturen debtor ${debtor.clientnr} is set to "BTW verlegd"`,
			`Factuursturen would leave out the VAT the customer paid. Existing debtors are never modified automatically: switch off "BTW verlegd" for debtor ${debtor.clientnr} in Factuursturen (or map this payment method/e-mail to another debtor), then reprocess.`,
			order.number,
			{ clientnr: debtor.clientnr },
		);
	}
}

/** "16.529", "10.00", "-0.04": at least 2 decimals, no meaningless trailing zeros beyond them */
function formatPrice(units: number, decimals: number): string {
	let value = units;
	let places = decimals;
	while (places > 2 && value % 10 === 0) {
		value /= 10;
		places--;
	}
	return formatScaled(value, places);
}

/** Builds the POST /invoices body. Throws OrderRefusal (codes: refusal-codes.ts) when it must not guess. */
export function buildInvoice(
	order: CanonicalOrder,
	debtor: DebtorForInvoice,
	mapping: InvoiceMapping,
	opts: BuildInvoiceOptions = {},
): FactuursturenInvoicePayload {
	const line1 = orderReference(order.number);
	assertInvoiceable(order);
	checkDebtor(order, debtor);
	checkOssDebtorCountry(order, debtor, opts.countries);
	const bookedVouchers = checkVoucherLines(order, mapping.voucherLines);
	const effective = mapping.splitUnsplitCosts ? applyCostSplit(order) : order;
	const resolved = resolveRates(effective, mapping);
	const taxType = debtor.tax_type;
	const decimals = mapping.priceDecimals ?? DEFAULT_PRICE_DECIMALS;
	const maxRounding = mapping.maxRoundingCents ?? DEFAULT_MAX_ROUNDING_CENTS;

	// per rate: how much the lines must add up to, then each line's share of it
	const lineCents = new Array<number>(effective.lines.length);
	let roundingCents = 0;
	for (const total of effective.totals.perRate) {
		const indexes: number[] = [];
		for (let i = 0; i < effective.lines.length; i++)
			if (effective.lines[i].vatRate === total.rate) indexes.push(i);
		if (indexes.length === 0) continue;
		const rate = resolved.get(total.rate) as ResolvedRate;
		const fit = fitRateSum(
			total.inclCents,
			total.vatCents,
			rate.rateHundredths,
			taxType,
			maxRounding,
		);
		if (!fit) {
			throw new OrderRefusal(
				'vat_mismatch',
				`Order ${order.number}: the shop's VAT at ${total.rate} % (${formatCents(total.vatCents)} on ${formatCents(total.inclCents)} incl.) cannot be reproduced within 1 cent without a rounding difference above ${formatCents(maxRounding)}`,
				"The shop's VAT does not match its own amounts (e.g. VAT rounded per line on many lines, or a known shop error such as doubled VAT). Check the order in Mijnwebwinkel; if its VAT is right, book it by hand or raise the mapping's maxRoundingCents.",
				order.number,
				{ rate: total.rate, inclCents: total.inclCents, vatCents: total.vatCents, taxType },
			);
		}
		roundingCents += fit.roundingCents;
		const exact: number[] = [];
		for (const i of indexes)
			exact.push(
				taxType === 'extax'
					? effective.lines[i].lineExclMicros
					: effective.lines[i].lineInclCents * 10_000,
			);
		const shares = allocateCents(exact, fit.sumOfCents);
		for (let k = 0; k < indexes.length; k++) lineCents[indexes[k]] = shares[k];
	}

	const splitSources = new Map<string, Set<string>>();
	for (const l of effective.lines) {
		if (l.sourceLineId)
			splitSources.set(
				l.sourceLineId,
				(splitSources.get(l.sourceLineId) ?? new Set()).add(l.vatRate),
			);
	}
	const lines: FactuursturenInvoiceLine[] = [];
	for (let i = 0; i < effective.lines.length; i++) {
		const l = effective.lines[i];
		const rate = resolved.get(l.vatRate);
		if (!rate) continue;
		let description = l.description.trim() || DEFAULT_DESCRIPTION[l.kind];
		if (
			l.kind === 'discount' &&
			effective.discountCode &&
			!description.includes(effective.discountCode)
		) {
			description += ` (kortingscode ${effective.discountCode})`;
		}
		if (l.sourceLineId && (splitSources.get(l.sourceLineId)?.size ?? 0) > 1)
			description += ` (deel ${dutchRate(l.vatRate)}% btw)`;
		// the full text stays on the order in the shop; Factuursturen would refuse the whole invoice for it
		description = shorten(description, INVOICE_FIELD_LIMITS.lineDescription);
		const quantity = Math.abs(l.quantity) || 1;
		for (const part of priceLine(lineCents[i], quantity, decimals)) {
			const line: FactuursturenInvoiceLine = {
				amount: part.amount,
				description,
				tax_rate: rate.taxRate,
				price: formatPrice(part.priceUnits, decimals),
				discount_pct: 0,
			};
			if (rate.taxCountry) line.tax_country = true;
			lines.push(line);
		}
	}
	if (roundingCents !== 0) {
		const zero = mappedDomesticRate(
			order,
			'0',
			mapping,
			' (needed for the rounding line "Afrondingsverschil")',
		);
		lines.push({
			amount: 1,
			description: ROUNDING_LINE_DESCRIPTION,
			tax_rate: zero.taxRate,
			price: formatCents(roundingCents),
			discount_pct: 0,
		});
	}

	const credit = isCreditOrder(order);
	let line2 = `Besteldatum ${dutchDate(order.date)}`;
	const original = opts.originalInvoiceNumber?.trim() ?? '';
	if (credit && original)
		line2 += ` - Creditnota op factuur ${original}${order.creditsOrderNumber ? ` (bestelling ${order.creditsOrderNumber})` : ''}`;
	else if (credit)
		line2 += order.creditsOrderNumber
			? ` - Creditnota voor bestelling ${order.creditsOrderNumber}`
			: ' - Creditnota';
	// the customer's own reference (a purchase order number) where the customer reads it: their accounts payable match on it
	if (order.customerReference) line2 += ` - Uw referentie: ${order.customerReference}`;
	line2 = shorten(line2, INVOICE_FIELD_LIMITS.referenceLine);
	const line3 = shorten(
		joinNonEmpty([
			regimeNote(order, mapping),
			bookedVouchers ? VOUCHER_NOTE : '',
			mapping.referenceLine3?.trim() ?? '',
		]),
		INVOICE_FIELD_LIMITS.referenceLine,
	);

	const payload: FactuursturenInvoicePayload = {
		clientnr: debtor.clientnr.trim(),
		action: 'send',
		sendmethod: mapping.sendMethod ?? 'mail',
		reference: { line1, line2, line3 },
		lines,
	};
	if (sendsAsPaid(order, mapping.paidWhen)) {
		payload.alreadypaid = 'full';
		// a credit's payment is the refund
		payload.alreadypaidmethod = credit
			? `Terugbetaald (${paymentLabel(order, mapping)})`.slice(0, 32)
			: paymentLabel(order, mapping);
	}
	const category = mapping.categories?.[order.vat.regime];
	if (category !== undefined) payload.category = category;
	if (mapping.profile !== undefined) payload.profile = mapping.profile;
	return payload;
}
