/**
 * Which Factuursturen tax_rate (and `tax_country` flag) each VAT rate of an order becomes, by VAT regime.
 * A rate without a mapping is refused, never replaced by a "nearest" rate.
 */
import type { CanonicalOrder } from '../canonical-order';
import { OrderRefusal } from '../errors';
import { parseRateHundredths } from '../money';
import type { InvoiceMapping } from './invoice-mapping';

const hundredthsCache = new Map<string, number>();
/** parseRateHundredths, memoised: the same few rate strings recur on every order */
export function rateHundredths(rate: string): number {
	let h = hundredthsCache.get(rate);
	if (h === undefined) {
		h = parseRateHundredths(rate);
		if (hundredthsCache.size < 1_000) hundredthsCache.set(rate, h);
	}
	return h;
}

export interface ResolvedRate {
	/** the tax_rate value sent */
	taxRate: string;
	/** OSS line: Factuursturen applies the client's country rate */
	taxCountry: boolean;
	/** the percentage in hundredths (21 % = 2100), for the arithmetic */
	rateHundredths: number;
}

export function mappedDomesticRate(
	order: CanonicalOrder,
	rate: string,
	mapping: InvoiceMapping,
	purpose = '',
): ResolvedRate {
	const taxRate = mapping.vatRates[rate];
	if (taxRate === undefined) {
		throw new OrderRefusal(
			'unmapped_vat_rate',
			`Order ${order.number}: VAT rate ${rate} %${purpose} has no Factuursturen mapping`,
			`Add "${rate}": "${rate}" to the mapping's vatRates (parameter "VAT Rates" or the Mapping JSON) and make sure the ${rate} % rate exists in your Factuursturen account, then reprocess the order.`,
			order.number,
			{ rate, mappingKey: `vatRates.${rate}` },
		);
	}
	return { taxRate, taxCountry: false, rateHundredths: rateHundredths(taxRate) };
}

const ZERO_REGIMES = new Set(['intra_eu_reverse_charge', 'export', 'zero_rated']);

export function resolveRates(
	order: CanonicalOrder,
	mapping: InvoiceMapping,
): Map<string, ResolvedRate> {
	// the distinct line rates in order of appearance, without an intermediate array and Set
	const rates: string[] = [];
	for (const l of order.lines) if (!rates.includes(l.vatRate)) rates.push(l.vatRate);
	const out = new Map<string, ResolvedRate>();
	const regime = order.vat.regime;
	if (ZERO_REGIMES.has(regime)) {
		const charged = order.totals.perRate.filter(
			(r) => r.rate !== '0' && (r.inclCents !== 0 || r.vatCents !== 0),
		);
		if (charged.length > 0) {
			throw new OrderRefusal(
				'regime_rate_conflict',
				`Order ${order.number} is classified as ${regime} (0 % VAT) but has lines at ${charged.map((r) => r.rate + ' %').join(', ')}`,
				"A 0 % regime and VAT-bearing lines contradict each other. Check the order's VAT setting (tax strategy, customer VAT number, destination) in Mijnwebwinkel, correct it, then reprocess.",
				order.number,
				{ regime, rates: charged.map((r) => r.rate) },
			);
		}
		for (const rate of rates) out.set(rate, mappedDomesticRate(order, rate, mapping));
		return out;
	}
	if (regime === 'oss') {
		const country = order.vat.taxCountry;
		if (!country) {
			throw new OrderRefusal(
				'missing_tax_country',
				`Order ${order.number} is an OSS sale without a tax country`,
				"An OSS (One-Stop-Shop) sale is taxed at the destination country's rate; check the delivery country of the order in Mijnwebwinkel.",
				order.number,
			);
		}
		for (const rate of rates) {
			const key = `${country}:${rate}`;
			const taxRate = mapping.ossVatRates?.[key];
			if (taxRate !== undefined)
				out.set(rate, { taxRate, taxCountry: true, rateHundredths: rateHundredths(taxRate) });
			else if (rate === '0') out.set(rate, mappedDomesticRate(order, rate, mapping));
			else {
				throw new OrderRefusal(
					'unmapped_oss_rate',
					`Order ${order.number}: OSS rate ${rate} % for ${country} ("${key}") has no Factuursturen mapping`,
					`Add "${key}": "${rate}" to the mapping's ossVatRates and set up ${country} with its ${rate} % rate in Factuursturen (foreign VAT rates), then reprocess the order.`,
					order.number,
					{ rate, country, mappingKey: `ossVatRates.${key}` },
				);
			}
		}
		return out;
	}
	for (const rate of rates) out.set(rate, mappedDomesticRate(order, rate, mapping));
	return out;
}
