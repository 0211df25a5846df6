/**
 * Canonical orders for tests, built like a shop would: each line from its gross (what the customer
 * paid) and rate; the excl. amount with 6 decimals; the VAT per rate = gross − rounded Σ excl.
 * (overridable to model shops that round differently).
 */
import {
	canonicalOrderSchema,
	type CanonicalOrder,
	type OrderLine,
	type VatRegime,
} from '../../../core/canonical-order';
import { microsToCents, parseRateHundredths, roundDiv } from '../../../core/money';

export interface LineSpec {
	kind?: OrderLine['kind'];
	description?: string;
	quantity?: number;
	rate: string;
	inclCents: number;
	sourceLineId?: string | null;
	/** override the exact excl. amount (micros) */
	exclMicros?: number;
}

export interface OrderSpec {
	number?: string;
	lines: LineSpec[];
	regime?: VatRegime;
	taxCountry?: string | null;
	vatNumber?: string;
	credit?: boolean;
	creditsOrderNumber?: string | null;
	/** per-rate VAT overrides (cents) */
	vat?: Record<string, number>;
	/**
	 * how the shop rounded its VAT per rate: from the summed exact excl. amounts (default), per line then
	 * summed, or once from the gross per rate
	 */
	vatMode?: 'fromExcl' | 'perLine' | 'grossPerRate';
	paymentMethod?: string;
	discountCode?: string;
	email?: string;
	invoiceAddress?: Partial<CanonicalOrder['customer']['invoiceAddress']>;
	name?: string;
	company?: string;
	currency?: string;
	customerReference?: string;
	isTest?: boolean;
}

export const exclFromIncl = (inclCents: number, rate: string): number => {
	const h = parseRateHundredths(rate);
	return roundDiv(inclCents * 10_000 * 10_000, 10_000 + h);
};

export function makeLine(spec: LineSpec, index = 0): OrderLine {
	const quantity = spec.quantity ?? 1;
	const excl = spec.exclMicros ?? exclFromIncl(spec.inclCents, spec.rate);
	return {
		kind: spec.kind ?? 'article',
		description: spec.description ?? `Artikel ${index + 1}`,
		sku: null,
		quantity,
		vatRate: spec.rate,
		lineExclMicros: excl,
		lineInclCents: spec.inclCents,
		unitExclMicros: roundDiv(excl, quantity === 0 ? 1 : Math.abs(quantity)),
		sourceLineId: spec.sourceLineId ?? null,
	};
}

export function makeOrder(spec: OrderSpec): CanonicalOrder {
	const lines = spec.lines.map(makeLine);
	const rates = [...new Set(lines.map((l) => l.vatRate))];
	const perRate = rates.map((rate) => {
		const atRate = lines.filter((l) => l.vatRate === rate);
		const incl = atRate.reduce((a, l) => a + l.lineInclCents, 0);
		const h = parseRateHundredths(rate);
		const computed =
			spec.vatMode === 'perLine'
				? atRate.reduce((a, l) => a + l.lineInclCents - microsToCents(l.lineExclMicros), 0)
				: spec.vatMode === 'grossPerRate'
					? roundDiv(incl * h, 10_000 + h)
					: incl - microsToCents(atRate.reduce((a, l) => a + l.lineExclMicros, 0));
		return { rate, vatCents: spec.vat?.[rate] ?? computed, inclCents: incl };
	});
	const inclCents = perRate.reduce((a, r) => a + r.inclCents, 0);
	const vatCents = perRate.reduce((a, r) => a + r.vatCents, 0);
	const regime = spec.regime ?? 'domestic';
	const address = {
		name: spec.name ?? 'Jan Jansen',
		company: spec.company ?? '',
		street: 'Dorpsstraat',
		houseNumber: '1',
		line1: 'Dorpsstraat 1',
		zipcode: '1234 AB',
		city: 'Utrecht',
		countryCode: 'NL',
		countryName: 'Nederland',
		phone: '06 1234 5678',
		...spec.invoiceAddress,
	};
	const order: CanonicalOrder = {
		schemaVersion: 1,
		source: 'test',
		number: spec.number ?? '1001',
		uuid: null,
		date: '2025-03-01',
		time: '12:00:00',
		timeZone: 'Europe/Amsterdam',
		placedAt: '2025-03-01T12:00:00+01:00',
		status: {
			id: '3',
			name: spec.credit ? 'Gecrediteerd' : 'Betaald',
			isCredit: spec.credit ?? false,
			changedAt: null,
		},
		isTest: spec.isTest ?? false,
		archived: false,
		currency: spec.currency ?? 'EUR',
		currencyAssumed: false,
		businessModel: spec.vatNumber ? 'B2B' : 'B2C',
		customer: {
			email: spec.email ?? 'jan@example.nl',
			emailAsGiven: spec.email ?? 'jan@example.nl',
			name: address.name,
			company: address.company,
			vatNumber: spec.vatNumber ?? '',
			phone: address.phone,
			shopCustomerId: null,
			invoiceAddress: address,
			deliveryAddress: null,
		},
		lines,
		totals: { inclCents, vatCents, exclCents: inclCents - vatCents, perRate },
		payment: { method: spec.paymentMethod ?? 'ideal', gateway: 'mollie', status: 'captured' },
		vat: {
			regime,
			reason: 'test',
			taxCountry:
				spec.taxCountry !== undefined ? spec.taxCountry : regime === 'domestic' ? 'NL' : null,
			destinationCountry: spec.taxCountry ?? 'NL',
		},
		discountCode: spec.discountCode ?? '',
		customerNote: '',
		customerReference: spec.customerReference ?? '',
		creditsOrderNumber: spec.creditsOrderNumber ?? null,
	};
	return canonicalOrderSchema.parse(order);
}
