/**
 * Mijnwebwinkel (MyOnlineStore API v1) order → canonical order. Pure: no I/O, no clock. Throws an
 * OrderRefusal for every order that cannot be booked as it is (what is wrong, and what to do), and a plain
 * Error only for a bug (a result that fails the canonical schema) or a bad context.
 */
import { SHOP_TIME_ZONE } from '../time-zone';
import { safeParseCanonicalOrder, type CanonicalOrder } from '../canonical-order';
import { OrderRefusal } from '../errors';
import { isEuMember } from '../vat/eu-countries';
import { vatRatesOf } from '../vat/rates';
import { assertNoSpecialVatTerritory } from '../vat/vat-territory';
import { apiSentCreditPositive, negateLines, negateTotals } from './credit';
import { mapCustomer } from './customer';
import { localMoment } from './dates';
import { mapLines, mapTotals } from './lines';
import { cleanText, isRecord, listOf, malformed, recordOf, textOf } from './raw';
import { decideVatRegime, EU_DISTANCE_SALES_VALUES, type EuDistanceSales } from './vat-regime';

export interface MijnwebwinkelStatus {
	status: number | string;
	description: string;
	credit_order?: boolean;
}

export interface MijnwebwinkelContext {
	/** from GET /v1/orderstatuses (ids are NEVER hard-coded) */
	statuses: MijnwebwinkelStatus[];
	/** shop's VAT country, default 'NL' */
	homeCountry?: string;
	/** default 'Europe/Amsterdam' */
	timeZone?: string;
	/**
	 * default 'below_threshold': home VAT on a consumer sale to another EU state is booked as domestic. 'oss' (over
	 * the €10,000 EU threshold, or opted in): such an order is refused (home_vat_on_oss_sale), destination VAT is owed.
	 */
	euDistanceSales?: EuDistanceSales;
	/** an order without a currency: 'assume_eur' (default; the canonical order says currencyAssumed) or 'refuse' (missing_currency) */
	missingCurrency?: MissingCurrency;
}

export type MissingCurrency = 'assume_eur' | 'refuse';
export const MISSING_CURRENCY_VALUES: readonly MissingCurrency[] = ['assume_eur', 'refuse'];

const DEFAULT_TIME_ZONE = SHOP_TIME_ZONE;
const ISO2 = /^[A-Z]{2}$/;
const TEST_ORDER = /^T-/i;

function homeCountryOf(ctx: MijnwebwinkelContext): string {
	const home = (ctx.homeCountry ?? 'NL').trim().toUpperCase();
	if (!isEuMember(home) || vatRatesOf(home) === null) {
		throw new Error(
			`homeCountry "${ctx.homeCountry}" is not an EU member state with known VAT rates; set the shop's VAT country as an ISO-2 code such as "NL".`,
		);
	}
	return home;
}

/** `number` is a string live and an integer in the spec: always a string here */
function orderNumberOf(order: Record<string, unknown>): string {
	const n = textOf(order.number).trim();
	if (n === '') throw malformed(null, 'The order has no order number.');
	return n;
}

/** `credited_order_number` (string or int; null, '' or 0 when absent) */
function creditedNumberOf(v: unknown): string | null {
	const n = textOf(v).trim();
	return n === '' || n === '0' ? null : n;
}

/** the country the goods are transported to, or null (no delivery address, no shipping country: e.g. picked up) */
function transportCountryOf(raw: Record<string, unknown>, delivery: string | null): string | null {
	if (delivery) return delivery;
	// shipping[].country is {description, isocode}, or [] when the shop has no country for it
	const shipCountry = recordOf(recordOf(listOf(raw.shipping)[0]).country);
	const iso = textOf(shipCountry.isocode).trim().toUpperCase();
	return ISO2.test(iso) ? iso : null;
}

function euDistanceSalesOf(ctx: MijnwebwinkelContext): EuDistanceSales {
	const v = ctx.euDistanceSales ?? 'below_threshold';
	if (!EU_DISTANCE_SALES_VALUES.includes(v))
		throw new Error(
			`euDistanceSales "${String(v)}" is not one of ${EU_DISTANCE_SALES_VALUES.join(', ')}.`,
		);
	return v;
}

export function toCanonicalOrder(raw: unknown, ctx: MijnwebwinkelContext): CanonicalOrder {
	if (!isRecord(raw)) throw malformed(null, 'The order is not a JSON object.');
	const home = homeCountryOf(ctx);
	const euDistanceSales = euDistanceSalesOf(ctx);
	const timeZone = ctx.timeZone ?? DEFAULT_TIME_ZONE;
	const number = orderNumberOf(raw);

	if (TEST_ORDER.test(number)) {
		throw new OrderRefusal(
			'test_order',
			`Order ${number} is a Mijnwebwinkel test order and is never invoiced.`,
			'Nothing to do: test orders are skipped. Fetch orders without the test option to leave them out.',
			number,
		);
	}

	const statusId = textOf(raw.status).trim();
	const status = ctx.statuses.find((s) => String(s.status) === statusId);
	if (status === undefined) {
		throw new OrderRefusal(
			'unknown_status',
			`Order ${number} has status id "${statusId}", which is not in the order status list.`,
			'Refresh the status list (GET /v1/orderstatuses, e.g. by running the workflow again); if the merchant added a new status in Mijnwebwinkel, add it to the invoiceable statuses when it means paid.',
			number,
			{ statusId, knownStatusIds: ctx.statuses.map((s) => String(s.status)) },
		);
	}
	const creditsOrderNumber = creditedNumberOf(raw.credited_order_number);
	const isCredit = status.credit_order === true || creditsOrderNumber !== null;

	const placed = localMoment(raw.date, raw.time, timeZone);
	if (placed === null) {
		throw malformed(
			number,
			`Order ${number} has no valid date and time ("${textOf(raw.date)}" "${textOf(raw.time)}").`,
			{ date: raw.date ?? null, time: raw.time ?? null },
		);
	}
	const changed = raw.status_changed_date
		? localMoment(raw.status_changed_date, raw.status_changed_time, timeZone)
		: null;

	let lines = mapLines(raw.orderlines, number);
	let totals = mapTotals(raw.price, lines, number);
	if (!isCredit && totals.inclCents < 0) {
		throw new OrderRefusal(
			'negative_total',
			`Order ${number} has a negative total (${textOf(recordOf(raw.price).total)}) but is not a credit order.`,
			'Check the order in Mijnwebwinkel: a refund should be a credit order. Correct it there, then process it again.',
			number,
		);
	}
	if (isCredit && apiSentCreditPositive(totals.inclCents, lines)) {
		lines = negateLines(lines);
		totals = negateTotals(totals);
	}

	const customer = mapCustomer(raw.debtor, number);

	const taxRegion = textOf(raw.tax_region).trim().toUpperCase();
	const chargedRates: string[] = [];
	for (const l of lines) {
		if ((l.lineInclCents !== 0 || l.lineExclMicros !== 0) && !chargedRates.includes(l.vatRate))
			chargedRates.push(l.vatRate);
	}
	const transport = transportCountryOf(raw, customer.deliveryAddress?.countryCode ?? null);
	assertNoSpecialVatTerritory(number, transport, customer);
	const vat = decideVatRegime({
		orderNumber: number,
		taxStrategy: textOf(raw.tax_strategy).trim(),
		taxRegion: ISO2.test(taxRegion) ? taxRegion : null,
		destinationCountry: transport,
		invoiceCountry: customer.invoiceAddress.countryCode,
		homeCountry: home,
		chargedRates,
		vatNumber: customer.vatNumber,
		euDistanceSales,
	});

	// always present per the spec; a missing one can only be the store's own currency, EUR for Mijnwebwinkel,
	// but booking it as EUR is said on the item (currencyAssumed), or refused when the context says so
	const givenCurrency = textOf(raw.currency).trim().toUpperCase();
	const currencyAssumed = givenCurrency === '';
	if (currencyAssumed && (ctx.missingCurrency ?? 'assume_eur') === 'refuse') {
		throw new OrderRefusal(
			'missing_currency',
			`Order ${number} has no currency.`,
			'Check the order in Mijnwebwinkel. If it was in euros, set the node\'s Missing Currency to "Assume EUR" (the item then says it was assumed) and process it again; otherwise book it by hand.',
			number,
		);
	}
	const currency = givenCurrency || 'EUR';

	const payment = recordOf(raw.payment);
	const candidate: CanonicalOrder = {
		schemaVersion: 1,
		source: 'mijnwebwinkel',
		number,
		uuid: textOf(raw.uuid).trim() || null,
		date: placed.date,
		time: placed.time,
		timeZone,
		placedAt: placed.iso,
		status: { id: statusId, name: status.description, isCredit, changedAt: changed?.iso ?? null },
		isTest: false,
		archived: raw.archived === true,
		currency,
		currencyAssumed,
		businessModel: textOf(raw.business_model).trim().toUpperCase() === 'B2B' ? 'B2B' : 'B2C',
		customer,
		lines,
		totals,
		payment: {
			method: cleanText(payment.method_name),
			gateway: cleanText(payment.gateway_name),
			status: cleanText(raw.payment_status) || cleanText(recordOf(payment.status).text),
		},
		vat,
		discountCode: cleanText(raw.discountcode),
		customerNote: textOf(recordOf(raw.comments).customer).trim(),
		customerReference: cleanText(raw.reference),
		creditsOrderNumber,
	};
	const checked = safeParseCanonicalOrder(candidate);
	if (!checked.success) {
		// The mapper produced something the schema rejects: a bug here, not a problem of the order.
		throw new Error(
			`Bug in the Mijnwebwinkel mapper, order ${number}: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
		);
	}
	return checked.data;
}
