/**
 * Order lines and totals. Amounts are taken with the signs the API sent; the credit-order sign rule is
 * applied afterwards (see credit.ts), so every check here works on the data exactly as received.
 */
import type { CanonicalOrder, LineKind, OrderLine, VatRateTotal } from '../canonical-order';
import { OrderRefusal } from '../errors';
import { formatCents, formatRate, formatScaled, parseRateHundredths, roundDiv } from '../money';
import {
	centsAt,
	centsOf,
	cleanText,
	isRecord,
	listOf,
	malformed,
	microsAt,
	rateAt,
	recordOf,
	textOf,
} from './raw';

const KINDS: Record<string, LineKind> = {
	article: 'article',
	shipping: 'shipping',
	payment: 'payment',
	discount: 'discount',
	custom: 'custom',
};
const DEFAULT_DESCRIPTION: Record<LineKind, string> = {
	article: 'Artikel',
	shipping: 'Verzendkosten',
	payment: 'Transactiekosten',
	discount: 'Korting',
	custom: '',
};

/** the line type as a kind: the exact lower-case names directly, anything else trimmed and lower-cased first */
const KIND_NAMES = new Map(Object.entries(KINDS));
function kindOf(type: unknown): LineKind {
	const exact = typeof type === 'string' ? KIND_NAMES.get(type) : undefined;
	return exact ?? KINDS[textOf(type).trim().toLowerCase()] ?? 'custom';
}

const WHOLE_NUMBER = /^\s*-?\d+\s*$/;

function quantityOf(v: unknown, orderNumber: string, index: number): number {
	const q = typeof v === 'number' ? v : WHOLE_NUMBER.test(textOf(v)) ? Number(textOf(v)) : NaN;
	if (!Number.isSafeInteger(q) || q === 0) {
		throw malformed(
			orderNumber,
			`Order ${orderNumber}, line ${index + 1}: quantity "${textOf(v)}" is not a whole number other than 0.`,
			{ line: index + 1 },
		);
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
	const diff =
		BigInt(inclCents) * 100_000_000n - BigInt(exclMicros) * BigInt(10_000 + rateHundredths);
	return diff > 100_000_000n || diff < -100_000_000n;
}

/**
 * Gross (2 decimals) and net (6 decimals) of one price part must agree with its rate to within a cent;
 * otherwise the VAT on that line is unknowable and we refuse rather than pick one of them.
 */
function checkPart(
	inclCents: number,
	exclMicros: number,
	rateHundredths: number,
	orderNumber: string,
	description: string,
): void {
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
	if (!Array.isArray(rawLines))
		throw malformed(orderNumber, `Order ${orderNumber} has no orderlines list.`);
	const out: OrderLine[] = [];
	for (let index = 0; index < rawLines.length; index++) {
		if (!(index in rawLines)) continue; // a hole in a sparse array, skipped as forEach did
		const line = recordOf(rawLines[index]);
		const kind = kindOf(line.type);
		const quantity = quantityOf(line.quantity, orderNumber, index);
		const firstArticle = recordOf(listOf(line.articles)[0]);
		const description =
			cleanText(line.description) ||
			cleanText(firstArticle.description) ||
			DEFAULT_DESCRIPTION[kind];
		const sku = cleanText(firstArticle.sku) || null;
		// `price` is one object, or an array of them when the line is split over rates (listOf, without the array)
		const single = isRecord(line.price);
		const prices = single ? [] : listOf(line.price);
		const count = single ? 1 : prices.length;
		if (count === 0)
			throw malformed(orderNumber, `Order ${orderNumber}, line "${description}" has no price.`, {
				line: index + 1,
			});
		// Only a line really split over several rates gets a shared id; a one-element array is not a split.
		const sourceLineId = count > 1 ? textOf(line.id) || `line-${index + 1}` : null;
		for (let p = 0; p < count; p++) {
			const price = recordOf(single ? line.price : prices[p]);
			if (price.amount_including_tax === undefined || price.amount_including_tax === null) {
				throw malformed(
					orderNumber,
					`Order ${orderNumber}, line "${description}" has no amount_including_tax.`,
					{ line: index + 1 },
				);
			}
			// field names like "orderlines[0].price.amount" are only built for a refusal
			const lineInclCents = centsAt(
				price.amount_including_tax,
				'orderlines',
				index,
				'.price.amount_including_tax',
				orderNumber,
			);
			const lineExclMicros = microsAt(
				price.amount,
				'orderlines',
				index,
				'.price.amount',
				orderNumber,
			);
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
	rate: string;
	hundredths: number;
	incl: number;
	excl: number;
	parts: number;
}

/** a few rates per order: a list searched from the start is cheaper than a Map */
function find<T extends { rate: string }>(list: T[], rate: string): T | undefined {
	for (const entry of list) if (entry.rate === rate) return entry;
	return undefined;
}

/**
 * Totals from `price`: the order total is the shop's; VAT per rate is the shop's `price.tax`; gross per rate is
 * the sum of the lines. Every disagreement is refused with the numbers, never absorbed.
 */
export function mapTotals(
	rawPrice: unknown,
	lines: OrderLine[],
	orderNumber: string,
): CanonicalOrder['totals'] {
	const price = recordOf(rawPrice);
	const inclCents = centsOf(price.total, 'price.total', orderNumber);
	let linesIncl = 0;
	for (const l of lines) linesIncl += l.lineInclCents;
	if (linesIncl !== inclCents) {
		throw new OrderRefusal(
			'order_total_mismatch',
			`Order ${orderNumber}: the lines add up to ${formatCents(linesIncl)} including VAT, but the order total is ${formatCents(inclCents)} (difference ${formatCents(inclCents - linesIncl)}).`,
			'Open the order in Mijnwebwinkel and check its lines, discounts and costs against the total; correct the order there, then process it again. Nothing was booked.',
			orderNumber,
			{
				linesInclCents: linesIncl,
				orderInclCents: inclCents,
				differenceCents: inclCents - linesIncl,
			},
		);
	}

	// VAT per rate as the shop reports it, in the order of its first mention (duplicates summed)
	const reported: Array<{ rate: string; cents: number }> = [];
	const taxes = listOf(price.tax);
	for (let i = 0; i < taxes.length; i++) {
		if (!(i in taxes)) continue; // a hole in a sparse array, skipped as forEach did
		const tax = recordOf(taxes[i]);
		const rate = formatRate(rateAt(tax.rate, 'price.tax', i, '.rate', orderNumber));
		const entry = find(reported, rate);
		const cents = centsAt(tax.amount, 'price.tax', i, '.amount', orderNumber);
		if (entry === undefined) reported.push({ rate, cents });
		else entry.cents += cents;
	}

	// the lines per rate, in the order the rates first appear
	const byRate: RateSum[] = [];
	for (const l of lines) {
		const e = find(byRate, l.vatRate);
		if (e === undefined) {
			byRate.push({
				rate: l.vatRate,
				hundredths: parseRateHundredths(l.vatRate),
				incl: l.lineInclCents,
				excl: l.lineExclMicros,
				parts: 1,
			});
		} else {
			e.incl += l.lineInclCents;
			e.excl += l.lineExclMicros;
			e.parts += 1;
		}
	}

	for (const { rate, cents: amount } of reported) {
		if (find(byRate, rate) === undefined && amount !== 0) {
			throw new OrderRefusal(
				'vat_rate_without_line',
				`Order ${orderNumber} reports ${formatCents(amount)} VAT at ${rate} %, but no line of the order has that rate.`,
				'Check the VAT of this order in Mijnwebwinkel (order detail, VAT summary); correct the order there, then process it again.',
				orderNumber,
				{ rate, vatCents: amount },
			);
		}
	}

	// highest rate first (rates are distinct; an insertion sort of a few entries allocates nothing)
	for (let i = 1; i < byRate.length; i++) {
		const e = byRate[i];
		let j = i - 1;
		for (; j >= 0 && byRate[j].hundredths < e.hundredths; j--) byRate[j + 1] = byRate[j];
		byRate[j + 1] = e;
	}
	const perRate: VatRateTotal[] = [];
	let vatCents = 0;
	for (const e of byRate) {
		const rate = e.rate;
		const rateVat = find(reported, rate)?.cents ?? 0;
		// The shop rounds VAT per rate, lines round their gross: allow half a cent per line part, plus one.
		const implied = e.incl - roundDiv(e.excl, 10_000);
		if (Math.abs(rateVat - implied) > Math.max(1, e.parts)) {
			throw new OrderRefusal(
				'order_vat_mismatch',
				`Order ${orderNumber}: Mijnwebwinkel reports ${formatCents(rateVat)} VAT at ${rate} %, but the lines at that rate imply ${formatCents(implied)}.`,
				'Check the VAT of this order in Mijnwebwinkel; correct the order there, then process it again. Nothing was booked.',
				orderNumber,
				{ rate, reportedVatCents: rateVat, impliedVatCents: implied },
			);
		}
		perRate.push({ rate, vatCents: rateVat, inclCents: e.incl });
		vatCents += rateVat;
	}
	return { inclCents, vatCents, exclCents: inclCents - vatCents, perRate };
}
