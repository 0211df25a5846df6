/**
 * The canonical order: one platform-neutral shape that every shop adapter produces and every
 * bookkeeping builder consumes. Money is integer minor units (cents) or micro-units (1e-6 of the
 * currency unit, where a shop reports 6 decimals); never a float. VAT rates are normalised decimal
 * strings ("21", "9", "5.5", "0").
 *
 * Signs: for a credit order (status.isCredit) every amount (lines, unit prices, totals, per rate) is
 * NEGATIVE, money flowing back; quantities stay positive counts. A discount line is negative on a normal
 * order (and positive on a credit). The Mijnwebwinkel mapper documents its sign rule in
 * core/mijnwebwinkel/credit.ts.
 */
import { z } from 'zod';
import { compileFastCheck } from './zod-fast-check';

const cents = z.number().int();
const micros = z.number().int();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const isoTime = z.string().regex(/^\d{2}:\d{2}:\d{2}$/, 'expected HH:mm:ss');
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code');
/** "21", "9", "5.5", "0": a percentage with trailing zeros removed. */
export const vatRateSchema = z
	.string()
	.regex(/^\d{1,2}(\.\d{1,2})?$/, 'expected a VAT percentage like "21" or "5.5"');

export const addressSchema = z.object({
	name: z.string(),
	company: z.string(),
	street: z.string(),
	houseNumber: z.string(),
	/** street and house number as printed on one line */
	line1: z.string(),
	zipcode: z.string(),
	city: z.string(),
	countryCode: countryCode.nullable(),
	countryName: z.string(),
	phone: z.string(),
});

export const customerSchema = z.object({
	/** trimmed and lower-cased: the key debtors are matched on */
	email: z.string(),
	/** as the shop gave it, for display */
	emailAsGiven: z.string(),
	name: z.string(),
	company: z.string(),
	vatNumber: z.string(),
	phone: z.string(),
	shopCustomerId: z.string().nullable(),
	invoiceAddress: addressSchema,
	deliveryAddress: addressSchema.nullable(),
});

export const lineKindSchema = z.enum(['article', 'shipping', 'payment', 'discount', 'custom']);

export const orderLineSchema = z.object({
	kind: lineKindSchema,
	description: z.string(),
	sku: z.string().nullable(),
	quantity: z.number().int(),
	vatRate: vatRateSchema,
	/** line total excluding VAT in micro-units, as precise as the shop reports it */
	lineExclMicros: micros,
	/** line total including VAT in cents: what the customer paid for this line (authoritative) */
	lineInclCents: cents,
	/** unit price excluding VAT in micro-units (lineExclMicros / quantity, rounded once) */
	unitExclMicros: micros,
	/** when a shop line was split over several VAT rates, all parts share this id (same description and
	 * quantity, one part per rate); null for a line that was not split */
	sourceLineId: z.string().nullable(),
});

export const vatRateTotalSchema = z.object({
	rate: vatRateSchema,
	/** VAT charged at this rate, in cents, as the shop reported it */
	vatCents: cents,
	/** sum of lineInclCents at this rate */
	inclCents: cents,
});

export const vatRegimeSchema = z.enum([
	/** Dutch VAT on a Dutch (or below-threshold EU) sale */
	'domestic',
	/** intra-EU B2B supply: 0 %, VAT reverse-charged to the customer, needs the customer's VAT number */
	'intra_eu_reverse_charge',
	/** EU B2C distance sale taxed at the destination country's rate (One-Stop-Shop) */
	'oss',
	/** goods shipped outside the EU: 0 % */
	'export',
	/** 0 % inside the Netherlands for another stated reason */
	'zero_rated',
]);

export const canonicalOrderSchema = z.object({
	schemaVersion: z.literal(1),
	source: z.string(),
	number: z.string().min(1),
	uuid: z.string().nullable(),
	/** order date and time in the shop's local time zone (Europe/Amsterdam for Mijnwebwinkel) */
	date: isoDate,
	time: isoTime,
	timeZone: z.string(),
	/** the same moment as an ISO 8601 timestamp with offset */
	placedAt: z.string(),
	status: z.object({
		id: z.string(),
		name: z.string(),
		isCredit: z.boolean(),
		changedAt: z.string().nullable(),
	}),
	/** always false from the Mijnwebwinkel mapper: test orders are refused ('test_order'), never mapped */
	isTest: z.boolean(),
	archived: z.boolean(),
	currency: z.string().regex(/^[A-Z]{3}$/),
	/** true when the shop gave no currency and `currency` is the assumed EUR: the node says so on the item */
	currencyAssumed: z.boolean(),
	businessModel: z.enum(['B2C', 'B2B']),
	customer: customerSchema,
	lines: z.array(orderLineSchema),
	totals: z.object({
		inclCents: cents,
		vatCents: cents,
		exclCents: cents,
		perRate: z.array(vatRateTotalSchema),
	}),
	payment: z.object({
		method: z.string(),
		gateway: z.string(),
		status: z.string(),
	}),
	vat: z.object({
		regime: vatRegimeSchema,
		/** why this regime was chosen, in words a bookkeeper can check */
		reason: z.string(),
		/** country whose VAT applies (NL for domestic, destination for OSS), or null for 0 % regimes */
		taxCountry: countryCode.nullable(),
		/** where the goods go */
		destinationCountry: countryCode.nullable(),
	}),
	discountCode: z.string(),
	customerNote: z.string(),
	/** the customer's own reference for the order (a business customer's purchase order number), or '' */
	customerReference: z.string(),
	/** for a credit order: the number of the order it credits */
	creditsOrderNumber: z.string().nullable(),
});

export type Address = z.infer<typeof addressSchema>;
export type Customer = z.infer<typeof customerSchema>;
export type LineKind = z.infer<typeof lineKindSchema>;
export type OrderLine = z.infer<typeof orderLineSchema>;
export type VatRateTotal = z.infer<typeof vatRateTotalSchema>;
export type VatRegime = z.infer<typeof vatRegimeSchema>;
export type CanonicalOrder = z.infer<typeof canonicalOrderSchema>;

const fastCheck = compileFastCheck(canonicalOrderSchema);

/**
 * `canonicalOrderSchema.safeParse`, with a compiled fast path (zod-fast-check.ts): a value that passes the
 * plain checks is returned as it is (zod would return an equal copy); anything else goes through zod,
 * whose result and error messages are returned unchanged.
 */
export function safeParseCanonicalOrder(
	value: unknown,
): z.SafeParseReturnType<unknown, CanonicalOrder> {
	if (fastCheck !== null && fastCheck(value))
		return { success: true, data: value as CanonicalOrder };
	return canonicalOrderSchema.safeParse(value);
}

/** true when the fast path is active for canonicalOrderSchema (a test keeps it so) */
export const canonicalOrderFastPathActive = fastCheck !== null;
