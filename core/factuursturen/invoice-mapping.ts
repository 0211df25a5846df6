/**
 * The invoice mapping: how the shop's VAT rates, VAT regimes and payment methods translate into
 * Factuursturen terms. It is user input (node parameters or a JSON override), so `parseMapping`
 * validates it and every error names the key that is wrong and what to write instead.
 */
import { z } from 'zod';
import { normalizeRate } from '../money';
import type { VatRegime } from '../canonical-order';
import { vatRegimeSchema } from '../canonical-order';
import { paymentMethodKey } from './payment-method-key';
import { PAID_WHEN_VALUES, type PaidWhen } from './payment-status';
import { VOUCHER_LINES_VALUES, type VoucherLines } from './voucher-lines';

export interface InvoiceMapping {
	/** canonical shop rate ("21", "9", "0") → Factuursturen tax_rate percentage (must name the same percentage) */
	vatRates: Record<string, string>;
	/** "DE:19" → "19": destination-country rates, sent with `tax_country: true` (OSS) */
	ossVatRates?: Record<string, string>;
	/** VAT regime → Factuursturen category id (the ledger mapping) */
	categories?: Partial<Record<VatRegime, string>>;
	/** payment method (lower case, e.g. "cash", "pin") → fixed clientnr, e.g. one "Kassa" debtor for counter sales */
	paymentMethodDebtors?: Record<string, string>;
	/** payment method (lower case) → text for `alreadypaidmethod` ("ideal" → "iDEAL") */
	paymentMethodLabels?: Record<string, string>;
	/** default 'mail': Factuursturen only processes the invoice, the customer gets no e-mail from it */
	sendMethod?: 'mail' | 'email';
	/** Factuursturen layout profile id */
	profile?: string;
	/** optional free text for reference.line3 */
	referenceLine3?: string;
	/**
	 * Shipping/payment costs that the shop charged at ONE rate in a basket with several rates are split over
	 * the goods' rates in proportion to the goods' value excl. VAT (the usual Dutch practice for ancillary costs). Default false: book
	 * them as the shop charged them, since that VAT is what the customer paid.
	 */
	splitUnsplitCosts?: boolean;
	/** largest rounding line ("Afrondingsverschil") the builder may add, in cents; above it the order is refused. Default 5 */
	maxRoundingCents?: number;
	/** decimals of unit prices sent to Factuursturen (2–6). Default 3, the largest number Factuursturen documents (products API) */
	priceDecimals?: number;
	/**
	 * when the invoice is sent as paid (`alreadypaid: full`): 'paid_status_or_payment' (default) only when the
	 * payment status is captured (refunded for a credit) or the status name says paid; 'always' for every
	 * non-zero invoice. Otherwise the invoice is sent open.
	 */
	paidWhen?: PaidWhen;
	/**
	 * a 0 % line named like a gift voucher (cadeaubon, giftcard, …) in a VAT-charging regime: 'refuse' (default,
	 * `voucher_line`: a voucher sale is not turnover) or 'book' (invoice it as it is, with a voucher mention in line3)
	 */
	voucherLines?: VoucherLines;
	/** line3 reason for a zero_rated (0 % in NL) order; default "Nultarief (0% btw)" */
	zeroRatedNote?: string;
}

export const DEFAULT_VAT_RATES: Readonly<Record<string, string>> = {
	'21': '21',
	'9': '9',
	'0': '0',
};
export const DEFAULT_MAX_ROUNDING_CENTS = 5;
export const DEFAULT_PRICE_DECIMALS = 3;

/** Mijnwebwinkel `payment.method_name` values → how a bookkeeper expects to read them on the invoice */
export const DEFAULT_PAYMENT_METHOD_LABELS: Readonly<Record<string, string>> = {
	ideal: 'iDEAL',
	bancontact: 'Bancontact',
	creditcard: 'Creditcard',
	paypal: 'PayPal',
	bank_transfer: 'Bankoverschrijving',
	advance: 'Vooruitbetaling',
	cash: 'Contant',
	pin: 'Pin',
	pickup: 'Betaald bij afhalen',
	invoice: 'Op rekening',
	in_arrears: 'Achteraf betalen',
	klarna_paylater: 'Klarna',
	klarna: 'Klarna',
	afterpay: 'Riverty (AfterPay)',
	sofort: 'SOFORT',
	giropay: 'Giropay',
	applepay: 'Apple Pay',
	sumup: 'SumUp',
	zettle: 'Zettle',
	// a redeemed voucher is not a bank receipt
	webshop_giftcard: 'Cadeaubon',
};

export class InvoiceMappingError extends Error {
	constructor(readonly issues: string[]) {
		super(`Invalid invoice mapping: ${issues.join('; ')}`);
		this.name = 'InvoiceMappingError';
	}
}

const RATE_TEXT = /^\d{1,2}(?:[.,]\d{1,2})?$/;
const rateValue = z.union([z.string(), z.number()]).transform((v, ctx) => {
	const text = String(v).trim();
	if (!RATE_TEXT.test(text)) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `"${text}" is not a VAT percentage; write it like "21" or "5.5"`,
		});
		return z.NEVER;
	}
	return normalizeRate(text);
});
const idValue = z
	.union([z.string(), z.number().int().nonnegative()])
	.transform((v) => String(v).trim())
	.refine((v) => /^[A-Za-z0-9_-]{1,32}$/.test(v), {
		message: 'expected a Factuursturen id such as "12"',
	});
const text = (max: number) => z.string().max(max, `at most ${max} characters`);

const schema = z
	.object({
		vatRates: z.record(z.string(), rateValue).default({ ...DEFAULT_VAT_RATES }),
		ossVatRates: z.record(z.string(), rateValue).optional(),
		categories: z.record(z.string(), idValue).optional(),
		paymentMethodDebtors: z.record(z.string(), idValue).optional(),
		paymentMethodLabels: z.record(z.string(), text(32)).optional(),
		sendMethod: z.enum(['mail', 'email']).default('mail'),
		profile: idValue.optional(),
		referenceLine3: text(200).optional(),
		splitUnsplitCosts: z.boolean().optional(),
		maxRoundingCents: z.number().int().min(0).max(100).optional(),
		priceDecimals: z.number().int().min(2).max(6).optional(),
		paidWhen: z.enum(PAID_WHEN_VALUES).optional(),
		voucherLines: z.enum(VOUCHER_LINES_VALUES).optional(),
		zeroRatedNote: text(200).optional(),
	})
	.strict();

function formatIssue(issue: z.ZodIssue): string {
	const where = issue.path.length ? issue.path.map(String).join('.') : '(mapping)';
	if (issue.code === z.ZodIssueCode.unrecognized_keys) {
		return `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; allowed: ${Object.keys(schema.shape).join(', ')}`;
	}
	return `${where}: ${issue.message}`;
}

function methodKeys(
	record: Record<string, string> | undefined,
): Record<string, string> | undefined {
	if (!record) return undefined;
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(record)) out[paymentMethodKey(k)] = v;
	return out;
}

/**
 * Validates a mapping (an object, or its JSON text) and returns it normalised: rate keys and values
 * as canonical rate strings, payment-method keys lower-cased, ids as strings.
 * A rate may only map to the same percentage: booking 21 % VAT as 9 % would misstate the VAT return.
 */
export function parseMapping(input: unknown): InvoiceMapping {
	let value: unknown = input ?? {};
	if (typeof value === 'string') {
		const json = parseJson(value);
		if (!json.ok) throw new InvoiceMappingError([`the mapping is not valid JSON (${json.error})`]);
		value = json.value;
	}
	const parsed = schema.safeParse(value);
	if (!parsed.success) throw new InvoiceMappingError(parsed.error.issues.map(formatIssue));
	const m = parsed.data;
	const issues: string[] = [];

	const vatRates: Record<string, string> = {};
	for (const [key, to] of Object.entries(m.vatRates)) {
		const from = safeRate(key);
		if (from === null)
			issues.push(`vatRates."${key}": the key is not a VAT percentage; write it like "21" or "9"`);
		else if (from !== to)
			issues.push(
				`vatRates."${key}": maps to ${to} %, but a rate must map to the same percentage (${from}); add rate ${from} % in Factuursturen and map "${from}": "${from}"`,
			);
		else vatRates[from] = to;
	}
	let ossVatRates: Record<string, string> | undefined;
	if (m.ossVatRates) {
		ossVatRates = {};
		for (const [key, to] of Object.entries(m.ossVatRates)) {
			const match = /^\s*([A-Za-z]{2})\s*:\s*(.+)$/.exec(key);
			const from = match ? safeRate(match[2]) : null;
			if (!match || from === null) {
				issues.push(
					`ossVatRates."${key}": expected a key like "DE:19" (country code, colon, the destination rate)`,
				);
			} else if (from !== to) {
				issues.push(
					`ossVatRates."${key}": maps to ${to} %, but must map to the same percentage (${from})`,
				);
			} else {
				ossVatRates[`${match[1].toUpperCase()}:${from}`] = to;
			}
		}
	}
	let categories: Partial<Record<VatRegime, string>> | undefined;
	if (m.categories) {
		categories = {};
		for (const [key, id] of Object.entries(m.categories)) {
			const regime = vatRegimeSchema.safeParse(key);
			if (!regime.success)
				issues.push(
					`categories."${key}": unknown VAT regime; use one of ${vatRegimeSchema.options.join(', ')}`,
				);
			else categories[regime.data] = id;
		}
	}
	if (issues.length) throw new InvoiceMappingError(issues);

	const result: InvoiceMapping = { vatRates, sendMethod: m.sendMethod };
	if (ossVatRates) result.ossVatRates = ossVatRates;
	if (categories) result.categories = categories;
	if (m.paymentMethodDebtors) result.paymentMethodDebtors = methodKeys(m.paymentMethodDebtors);
	if (m.paymentMethodLabels) result.paymentMethodLabels = methodKeys(m.paymentMethodLabels);
	if (m.profile !== undefined) result.profile = m.profile;
	if (m.referenceLine3 !== undefined) result.referenceLine3 = m.referenceLine3;
	if (m.splitUnsplitCosts !== undefined) result.splitUnsplitCosts = m.splitUnsplitCosts;
	if (m.maxRoundingCents !== undefined) result.maxRoundingCents = m.maxRoundingCents;
	if (m.priceDecimals !== undefined) result.priceDecimals = m.priceDecimals;
	if (m.paidWhen !== undefined) result.paidWhen = m.paidWhen;
	if (m.voucherLines !== undefined) result.voucherLines = m.voucherLines;
	if (m.zeroRatedNote !== undefined) result.zeroRatedNote = m.zeroRatedNote;
	return result;
}

/** the regex admits only 0–99.99, which normalizeRate always accepts */
function safeRate(input: string): string | null {
	return RATE_TEXT.test(input.trim()) ? normalizeRate(input.trim()) : null;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
	if (text.trim() === '') return { ok: true, value: {} };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		return { ok: false, error: (error as Error).message };
	}
}
