/**
 * Everything besides orders the sandbox serves: the store, its tax regions, its articles and the customer
 * accounts (derived from the orders' registered debtors, so `/customers` and `/orders` agree), plus the
 * Factuursturen clients that "already exist" for a share of the customers.
 */
import { seededRandom, type Random } from '../common/random';
import { formatScaled } from '../common/decimal';
import { fmtCents } from './amounts';
import { PRODUCTS } from './catalog';
import { COUNTRIES, OSS_COUNTRIES } from './countries';
import { addDays, clock, uuid } from './ids';
import type { Person } from './people';
import type { FactuursturenClientSeed, MwwArticle, MwwCustomer, MwwOrder } from './types';

export const SHOP_VAT_NUMBER = 'NL859632147B01';

/** uuids of articles in catalogue order (stable per seed) */
export function articleUuids(seed: number): string[] {
	const r = seededRandom(seed ^ 0x5eed);
	return PRODUCTS.map(() => uuid(r));
}

export function buildStore(seed: number): Record<string, unknown> {
	const r = seededRandom(seed ^ 0x570e);
	return {
		id: uuid(r),
		name: "Het Theehuisje 't Gooi",
		primary_domain: 'https://www.het-theehuisje.example',
		description: 'Thee, koffie, lekkers en alles voor aan tafel',
		open: true,
		version: 'Premium',
		administration_language: 'nl_NL',
		currency: 'EUR',
		prices_include_tax: true,
		default_language: 'nl_NL',
		active_languages: ['nl_NL', 'en_GB', 'de_DE'],
		currency_format_locale: 'nl_NL',
		available_business_models: 'ALL',
		region_code: 'NL',
	};
}

/** a rate in hundredths of a percent as the fraction string the tax-policy API uses: 2100 → "0.21", 550 → "0.055" */
const fraction = (rateH: number): string => formatScaled(rateH, 4).replace(/\.?0+$/, '') || '0';

export function buildRegions(seed: number): Array<Record<string, unknown>> {
	const uuids = articleUuids(seed);
	const refs = (kind: string): string[] =>
		PRODUCTS.flatMap((p, i) => (p.rateKind === kind ? [uuids[i]] : []));
	return ['NL', ...OSS_COUNTRIES].map((iso) => {
		const c = COUNTRIES[iso];
		return {
			regionCode: iso,
			taxEnabled: true,
			taxNumber: SHOP_VAT_NUMBER,
			taxRate: fraction(c.standard),
			shippingTaxMethod: 'proportional',
			shippingTaxRate: null,
			transactionTaxMethod: 'proportional',
			transactionTaxRate: null,
			overrides: [
				{ taxRate: fraction(c.reduced), items: [{ type: 'product', references: refs('reduced') }] },
				{ taxRate: '0', items: [{ type: 'product', references: refs('zero') }] },
			],
		};
	});
}

export function buildArticles(seed: number, today: string): MwwArticle[] {
	const r = seededRandom(seed ^ 0xa271);
	const uuids = articleUuids(seed);
	return PRODUCTS.map((p, i) => {
		const created = addDays(today, -r.int(100, 900));
		return {
			id: p.id,
			uuid: uuids[i],
			name: p.name,
			description: `<p>${p.name}</p>`,
			sku: p.sku,
			badge_text: '',
			taxable: p.rateKind !== 'zero',
			price: {
				default: fmtCents(p.grossCents),
				action: '',
				purchase: p.purchaseCents === null ? '' : fmtCents(p.purchaseCents),
			},
			stock: r.int(0, 250),
			delivery_days: r.int(1, 5),
			can_backorder: r.chance(0.3),
			meta_title: p.name,
			meta_description: '',
			extra: { visible: [], invisible: [{ name: 'weight', value: String(p.weight) }] },
			created_date: created,
			created_time: clock(r.int(0, 86_399)),
			updated_date: addDays(created, r.int(0, 90)),
			updated_time: clock(r.int(0, 86_399)),
			categories: [{ category_id: 748_020 + (p.rateKind === 'reduced' ? 2 : 1), position: i + 1 }],
			lists: [],
			images: [],
			variants: [],
		};
	});
}

/** customer accounts behind the orders' registered debtors (camelCase, as the customers API speaks) */
export function customersFromOrders(
	orders: readonly unknown[],
	storeId: string,
	seed: number,
): MwwCustomer[] {
	const r: Random = seededRandom(seed ^ 0xc057);
	const byId = new Map<string, MwwCustomer>();
	for (const raw of orders) {
		const o = raw as Partial<MwwOrder>;
		const id = o.debtor?.id;
		if (typeof id !== 'string' || byId.has(id)) continue;
		const inv = o.debtor?.address?.invoice;
		const [firstName, ...rest] = String(inv?.name ?? '').split(' ');
		byId.set(id, {
			id,
			storeId,
			email: String(o.debtor?.email ?? '')
				.trim()
				.toLowerCase(),
			firstName: firstName || null,
			lastName: rest.join(' ') || null,
			dateOfBirth: null,
			description: null,
			addresses: inv
				? [
						{
							id: uuid(r),
							firstName: firstName ?? '',
							lastName: rest.join(' '),
							street: inv.street ?? '',
							streetNumber: inv.number ?? '',
							zipCode: inv.zipcode,
							city: inv.city ?? '',
							countryCode: inv.country_code ?? 'NL',
							company: inv.company || null,
							// the spec's enum is F|M without null: an unknown gender is left out
							...(inv.gender === 'M' ? { gender: 'M' } : inv.gender === 'V' ? { gender: 'F' } : {}),
							phone: inv.phone || null,
							taxNumber: inv.taxnumber || null,
							iban: inv.bankaccount || null,
							isDefaultForDelivery: true,
							isDefaultForInvoice: true,
						},
					]
				: [],
		});
	}
	return [...byId.values()];
}

const cut = (s: string, n: number): string => (s.length > n ? s.slice(0, n).trimEnd() : s);

/**
 * Factuursturen clients for ~40 % of the customers. They hold what Factuursturen accepts (field limits), so
 * long values are cut; some have an older address (the node must still not modify them) and some an e-mail
 * in other letter case.
 */
export function existingDebtorsFor(
	r: Random,
	people: readonly Person[],
): FactuursturenClientSeed[] {
	const out: FactuursturenClientSeed[] = [];
	const taxTypes = new Set<string>();
	people.forEach((p, i) => {
		const last = i === people.length - 1;
		// at least one of each tax_type when there is anyone at all
		const force = last && out.length > 0 && taxTypes.size < 2;
		if (!force && !r.chance(0.4)) return;
		const a = p.invoice;
		const moved = r.chance(0.15);
		let taxType: 'extax' | 'intax' = p.business
			? r.chance(0.7)
				? 'extax'
				: 'intax'
			: r.chance(0.6)
				? 'intax'
				: 'extax';
		if (force) taxType = taxTypes.has('extax') ? 'intax' : 'extax';
		taxTypes.add(taxType);
		const caseRoll = r.next();
		const email =
			caseRoll < 0.15
				? p.email.toUpperCase()
				: caseRoll < 0.3
					? p.email.replace(/^./, (c) => c.toUpperCase())
					: p.email;
		out.push({
			contact: cut(a.name, 50),
			company: cut(a.company, 50),
			address: cut(moved ? `Oude Kerkweg ${r.int(1, 40)}` : `${a.street} ${a.number}`, 50),
			zipcode: cut(a.zipcode.replace(/\s+/g, a.zipcode.length > 7 ? '' : ' '), 7),
			city: cut(a.city, 50),
			country: a.country.fsId,
			email,
			taxnumber: cut(p.vatNumber.replace(/\s+/g, ''), 18),
			tax_type: taxType,
			// a bookkeeper who invoiced an EU business customer before has marked it "BTW verlegd"
			...(p.business && p.vatNumber && p.country.iso !== 'NL' && p.country.eu
				? { tax_shifted: 'true' as const }
				: {}),
		});
	});
	return out;
}
