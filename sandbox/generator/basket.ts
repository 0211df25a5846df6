/**
 * The contents of one order: article lines (with options and "Action price" sale prices), custom lines,
 * discounts split over the affected rates, shipping and payment costs (fixed rate or split proportionally).
 * Amounts are parts per VAT rate (see amounts.ts); rendering to the API shape happens in render.ts.
 */
import type { Random } from '../common/random';
import { divRound as roundDiv } from '../common/decimal';
import {
	articlePart,
	grossOfNet,
	netOfGross,
	partOfGross,
	splitByWeights,
	type TaxPart,
} from './amounts';
import { PRODUCTS, type Product, type RateKind } from './catalog';
import type { CountryInfo } from './countries';
import type { ShopCategory } from './types';

/** how the order is taxed: which rates apply to which product kind and how prices are derived */
export interface TaxContext {
	/** rate (hundredths) per product kind */
	rates: Record<RateKind, number>;
	/** true when the customer pays prices excl. Dutch VAT at 0 % (reverse charge, export) */
	zeroRated: boolean;
	/** rate shipping gets under the "fixed" method */
	standard: number;
}

export interface DraftArticle {
	product: Product;
	/** regular unit price excl. VAT, micros */
	regularUnitNet: number;
	/** "Action price" option amount per unit (negative), micros */
	actionUnitNet: number | null;
	option: string | null;
	optionId: number | null;
	rateH: number;
}

export interface DraftLine {
	type: 'article' | 'custom' | 'shipping' | 'payment' | 'discount';
	quantity: number;
	description: string;
	parts: TaxPart[];
	/** render a single part as a one-element array instead of an object */
	arrayOfOne: boolean;
	weightGrams: number;
	article: DraftArticle | null;
}

const DISCOUNT_CODES = [
	{ code: 'WELKOM10', percent: 10 },
	{ code: 'ZOMER5', fixed: 500 },
	{ code: 'VIP15', percent: 15 },
	{ code: 'theeleut', percent: 5 },
] as const;

export const PAYMENT_COSTS: Record<string, { cents: number; label: string }> = {
	ideal: { cents: 35, label: 'Transactiekosten iDEAL' },
	paypal: { cents: 60, label: 'Transactiekosten PayPal' },
	klarna_paylater: { cents: 195, label: 'Toeslag achteraf betalen' },
	bancontact: { cents: 25, label: 'Transactiekosten Bancontact' },
};

/** unit price the customer sees for a product under a tax context, in cents */
function unitGross(p: Product, ctx: TaxContext): number {
	const rateH = ctx.rates[p.rateKind];
	if (p.rateKind === 'zero') return p.grossCents;
	const nlRate = p.rateKind === 'standard' ? 2100 : 900;
	const nlNet = netOfGross(p.grossCents, nlRate);
	if (ctx.zeroRated) return roundDiv(nlNet, 10_000);
	if (rateH === nlRate) return p.grossCents;
	// OSS: same price excl. VAT, destination VAT on top
	return grossOfNet(nlNet, rateH);
}

const unitNetOf = (grossCents: number, rateH: number): number =>
	rateH === 0 ? grossCents * 10_000 : netOfGross(grossCents, rateH);

export interface BasketResult {
	lines: DraftLine[];
	discountCode: string;
	features: Set<ShopCategory>;
}

export function buildBasket(
	r: Random,
	ctx: TaxContext,
	opts: { destination: CountryInfo; pickup: boolean; paymentMethod: string; allowVoucher: boolean },
): BasketResult {
	const features = new Set<ShopCategory>();
	const lines: DraftLine[] = [];
	const lineCount = r.pick([1, 1, 1, 2, 2, 2, 3, 3, 4, 5]);
	const pool = PRODUCTS.filter((p) => p.rateKind !== 'zero');
	const chosen = new Set<Product>();
	while (chosen.size < lineCount) chosen.add(r.pick(pool));
	if (opts.allowVoucher && r.chance(0.06))
		chosen.add(r.pick(PRODUCTS.filter((p) => p.rateKind === 'zero')));

	for (const product of chosen) {
		const rateH = ctx.rates[product.rateKind];
		const quantity = r.chance(0.75) ? 1 : r.chance(0.8) ? r.int(2, 3) : r.int(4, 12);
		const regularGross = unitGross(product, ctx);
		const regularUnitNet = unitNetOf(regularGross, rateH);
		let unitNet = regularUnitNet;
		let actionUnitNet: number | null = null;
		if (product.rateKind !== 'zero' && r.chance(0.12)) {
			// A sale: the article keeps its regular price and an "Action price" option carries the (negative) difference.
			const saleGross = roundDiv(regularGross * r.pick([70, 75, 80, 85, 90]), 100);
			unitNet = unitNetOf(saleGross, rateH);
			actionUnitNet = unitNet - regularUnitNet;
			features.add('action_price');
		}
		const optionIndex =
			product.options && r.chance(0.7) ? r.int(0, product.options.length - 1) : null;
		const option = optionIndex === null ? null : product.options![optionIndex];
		if (option) features.add('article_options');
		lines.push({
			type: 'article',
			quantity,
			description: option ? `${product.name} - ${option}` : product.name,
			parts: [articlePart(quantity, unitNet, rateH)],
			arrayOfOne: r.chance(0.08),
			weightGrams: product.weight * quantity,
			article: {
				product,
				regularUnitNet,
				actionUnitNet,
				option,
				optionId: optionIndex === null ? null : 900 + optionIndex,
				rateH,
			},
		});
	}

	if (r.chance(0.05)) {
		const rateH = ctx.rates.standard;
		const gross = ctx.zeroRated ? 207 : 250;
		lines.push({
			type: 'custom',
			quantity: 1,
			description: 'Cadeauverpakking',
			parts: [partOfGross(gross, rateH)],
			arrayOfOne: false,
			weightGrams: 50,
			article: null,
		});
		features.add('custom_line');
	}

	// Goods per rate: the key for splitting discounts and (proportional) costs. 0 % goods (vouchers) only
	// take a share when there is nothing else.
	const goods = new Map<number, number>();
	for (const l of lines)
		for (const p of l.parts) goods.set(p.rateH, (goods.get(p.rateH) ?? 0) + p.grossCents);
	const taxable = [...goods].filter(([rate]) => rate > 0);
	const weights = (taxable.length > 0 ? taxable : [...goods])
		.map(([rateH, weight]) => ({ rateH, weight }))
		.sort((a, b) => a.rateH - b.rateH);
	const goodsTotal = [...goods.values()].reduce((a, b) => a + b, 0);

	let discountCode = '';
	if (r.chance(0.16)) {
		const d = r.pick(DISCOUNT_CODES);
		const base = weights.reduce((s, w) => s + w.weight, 0);
		const amount = 'percent' in d ? roundDiv(base * d.percent, 100) : Math.min(d.fixed, base);
		const shares = splitByWeights(-amount, weights);
		if (shares.length > 0) {
			discountCode = d.code;
			lines.push({
				type: 'discount',
				quantity: 1,
				description: `Korting (${d.code})`,
				parts: shares.map((s) => partOfGross(s.amount, s.rateH)),
				arrayOfOne: true, // discount lines always carry an array of TaxPrice (changelog 2.0.14)
				weightGrams: 0,
				article: null,
			});
			features.add('discount');
		}
	}

	const costLine = (type: 'shipping' | 'payment', gross: number, description: string): void => {
		const proportional = weights.length > 1 && r.chance(type === 'shipping' ? 0.7 : 0.6);
		const parts = proportional
			? splitByWeights(gross, weights).map((s) => partOfGross(s.amount, s.rateH))
			: [partOfGross(gross, ctx.zeroRated ? 0 : ctx.standard)];
		if (proportional) features.add(type === 'shipping' ? 'shipping_split' : 'payment_split');
		features.add(type === 'shipping' ? 'shipping_line' : 'payment_line');
		lines.push({
			type,
			quantity: 1,
			description,
			parts,
			arrayOfOne: !proportional && r.chance(0.12),
			weightGrams: 0,
			article: null,
		});
	};

	if (!opts.pickup && goodsTotal < 7500) {
		const iso = opts.destination.iso;
		const [gross, label] =
			iso === 'NL'
				? r.pick([
						[695, 'Verzendkosten PostNL'],
						[495, 'Verzendkosten brievenbuspakje'],
					] as const)
				: opts.destination.eu
					? ([1250, 'Verzendkosten Europa'] as const)
					: ([2495, 'Verzendkosten wereld'] as const);
		costLine('shipping', ctx.zeroRated ? roundDiv(gross * 100, 121) : gross, label);
	}
	const cost = PAYMENT_COSTS[opts.paymentMethod];
	if (cost && r.chance(0.45))
		costLine('payment', ctx.zeroRated ? roundDiv(cost.cents * 100, 121) : cost.cents, cost.label);

	const rates = new Set(lines.flatMap((l) => l.parts.map((p) => p.rateH)));
	if (rates.size > 1) features.add('mixed_rates');
	if (rates.size > 2) features.add('three_rates');
	if (lines.some((l) => l.parts.some((p) => p.rateH === 0)) && !ctx.zeroRated)
		features.add('zero_rate_line');
	return { lines, discountCode, features };
}

/** a credit order's lines: the whole original, or part of one article line (positive amounts) */
export function creditLines(r: Random, original: readonly DraftLine[]): DraftLine[] {
	const articles = original.filter((l) => l.type === 'article');
	if (r.chance(0.5) || articles.length === 0)
		return original.map((l) => ({ ...l, parts: l.parts.map((p) => ({ ...p })) }));
	const line = r.pick(articles);
	const quantity = r.int(1, line.quantity);
	const a = line.article!;
	const unitNet = a.regularUnitNet + (a.actionUnitNet ?? 0);
	return [
		{
			...line,
			quantity,
			parts: [articlePart(quantity, unitNet, a.rateH)],
			weightGrams: a.product.weight * quantity,
		},
	];
}
