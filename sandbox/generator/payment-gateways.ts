/**
 * The payment gateways and methods the sandbox serves: `/v1/payment/gateways` lists the whole catalogue,
 * `/v1/payment/stores/{store}/gateways` the gateways and methods the store's orders use, with the store's
 * transaction costs (the cost lines the generator adds). Method names are those orders carry in
 * `payment.method_name`; display names follow the language (Dutch for nl_*, English otherwise).
 */
import { formatCents } from '../common/decimal';
import { PAYMENT_COSTS } from './basket';

interface Named {
	name: string;
	nl: string;
	en: string;
}

const METHODS: Record<string, Named> = Object.fromEntries(
	(
		[
			['ideal', 'iDEAL', 'iDEAL'],
			['bancontact', 'Bancontact', 'Bancontact'],
			['creditcard', 'Creditcard', 'Credit card'],
			['paypal', 'PayPal', 'PayPal'],
			['klarna_paylater', 'Klarna achteraf betalen', 'Klarna pay later'],
			['sofortbanking', 'SOFORT Banking', 'SOFORT Banking'],
			['giropay', 'giropay', 'giropay'],
			['bank_transfer', 'Bankoverschrijving', 'Bank transfer'],
			['advance', 'Vooruitbetaling', 'Payment in advance'],
			['cash', 'Contant', 'Cash'],
			['pickup', 'Betalen bij afhalen', 'Pay on pickup'],
			['invoice', 'Op rekening', 'On account'],
			['in_arrears', 'Achteraf betalen', 'Pay afterwards'],
		] as const
	).map(([name, nl, en]) => [name, { name, nl, en }]),
);

interface Gateway extends Named {
	websiteUrl: string;
	methods: string[];
}

export const GATEWAYS: readonly Gateway[] = [
	{
		name: 'basic',
		nl: 'Zelf afhandelen',
		en: 'Manual',
		websiteUrl: 'https://www.mijnwebwinkel.nl/',
		methods: ['bank_transfer', 'advance', 'cash', 'pickup', 'invoice', 'in_arrears'],
	},
	{
		name: 'mollie',
		nl: 'Mollie',
		en: 'Mollie',
		websiteUrl: 'https://www.mollie.com/',
		methods: [
			'ideal',
			'bancontact',
			'creditcard',
			'paypal',
			'klarna_paylater',
			'sofortbanking',
			'giropay',
		],
	},
	{
		name: 'multisafepay',
		nl: 'MultiSafepay',
		en: 'MultiSafepay',
		websiteUrl: 'https://www.multisafepay.com/',
		methods: ['ideal', 'bancontact', 'creditcard', 'paypal'],
	},
	{
		name: 'paypal',
		nl: 'PayPal',
		en: 'PayPal',
		websiteUrl: 'https://www.paypal.com/',
		methods: ['paypal'],
	},
];

type Json = Record<string, unknown>;

const display = (n: Named | undefined, fallback: string, language: string): string =>
	n ? (language.startsWith('nl') ? n.nl : n.en) : fallback;

/** the whole catalogue (PaymentGateways) */
export function allGateways(language: string): { gateways: Json[] } {
	return {
		gateways: GATEWAYS.map((g) => ({
			name: g.name,
			displayName: display(g, g.name, language),
			websiteUrl: g.websiteUrl,
			methods: g.methods.map((m) => ({ name: m, displayName: display(METHODS[m], m, language) })),
		})),
	};
}

/** the (gateway, method) pairs orders in the API shape use, in the catalogue's order, unknown ones after it */
export function usedPayments(orders: readonly unknown[]): Map<string, string[]> {
	const used = new Map<string, Set<string>>();
	for (const o of orders) {
		const p = (o as { payment?: { gateway_name?: unknown; method_name?: unknown } } | null)
			?.payment;
		if (typeof p?.gateway_name !== 'string' || typeof p.method_name !== 'string' || !p.method_name)
			continue;
		if (!used.has(p.gateway_name)) used.set(p.gateway_name, new Set());
		used.get(p.gateway_name)!.add(p.method_name);
	}
	const rank = (g: string) => {
		const i = GATEWAYS.findIndex((x) => x.name === g);
		return i < 0 ? GATEWAYS.length : i;
	};
	const result = new Map<string, string[]>();
	for (const g of [...used.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))) {
		const order = GATEWAYS.find((x) => x.name === g)?.methods ?? [];
		const methods = [...used.get(g)!].sort((a, b) => {
			const ia = order.indexOf(a) < 0 ? order.length : order.indexOf(a);
			const ib = order.indexOf(b) < 0 ? order.length : order.indexOf(b);
			return ia - ib || a.localeCompare(b);
		});
		result.set(g, methods);
	}
	return result;
}

/** the store's own gateways (StorePaymentGateways) */
export function storeGateways(
	used: ReadonlyMap<string, readonly string[]>,
	language: string,
): { gateways: Json[] } {
	return {
		gateways: [...used].map(([g, methods]) => {
			const known = GATEWAYS.find((x) => x.name === g);
			return {
				name: g,
				displayName: display(known, g, language),
				websiteUrl: known?.websiteUrl ?? '',
				methods: methods.map((m) => ({
					name: m,
					displayName: display(METHODS[m], m, language),
					settings: {
						cost: { amount: formatCents(PAYMENT_COSTS[m]?.cents ?? 0), percentage: '0.00' },
					},
				})),
			};
		}),
	};
}
