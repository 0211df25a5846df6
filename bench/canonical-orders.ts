/**
 * Input of the canonical → payload stage: plausible canonical orders made directly (1–8 articles over the
 * regime's rates, shipping, sometimes a discount split per rate, sometimes a credit), and the mapping the
 * bench builds invoices with (every EU OSS rate mapped, categories for domestic and OSS).
 */
import type { CanonicalOrder, OrderLine, VatRegime } from '../core/canonical-order';
import { buildInvoice, type DebtorForInvoice } from '../core/factuursturen/invoice-builder';
import { parseMapping, type InvoiceMapping } from '../core/factuursturen/invoice-mapping';
import { microsToCents, parseRateHundredths, roundDiv } from '../core/money';
import { EU_VAT_RATES_2026 } from '../core/vat/rates';
import { seededRandom } from '../sandbox/common/random';

function ossMapping(): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [country, rates] of Object.entries(EU_VAT_RATES_2026)) {
		for (const rate of [rates.standard, ...rates.reduced]) out[`${country}:${rate}`] = rate;
	}
	return out;
}

export const BENCH_MAPPING: InvoiceMapping = parseMapping({
	ossVatRates: ossMapping(),
	categories: { domestic: '1', oss: '3' },
});

/** half the debtors book excl. VAT, half incl.; reverse-charge orders get a tax-shifted debtor with the VAT number */
export function debtorFor(order: CanonicalOrder, i: number): DebtorForInvoice {
	const tax_type = i % 2 === 0 ? 'extax' : 'intax';
	return order.vat.regime === 'intra_eu_reverse_charge'
		? { clientnr: '1', tax_type, tax_shifted: true, taxnumber: order.customer.vatNumber }
		: { clientnr: '1', tax_type };
}

export const invoiceFor = (order: CanonicalOrder, i: number): ReturnType<typeof buildInvoice> =>
	buildInvoice(order, debtorFor(order, i), BENCH_MAPPING);

export function generateCanonical(count: number, seed: number): CanonicalOrder[] {
	const r = seededRandom(seed);
	const orders: CanonicalOrder[] = [];
	for (let n = 0; n < count; n++) {
		const regimeRoll = r.next();
		const regime: VatRegime =
			regimeRoll < 0.7
				? 'domestic'
				: regimeRoll < 0.85
					? 'oss'
					: regimeRoll < 0.93
						? 'intra_eu_reverse_charge'
						: 'export';
		const ossCountry = r.pick(['DE', 'BE', 'FR', 'AT']);
		const rates =
			regime === 'domestic'
				? ['21', '9']
				: regime === 'oss'
					? [
							EU_VAT_RATES_2026[ossCountry].standard,
							...EU_VAT_RATES_2026[ossCountry].reduced.slice(0, 1),
						]
					: ['0'];
		const lines: OrderLine[] = [];
		const line = (
			kind: OrderLine['kind'],
			rate: string,
			quantity: number,
			inclCents: number,
			sourceLineId: string | null = null,
		) => {
			const h = parseRateHundredths(rate);
			const excl = roundDiv(inclCents * 100_000_000, 10_000 + h);
			lines.push({
				kind,
				description: `${kind} ${lines.length + 1}`,
				sku: null,
				quantity,
				vatRate: rate,
				lineExclMicros: excl,
				lineInclCents: inclCents,
				unitExclMicros: roundDiv(excl, quantity),
				sourceLineId,
			});
		};
		const articles = r.int(1, 8);
		for (let i = 0; i < articles; i++) {
			const q = r.chance(0.8) ? r.int(1, 3) : r.int(4, 40);
			line('article', r.pick(rates), q, r.int(50, 15_000) * q);
		}
		if (r.chance(0.3)) {
			for (const rate of new Set(lines.map((l) => l.vatRate))) {
				const gross = lines
					.filter((l) => l.vatRate === rate)
					.reduce((a, l) => a + l.lineInclCents, 0);
				line('discount', rate, 1, -Math.floor(gross / 10), 'disc');
			}
		}
		line('shipping', rates[0], 1, r.pick([0, 395, 495, 695, 995]));
		const credit = r.chance(0.04);
		if (credit)
			for (const l of lines)
				Object.assign(l, {
					lineInclCents: -l.lineInclCents,
					lineExclMicros: -l.lineExclMicros,
					unitExclMicros: -l.unitExclMicros,
				});
		const perRate = [...new Set(lines.map((l) => l.vatRate))].map((rate) => {
			const at = lines.filter((l) => l.vatRate === rate);
			const inclCents = at.reduce((a, l) => a + l.lineInclCents, 0);
			return {
				rate,
				inclCents,
				vatCents: inclCents - microsToCents(at.reduce((a, l) => a + l.lineExclMicros, 0)),
			};
		});
		const inclCents = perRate.reduce((a, p) => a + p.inclCents, 0);
		const vatCents = perRate.reduce((a, p) => a + p.vatCents, 0);
		const address = {
			name: 'Jan Jansen',
			company: '',
			street: 'Damrak',
			houseNumber: '1',
			line1: 'Damrak 1',
			zipcode: '1012 LG',
			city: 'Amsterdam',
			countryCode: 'NL',
			countryName: 'Nederland',
			phone: '',
		};
		orders.push({
			schemaVersion: 1,
			source: 'bench',
			number: String(100_000 + n),
			uuid: null,
			date: '2026-03-01',
			time: '12:00:00',
			timeZone: 'Europe/Amsterdam',
			placedAt: '2026-03-01T12:00:00+01:00',
			status: {
				id: '3',
				name: credit ? 'Gecrediteerd' : 'Betaald',
				isCredit: credit,
				changedAt: null,
			},
			isTest: false,
			archived: false,
			currency: 'EUR',
			currencyAssumed: false,
			businessModel: regime === 'intra_eu_reverse_charge' ? 'B2B' : 'B2C',
			customer: {
				email: `klant${n}@example.nl`,
				emailAsGiven: `klant${n}@example.nl`,
				name: 'Jan Jansen',
				company: '',
				vatNumber: regime === 'intra_eu_reverse_charge' ? 'DE123456789' : '',
				phone: '',
				shopCustomerId: null,
				invoiceAddress: address,
				deliveryAddress: null,
			},
			lines,
			totals: { inclCents, vatCents, exclCents: inclCents - vatCents, perRate },
			payment: { method: 'ideal', gateway: 'mollie', status: 'captured' },
			vat: {
				regime,
				reason: 'bench',
				taxCountry: regime === 'oss' ? ossCountry : regime === 'domestic' ? 'NL' : null,
				destinationCountry: regime === 'oss' ? ossCountry : 'NL',
			},
			discountCode: '',
			customerNote: '',
			customerReference: '',
			creditsOrderNumber: credit ? '99999' : null,
		});
	}
	return orders;
}
