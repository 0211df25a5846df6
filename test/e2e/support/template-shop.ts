/**
 * The shop the template's end-to-end tests run against: a generated shop, made more like a real day in two ways
 * the generator leaves out, and both sandboxes over it.
 * - Some orders are shipped/picked up on account: status "Verzonden"/"Afgehaald" with a bank transfer still
 *   pending. Those must become OPEN invoices (the others paid).
 * - The owner booked most customers before: enough of the daily batch's customers already exist as debtors that
 *   about `newShare` of them are new (the API-economy case is 30 %). The extra debtors are written as a
 *   bookkeeper would have (country, VAT number, "BTW verlegd" for EU businesses abroad), like the generator's own.
 */
import type { DemoShop } from '../../../sandbox/demo-shop';
import { startFactuursturenSandbox } from '../../../sandbox/factuursturen';
import {
	COUNTRIES,
	generateShop,
	type FactuursturenClientSeed,
	type MwwOrder,
} from '../../../sandbox/generator';
import { startMijnwebwinkelSandbox } from '../../../sandbox/mijnwebwinkel';
import { inLookback, isBooked, shopOrders, type ShopOrder } from './shop-expectations';

export interface TemplateShopOptions {
	seed: number;
	orderCount: number;
	today: string;
	days: number;
	lookbackDays: number;
	/** share of the daily batch's customers (orders that reach the debtor step) without a debtor yet */
	newShare: number;
	/** every n-th "Verzonden"/"Afgehaald" order of the batch waits for its bank transfer */
	pendingEvery: number;
}

export interface TemplateShop {
	demo: DemoShop;
	/** order numbers whose payment was made pending */
	pendingOrders: string[];
	/** e-mails of the batch that had no debtor before the run */
	newEmails: string[];
}

const ON_ACCOUNT_STATUSES = ['Verzonden', 'Afgehaald'];

function pendingBankTransfer(order: MwwOrder): void {
	const o = order as Record<string, unknown>;
	o.payment_status = 'pending';
	o.payment = {
		gateway_name: 'basic',
		method_name: 'bank_transfer',
		status: { id: 5, text: 'Betaling in afwachting' },
	};
}

function debtorSeed(o: ShopOrder): FactuursturenClientSeed {
	const invoice = (
		(o.raw.debtor as Record<string, unknown>).address as Record<string, Record<string, string>>
	).invoice;
	const iso = String(invoice.country_code ?? '').toUpperCase();
	const country = COUNTRIES[iso];
	if (!country) throw new Error(`test shop: no country data for ${iso} (order ${o.number})`);
	const vat = String(invoice.taxnumber ?? '').replace(/\s+/g, '');
	const business = String(invoice.company ?? '') !== '';
	return {
		contact: invoice.name.slice(0, 50),
		company: String(invoice.company ?? '').slice(0, 50),
		address: `${invoice.street} ${invoice.number}`.slice(0, 50),
		zipcode: String(invoice.zipcode).replace(/\s+/g, '').slice(0, 7),
		city: invoice.city.slice(0, 50),
		country: country.fsId,
		email: o.email,
		taxnumber: vat.slice(0, 18),
		tax_type: business ? 'extax' : 'intax',
		...(business && vat && iso !== 'NL' && country.eu ? { tax_shifted: 'true' as const } : {}),
	};
}

export async function startTemplateShop(opt: TemplateShopOptions): Promise<TemplateShop> {
	const shop = generateShop({
		seed: opt.seed,
		orderCount: opt.orderCount,
		today: opt.today,
		days: opt.days,
	});
	// the orders as the sandbox will serve them, read the same way the tests read them
	const asServed = {
		mijnwebwinkel: { orders: () => structuredClone(shop.orders), statuses: () => shop.statuses },
	} as unknown as DemoShop;
	const batch = shopOrders(asServed).filter((o) => isBooked(o) && inLookback(o, opt.lookbackDays));

	const onAccount = batch.filter(
		(o) => ON_ACCOUNT_STATUSES.includes(o.statusName) && o.canonical !== null,
	);
	const pendingOrders = onAccount.filter((_, i) => i % opt.pendingEvery === 0).map((o) => o.number);
	for (const order of shop.orders)
		if (pendingOrders.includes(String(order.number))) pendingBankTransfer(order);

	// which customers are new: the first ones (in order-number order) the generator did not already book and whose
	// debtor can be created (a reverse-charge customer without a VAT number is refused before that)
	const known = new Set(shop.existingDebtors.map((d) => d.email.trim().toLowerCase()));
	const reaching = batch.filter((o) => o.canonical !== null);
	const emails = [...new Set(reaching.map((o) => o.email))];
	const debtorRefused = new Set(
		reaching
			.filter(
				(o) =>
					o.canonical!.vat.regime === 'intra_eu_reverse_charge' && !o.canonical!.customer.vatNumber,
			)
			.map((o) => o.email),
	);
	const wantNew = Math.round(emails.length * opt.newShare);
	const newEmails = emails.filter((e) => !known.has(e) && !debtorRefused.has(e)).slice(0, wantNew);
	const extra = reaching.filter(
		(o, i, all) =>
			!known.has(o.email) &&
			!newEmails.includes(o.email) &&
			all.findIndex((x) => x.email === o.email) === i,
	);

	const demo: DemoShop = {
		shop,
		mijnwebwinkel: await startMijnwebwinkelSandbox({
			seed: opt.seed,
			orders: shop.orders,
			statuses: shop.statuses,
			port: 0,
		}),
		factuursturen: await startFactuursturenSandbox({
			seed: opt.seed,
			clients: [...shop.existingDebtors, ...extra.map(debtorSeed)].map(
				(d) => ({ ...d }) as Record<string, unknown>,
			),
			rateLimit: { budget: 1000, windowMs: 3_600_000 },
			port: 0,
		}),
		close: async () => {
			await Promise.all([demo.mijnwebwinkel.close(), demo.factuursturen.close()]);
		},
	};
	return { demo, pendingOrders, newEmails };
}
