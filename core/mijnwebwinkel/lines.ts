/**
 * Order lines and totals. Amounts are taken with the signs the API sent; the credit-order sign rule is
 * applied afterwards (see credit.ts), so every check here works on the data exactly as received.
 */
import type { CanonicalOrder, LineKind, OrderLine, VatRateTotal } from '../canonical-order';
import { OrderRefusal } from '../errors';
import { formatCents, formatRate, formatScaled, parseRateHundredths, roundDiv } from '../money';
import { centsAt, centsOf, cleanText, listOf, malformed, microsAt, rateAt, recordOf, textOf } from './raw';

const KINDS: Record<string, LineKind> = { article: 'article', shipping: 'shipping', payment: 'payment', discount: 'discount', custom: 'custom' };
const DEFAULT_DESCRIPTION: Record<LineKind, string> = {
	article: 'Artikel', shipping: 'Verzendkosten', payment: 'Transactiekosten', discount: 'Korting', custom: '',
};

const WHOLE_NUMBER = /^\s*-?\d+\s*$/;

function quantityOf(v: unknown, orderNumber: string, index: number): number {
	const q = typeof v === 'number' ? v : WHOLE_NUMBER.test(textOf(v)) ? Number(textOf(v)) : NaN;
	if (!Number.isSafeInteger(q) || q === 0) {
		throw malformed(orderNumber, `Order ${orderNumber}, line ${index + 1}: quantity "${textOf(v)}" is not a whole number other than 0.`, { line: index + 1 });
	}
	// A credit may carry negative quantities; the sign belongs to the amounts, the quantity stays a count.
	return Math.abs(q);
}

/** |gross·10^8 − net·(100 % + rate)| > one cent·10^8: in doubles while both products are exact, else in BigInt */
function partsDisagree(inclCents: number, exclMicros: number, rateHundredths: number): boolean {
	const gross = inclCents * 100_000_000;
	const net = exclMicros * (10_000 + rateHundredths);
	if (Number.isSafeInteger(gross) && Number.isSafeInteger(net)) {
		// both exact; the difference is exact wherever it is near the one-cent bound
		const diff = gross - net;
		return diff > 100_000_000 || diff < -100_000_000;
	}
	const diff = BigInt(inclCents) * 100_000_000n - BigInt(exclMicros) * BigInt(10_000 + rateHundredths);
	return diff > 100_000_000n || diff < -100_000_000n;
}

/**
 * Gross (2 decimals) and net (6 decimals) of one price part must agree with its rate to within a cent;
 * otherwise the VAT on that line is unknowable and we refuse rather than pick one of them.
 */
function checkPart(inclCents: number, exclMicros: number, rateHundredths: number, orderNumber: string, description: string): void {
	if (!partsDisagree(inclCents, exclMicros, rateHundredths)) return;
	{
		throw new OrderRefusal(
			'inconsistent_line_amounts',
			`Order ${orderNumber}, line "${description}": the amount including VAT (${formatCents(inclCents)}) does not match the amount excluding VAT (${formatScaled(exclMicros, 6)}) at ${formatRate(rateHundredths)} %.`,
			'Check the prices and VAT rate of this line in Mijnwebwinkel; correct the order there, then process it again.',
			orderNumber,
			{ description, inclCents, exclMicros, rate: formatRate(rateHundredths) },
		);
	}
}

export function mapLines(rawLines: unknown, orderNumber: string): OrderLine[] {
	if (!Array.isArray(rawLines)) throw malformed(orderNumber, `Order ${orderNumber} has no orderlines list.`);
	const out: OrderLine[] = [];
	for (let index = 0; index < rawLines.length; index++) {
		if (!(index in rawLines)) continue; // a hole in a sparse array, skipped as forEach did
		const line = recordOf(rawLines[index]);
		const kind = KINDS[textOf(line.type).trim().toLowerCase()] ?? 'custom';
		const quantity = quantityOf(line.quantity, orderNumber, index);
		const firstArticle = recordOf(listOf(line.articles)[0]);
		const description = cleanText(line.description) || cleanText(firstArticle.description) || DEFAULT_DESCRIPTION[kind];
		const sku = cleanText(firstArticle.sku) || null;
		const prices = listOf(line.price);
		if (prices.length === 0) throw malformed(orderNumber, `Order ${orderNumber}, line "${description}" has no price.`, { line: index + 1 });
		// Only a line really split over several rates gets a shared id; a one-element array is not a split.
		const sourceLineId = prices.length > 1 ? textOf(line.id) || `line-${index + 1}` : null;
		for (const rawPrice of prices) {
			const price = recordOf(rawPrice);
			if (price.amount_including_tax === undefined || price.amount_including_tax === null) {
				throw malformed(orderNumber, `Order ${orderNumber}, line "${description}" has no amount_including_tax.`, { line: index + 1 });
			}
			// field names like "orderlines[0].price.amount" are only built for a refusal
			const lineInclCents = centsAt(price.amount_including_tax, 'orderlines', index, '.price.amount_including_tax', orderNumber);
			const lineExclMicros = microsAt(price.amount, 'orderlines', index, '.price.amount', orderNumber);
			const rateHundredths = rateAt(price.rate, 'orderlines', index, '.price.rate', orderNumber);
			checkPart(lineInclCents, lineExclMicros, rateHundredths, orderNumber, description);
			out.push({
				kind,
				description,
				sku,
				quantity,
				vatRate: formatRate(rateHundredths),
				lineExclMicros,
				lineInclCents,
				unitExclMicros: roundDiv(lineExclMicros, quantity),
				sourceLineId,
			});
		}
	}
	return out;
}


interface RateSum {
	hundredths: number;
	incl: number;
	excl: number;
	parts: number;
}

/** the line's canonical rate string back as hundredths ("5.5" → 550), for sorting */
const rateHundredthsOfLine = (l: OrderLine): number => parseRateHundredths(l.vatRate);

/**
 * Totals from `price`: the order total is the shop's; VAT per rate is the shop's `price.tax`; gross per rate is
 * the sum of the lines. Every disagreement is refused with the numbers, never absorbed.
 */
export function mapTotals(rawPrice: unknown, lines: OrderLine[], orderNumber: string): CanonicalOrder['totals'] {
	const price = recordOf(rawPrice);
	const inclCents = centsOf(price.total, 'price.total', orderNumber);
	const linesIncl = lines.reduce((sum, l) => sum + l.lineInclCents, 0);
	if (linesIncl !== inclCents) {
		throw new OrderRefusal(
			'order_total_mismatch',
			`Order ${orderNumber}: the lines add up to ${formatCents(linesIncl)} including VAT, but the order total is ${formatCents(inclCents)} (difference ${formatCents(inclCents - linesIncl)}).`,
			'Open the order in Mijnwebwinkel and check its lines, discounts and costs against the total; correct the order there, then process it again. Nothing was booked.',
			orderNumber,
			{ linesInclCents: linesIncl, orderInclCents: inclCents, differenceCents: inclCents - linesIncl },
		);
	}

	const reported = new Map<string, number>();
	const taxes = listOf(price.tax);
	for (let i = 0; i < taxes.length; i++) {
		if (!(i in taxes)) continue; // a hole in a sparse array, skipped as forEach did
		const tax = recordOf(taxes[i]);
		const rate = formatRate(rateAt(tax.rate, 'price.tax', i, '.rate', orderNumber));
		reported.set(rate, (reported.get(rate) ?? 0) + centsAt(tax.amount, 'price.tax', i, '.amount', orderNumber));
	}

	const byRate = new Map<string, RateSum>();
	for (const l of lines) {
		const e = byRate.get(l.vatRate);
		if (e === undefined) {
			byRate.set(l.vatRate, { hundredths: rateHundredthsOfLine(l), incl: l.lineInclCents, excl: l.lineExclMicros, parts: 1 });
		} else {
			e.incl += l.lineInclCents;
			e.excl += l.lineExclMicros;
			e.parts += 1;
		}
	}

	for (const [rate, amount] of reported) {
		if (!byRate.has(rate) && amount !== 0) {
			throw new OrderRefusal(
				'vat_rate_without_line',
				`Order ${orderNumber} reports ${formatCents(amount)} VAT at ${rate} %, but no line of the order has that rate.`,
				'Check the VAT of this order in Mijnwebwinkel (order detail, VAT summary); correct the order there, then process it again.',
				orderNumber,
				{ rate, vatCents: amount },
			);
		}
	}

	const perRate: VatRateTotal[] = [...byRate.entries()]
		.sort(([, a], [, b]) => b.hundredths - a.hundredths)
		.map(([rate, e]) => {
			const vatCents = reported.get(rate) ?? 0;
			// The shop rounds VAT per rate, lines round their gross: allow half a cent per line part, plus one.
			const implied = e.incl - roundDiv(e.excl, 10_000);
			if (Math.abs(vatCents - implied) > Math.max(1, e.parts)) {
				throw new OrderRefusal(
					'order_vat_mismatch',
					`Order ${orderNumber}: Mijnwebwinkel reports ${formatCents(vatCents)} VAT at ${rate} %, but the lines at that rate imply ${formatCents(implied)}.`,
					'Check the VAT of this order in Mijnwebwinkel; correct the order there, then process it again. Nothing was booked.',
					orderNumber,
					{ rate, reportedVatCents: vatCents, impliedVatCents: implied },
				);
			}
			return { rate, vatCents, inclCents: e.incl };
		});

	const vatCents = perRate.reduce((sum, r) => sum + r.vatCents, 0);
	return { inclCents, vatCents, exclCents: inclCents - vatCents, perRate };
}
