/**
 * The property-test population: generated canonical orders (mixed rates incl. OSS, discounts split over rates,
 * shipping/payment costs, credits, zero-rated regimes, three ways a shop may round its VAT), each with the debtor
 * tax type and mapping options it is built with. Shared by the property test and the bench (rounding-line share).
 */
import fc from 'fast-check';
import type { CanonicalOrder } from '../../../core/canonical-order';
import { makeOrder, type LineSpec, type OrderSpec } from '../invoice/order-factory';

export const POPULATION_SEED = 20_250_301;
export const POPULATION_SIZE = 10_000;

const OSS_RATES: Record<string, string[]> = {
	DE: ['19', '7'],
	FR: ['20', '5.5', '10'],
	BE: ['21', '6', '12'],
	AT: ['20', '10', '13'],
};
export const ossVatRates: Record<string, string> = {};
for (const [country, rates] of Object.entries(OSS_RATES))
	for (const r of rates) ossVatRates[`${country}:${r}`] = r;

const regimeArb = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.constant({
			regime: 'domestic' as const,
			rates: ['21', '9', '0'],
			taxCountry: 'NL',
		}),
	},
	{
		weight: 2,
		arbitrary: fc
			.constantFrom(...Object.entries(OSS_RATES))
			.map(([c, rates]) => ({ regime: 'oss' as const, rates, taxCountry: c })),
	},
	{
		weight: 1,
		arbitrary: fc.constant({
			regime: 'intra_eu_reverse_charge' as const,
			rates: ['0'],
			taxCountry: null,
		}),
	},
	{
		weight: 1,
		arbitrary: fc
			.constantFrom('export' as const, 'zero_rated' as const)
			.map((regime) => ({ regime, rates: ['0'], taxCountry: null })),
	},
);

const articleArb = fc.record({
	rateIndex: fc.nat(2),
	quantity: fc.oneof(
		{ weight: 5, arbitrary: fc.integer({ min: 1, max: 5 }) },
		{ weight: 1, arbitrary: fc.integer({ min: 6, max: 120 }) },
	),
	unitCents: fc.oneof(
		{ weight: 8, arbitrary: fc.integer({ min: 1, max: 25_000 }) },
		{ weight: 1, arbitrary: fc.constant(0) },
	),
});

export const scenarioArb = fc.record({
	regime: regimeArb,
	articles: fc.array(articleArb, { minLength: 1, maxLength: 8 }),
	shippingCents: fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: null }),
	shippingRateIndex: fc.nat(2),
	paymentCents: fc.option(fc.integer({ min: 1, max: 150 }), { nil: null }),
	discountPercent: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
	credit: fc.boolean(),
	vatMode: fc.constantFrom('fromExcl' as const, 'perLine' as const, 'grossPerRate' as const),
	taxType: fc.constantFrom('extax' as const, 'intax' as const),
	splitUnsplitCosts: fc.boolean(),
	priceDecimals: fc.oneof(
		{ weight: 6, arbitrary: fc.constant(3) },
		{ weight: 1, arbitrary: fc.integer({ min: 2, max: 6 }) },
	),
});

export type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

export function toOrder(s: Scenario, index: number): CanonicalOrder {
	const { rates } = s.regime;
	const rateOf = (i: number) => rates[i % rates.length];
	const lines: LineSpec[] = s.articles.map((a, i) => ({
		kind: 'article',
		description: `Artikel ${i + 1}`,
		quantity: a.quantity,
		rate: rateOf(a.rateIndex),
		inclCents: a.unitCents * a.quantity,
	}));
	if (s.discountPercent !== null) {
		// the shop spreads a discount over the rates of the goods, one part per rate sharing a source id
		const goodsByRate = new Map<string, number>();
		for (const l of lines) goodsByRate.set(l.rate, (goodsByRate.get(l.rate) ?? 0) + l.inclCents);
		for (const [rate, gross] of goodsByRate) {
			const part = Math.floor((gross * (s.discountPercent as number)) / 100);
			if (part > 0)
				lines.push({
					kind: 'discount',
					description: 'Korting',
					rate,
					inclCents: -part,
					sourceLineId: 'disc',
				});
		}
	}
	if (s.shippingCents !== null)
		lines.push({
			kind: 'shipping',
			description: 'Verzendkosten',
			rate: rateOf(s.shippingRateIndex),
			inclCents: s.shippingCents,
		});
	if (s.paymentCents !== null)
		lines.push({
			kind: 'payment',
			description: 'Transactiekosten',
			rate: rateOf(0),
			inclCents: s.paymentCents,
		});
	const sign = s.credit ? -1 : 1;
	const spec: OrderSpec = {
		number: String(100_000 + index),
		lines: lines.map((l) => ({ ...l, inclCents: sign * l.inclCents })),
		regime: s.regime.regime,
		taxCountry: s.regime.taxCountry,
		vatNumber: s.regime.regime === 'intra_eu_reverse_charge' ? 'DE123456789' : '',
		credit: s.credit,
		creditsOrderNumber: s.credit ? '99999' : null,
		vatMode: s.vatMode,
	};
	return makeOrder(spec);
}
