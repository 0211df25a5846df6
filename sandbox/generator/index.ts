/**
 * The seeded shop generator: a realistic Mijnwebwinkel shop (orders in the API's own shape, with every VAT
 * case and data quirk an invoicing integration meets) plus the Factuursturen clients that already exist.
 * Same seed → same shop. No wall clock: dates derive from the `today` option.
 */
import { seededRandom, type Random } from '../common/random';
import { buildBasket, creditLines, type TaxContext } from './basket';
import { EXPORT_COUNTRIES, OSS_COUNTRIES, REVERSE_CHARGE_COUNTRIES } from './countries';
import { addDays, clock, isYmd, uuid } from './ids';
import { emailAsTyped, newAddress, PeopleFactory, type Person } from './people';
import { renderOrder, type Draft } from './render';
import {
	buildArticles,
	buildRegions,
	buildStore,
	customersFromOrders,
	existingDebtorsFor,
} from './shop-data';
import {
	CREDIT_STATUS_NAME,
	defaultStatuses,
	INVOICEABLE_STATUS_NAMES,
	statusByName,
	type MwwStatus,
} from './statuses';
import type {
	GeneratedShop,
	GenerateShopOptions,
	MwwOrder,
	OrderKind,
	OrderMix,
	ShopCategory,
} from './types';

export type * from './types';
export {
	defaultStatuses,
	localizeStatuses,
	shuffleStatusIds,
	statusByName,
	STATUS_NAMES,
	INVOICEABLE_STATUS_NAMES,
	CREDIT_STATUS_NAME,
} from './statuses';
export type { MwwStatus } from './statuses';
export { customersFromOrders } from './shop-data';
export { COUNTRIES } from './countries';

export const DEFAULT_TODAY = '2026-03-31';

export const DEFAULT_MIX: OrderMix = {
	domestic: 0.5,
	domesticB2B: 0.1,
	euHomeVat: 0.03,
	oss: 0.12,
	reverseCharge: 0.08,
	reverseChargeNoVat: 0.02,
	export: 0.07,
	test: 0.03,
	credit: 0.04,
};

/** status names and their weights for regular orders; pick-up statuses only for Dutch customers */
const STATUS_WEIGHTS: ReadonlyArray<[string, number]> = [
	['Bestelling in behandeling', 8],
	['Wacht op betaling', 4],
	['Betaald', 20],
	['Verzonden', 18],
	['Betaald en verzonden', 25],
	['Afgehaald', 4],
	['Betaald en afgehaald', 5],
	['Geannuleerd', 5],
	['Afgehandeld', 11],
];
const PICKUP = new Set(['Afgehaald', 'Betaald en afgehaald']);
const PENDING = new Set(['Bestelling in behandeling', 'Wacht op betaling']);

const NOTES = [
	'Graag vóór vrijdag',
	'Niet bij de buren afgeven a.u.b.',
	'Cadeautje – prijs er niet in doen!',
	"Bel even aan bij nr. 12's buren",
];

function weighted<T>(r: Random, items: ReadonlyArray<[T, number]>): T {
	const total = items.reduce((s, [, w]) => s + w, 0);
	let x = r.next() * total;
	for (const [item, w] of items) {
		if ((x -= w) < 0) return item;
	}
	return items[items.length - 1][0];
}

function fail(message: string): never {
	throw new Error(`generateShop: ${message}`);
}

function taxContext(kind: OrderKind, person: Person): TaxContext {
	if (kind === 'oss') {
		const c = person.country;
		return {
			rates: { standard: c.standard, reduced: c.reduced, zero: 0 },
			zeroRated: false,
			standard: c.standard,
		};
	}
	if (kind === 'reverseCharge' || kind === 'reverseChargeNoVat' || kind === 'export') {
		return { rates: { standard: 0, reduced: 0, zero: 0 }, zeroRated: true, standard: 0 };
	}
	return { rates: { standard: 2100, reduced: 900, zero: 0 }, zeroRated: false, standard: 2100 };
}

function countryFor(r: Random, kind: OrderKind): string {
	switch (kind) {
		case 'euHomeVat':
			return r.pick(['BE', 'DE']);
		case 'oss':
			return r.pick(OSS_COUNTRIES);
		case 'reverseCharge':
		case 'reverseChargeNoVat':
			return r.pick(REVERSE_CHARGE_COUNTRIES);
		case 'export':
			return r.pick(EXPORT_COUNTRIES);
		default:
			return 'NL';
	}
}

function paymentFor(
	r: Random,
	iso: string,
	pickup: boolean,
	business: boolean,
): { gateway: string; method: string } {
	if (pickup)
		return r.pick([
			{ gateway: 'basic', method: 'cash' },
			{ gateway: 'basic', method: 'pickup' },
			{ gateway: 'mollie', method: 'ideal' },
		]);
	if (business && r.chance(0.3))
		return { gateway: 'basic', method: r.pick(['bank_transfer', 'invoice']) };
	const methods =
		iso === 'NL'
			? ['ideal', 'ideal', 'ideal', 'paypal', 'creditcard', 'klarna_paylater', 'bank_transfer']
			: iso === 'BE'
				? ['bancontact', 'bancontact', 'ideal', 'paypal', 'creditcard']
				: iso === 'DE' || iso === 'AT'
					? ['paypal', 'creditcard', 'sofortbanking', 'giropay']
					: ['creditcard', 'paypal'];
	const method = r.pick(methods);
	const gateway =
		method === 'bank_transfer'
			? 'basic'
			: method === 'paypal' && r.chance(0.5)
				? 'paypal'
				: 'mollie';
	return { gateway, method };
}

function planKinds(r: Random, count: number, mix: OrderMix): OrderKind[] {
	const regular = (Object.keys(mix) as OrderKind[]).filter((k) => k !== 'credit' && mix[k] > 0);
	if (regular.length === 0) fail('mix gives every order kind weight 0');
	const sum = (Object.values(mix) as number[]).reduce((a, b) => a + b, 0);
	const credits =
		mix.credit > 0 && count >= 10 ? Math.max(1, Math.round((count * mix.credit) / sum)) : 0;
	const kinds: OrderKind[] = [];
	// every kind in the mix at least once when there is room, so small shops still show each case
	if (count - credits >= regular.length) kinds.push(...regular);
	const items = regular.map((k) => [k, mix[k]] as [OrderKind, number]);
	while (kinds.length < count - credits) kinds.push(weighted(r, items));
	for (let i = 0; i < credits; i++) kinds.push('credit');
	return kinds;
}

export function generateShop(options: GenerateShopOptions = {}): GeneratedShop {
	const seed = options.seed ?? 1;
	const today = options.today ?? DEFAULT_TODAY;
	const days = options.days ?? 60;
	const orderCount = options.orderCount ?? 200;
	if (!isYmd(today)) fail(`today "${today}" is not a date; give it as YYYY-MM-DD`);
	if (!Number.isInteger(days) || days < 1) fail(`days must be a whole number ≥ 1, got ${days}`);
	if (!Number.isInteger(orderCount) || orderCount < 0)
		fail(`orderCount must be a whole number ≥ 0, got ${orderCount}`);
	const statuses: MwwStatus[] = (options.statuses ?? defaultStatuses()).map((s) => ({ ...s }));
	if (statuses.length === 0) fail('statuses is empty');
	const mix: OrderMix = { ...DEFAULT_MIX, ...options.mix };

	const r = seededRandom(seed);
	const from = addDays(today, -(days - 1));
	const people = new PeopleFactory(r);
	const pools = new Map<string, Person[]>();
	const seenEmails = new Set<string>();

	const regularStatuses = statuses.filter((s) => !s.credit_order);
	const creditStatus =
		statusByName(statuses, CREDIT_STATUS_NAME) ??
		statuses.find((s) => s.credit_order) ??
		statuses[0];
	const resolve = (name: string): MwwStatus =>
		statusByName(statuses, name) ?? regularStatuses[0] ?? statuses[0];
	const invoiceableIds = new Set(
		INVOICEABLE_STATUS_NAMES.map((n) => statusByName(statuses, n)?.status),
	);

	const drafts: Draft[] = [];
	const kinds = planKinds(r, orderCount, mix);

	const fortnightAgo = addDays(today, -14);
	const domesticWeights = STATUS_WEIGHTS;
	const abroadWeights = STATUS_WEIGHTS.filter(([name]) => !PICKUP.has(name));
	const addRegular = (kind: OrderKind): void => {
		const poolKey = kind;
		const pool = pools.get(poolKey) ?? [];
		const repeat = pool.length > 0 && r.chance(0.22);
		let person: Person;
		if (repeat) person = r.pick(pool);
		else {
			const iso = countryFor(r, kind);
			const business =
				kind === 'domesticB2B' ||
				kind === 'reverseCharge' ||
				kind === 'reverseChargeNoVat' ||
				(kind === 'export' && r.chance(0.3));
			person = people.create(iso, { business, withVat: business && kind !== 'reverseChargeNoVat' });
			pool.push(person);
			pools.set(poolKey, pool);
		}
		const iso = person.country.iso;
		const statusName = weighted(r, iso === 'NL' ? domesticWeights : abroadWeights);
		const status = resolve(statusName);
		const pickup = PICKUP.has(statusName);
		const pay = paymentFor(r, iso, pickup, person.business);
		const ctx = taxContext(kind, person);
		const basket = buildBasket(r, ctx, {
			destination: person.country,
			pickup,
			paymentMethod: pay.method,
			allowVoucher: !ctx.zeroRated && kind !== 'oss',
		});
		const date = addDays(from, r.int(0, days - 1));
		// 07:00–23:59 local: no order falls into the hour that does not exist when summer time starts
		const seconds = r.int(7 * 3600, 86_399);
		let changedDate = date;
		let changedSeconds = seconds;
		if (!PENDING.has(statusName)) {
			const later = addDays(date, r.int(0, 4));
			changedDate = later > today ? today : later;
			changedSeconds =
				changedDate === date
					? Math.min(86_399, seconds + r.int(60, 6 * 3600))
					: r.int(7 * 3600, 86_399);
		}
		const invoiceable = invoiceableIds.has(status.status);
		const archived =
			(['Afgehandeld', 'Geannuleerd'].includes(statusName) && r.chance(0.5)) ||
			(invoiceable && date < fortnightAgo && r.chance(0.3));
		const typed = emailAsTyped(r, person.email);
		const deliveryRoll = r.next();
		const delivery: Draft['delivery'] =
			deliveryRoll < 0.45
				? 'absent'
				: deliveryRoll < 0.8
					? 'same'
					: newAddress(
							r,
							person.country,
							`${r.pick(person.country.first)} ${person.lastName}`,
							person.invoice.company,
							person.country.phone(r),
						);
		const paymentStatus = PENDING.has(statusName)
			? ['pending', 5]
			: statusName === 'Geannuleerd'
				? ['voided', 2]
				: ['captured', 1];
		const taxStrategy =
			kind === 'export'
				? 'zero_percent'
				: kind === 'reverseCharge' || kind === 'reverseChargeNoVat'
					? 'reverse_charged_vat'
					: '';
		const draft: Draft = {
			seq: drafts.length,
			kind,
			person,
			emailShown: typed.shown,
			repeat: seenEmails.has(person.email),
			date,
			time: clock(seconds),
			changedDate,
			changedTime: clock(changedSeconds),
			statusName: status.description,
			statusId: status.status,
			invoiceable,
			archived,
			lines: basket.lines,
			discountCode: basket.discountCode,
			taxRegion:
				kind === 'oss' ||
				((kind === 'reverseCharge' || kind === 'reverseChargeNoVat') &&
					(OSS_COUNTRIES as readonly string[]).includes(iso))
					? iso
					: 'NL',
			taxStrategy,
			businessModel: person.business ? 'B2B' : 'B2C',
			reference: person.business && r.chance(0.6) ? `PO-${r.int(1000, 99999)}` : '',
			customerNote: r.chance(0.1) ? r.pick(NOTES) : '',
			gateway: pay.gateway,
			method: pay.method,
			paymentStatus: paymentStatus[0] as string,
			paymentStatusId: paymentStatus[1] as number,
			taxnumberMode: person.vatNumber
				? 'set'
				: kind === 'reverseChargeNoVat'
					? r.pick(['empty', 'absent'] as const)
					: person.business
						? 'empty'
						: r.pick(['empty', 'absent'] as const),
			delivery,
			uuid: uuid(r),
			lineIds: basket.lines.map(() => uuid(r)),
			numberAsInt: kind !== 'test' && r.chance(0.25),
			taxAsArray: r.chance(0.3),
			countryEmpty: r.chance(0.12),
			creditOf: null,
			credits: [],
			number: '',
			features: basket.features,
		};
		seenEmails.add(person.email);
		drafts.push(draft);
	};
	for (const kind of kinds) if (kind !== 'credit') addRegular(kind);

	const candidates = drafts.filter((d) => d.kind !== 'test' && d.invoiceable && d.date < today);
	const creditCount = kinds.filter((k) => k === 'credit').length;
	// without an invoiced order to credit (tiny shops), the place goes to a domestic order: orderCount holds
	if (candidates.length === 0) for (let i = 0; i < creditCount; i++) addRegular('domestic');
	for (let i = 0; i < creditCount && candidates.length > 0; i++) {
		const orig = r.pick(candidates);
		const later = addDays(orig.date, r.int(1, 10));
		const date = later > today ? today : later;
		const seconds = r.int(7 * 3600, 80_000);
		const lines = creditLines(r, orig.lines);
		const full = lines.length === orig.lines.length;
		const credit: Draft = {
			...orig,
			seq: drafts.length,
			kind: 'credit',
			emailShown: emailAsTyped(r, orig.person.email).shown,
			repeat: true,
			date,
			time: clock(seconds),
			changedDate: date,
			changedTime: clock(Math.min(86_399, seconds + r.int(0, 3600))),
			statusName: creditStatus.description,
			statusId: creditStatus.status,
			invoiceable: false,
			archived: false,
			lines,
			discountCode: full ? orig.discountCode : '',
			customerNote: '',
			paymentStatus: 'refunded',
			paymentStatusId: 7,
			uuid: uuid(r),
			lineIds: lines.map(() => uuid(r)),
			numberAsInt: r.chance(0.25),
			taxAsArray: r.chance(0.3),
			creditOf: orig,
			credits: [],
			features: new Set<ShopCategory>(full ? orig.features : []),
		};
		orig.credits.push(credit);
		drafts.push(credit);
	}

	// Numbers follow the order of placement, like a shop's counter; test orders get the T- prefix.
	const byMoment = (a: Draft, b: Draft): number =>
		a.date + a.time < b.date + b.time ? -1 : a.date + a.time > b.date + b.time ? 1 : a.seq - b.seq;
	const base = r.int(1000, 30_000);
	const regular = drafts.filter((d) => d.kind !== 'test').sort(byMoment);
	const tests = drafts.filter((d) => d.kind === 'test').sort(byMoment);
	regular.forEach((d, i) => (d.number = String(base + i)));
	tests.forEach((d, i) => (d.number = `T-${base + i}`));
	const ordered = [...regular, ...tests];
	const orders = ordered.map(renderOrder);

	const categories = {} as Record<ShopCategory, string[]>;
	const tag = (c: ShopCategory, n: string): void => {
		(categories[c] ??= []).push(n);
	};
	ordered.forEach((d, i) => {
		for (const c of [d.kind, ...d.features, ...shapeFeatures(orders[i], d)]) tag(c, d.number);
	});

	const store = buildStore(seed);
	const distinct = new Map<string, Person>();
	for (const d of regular)
		if (!distinct.has(d.person.email)) distinct.set(d.person.email, d.person);
	return {
		seed,
		today,
		from,
		statuses,
		orders,
		articles: buildArticles(seed, today),
		customers: customersFromOrders(orders, String(store.id), seed),
		store,
		regions: buildRegions(seed),
		existingDebtors: existingDebtorsFor(seededRandom(seed ^ 0xdeb7), [...distinct.values()]),
		categories,
	};
}

/** categories read off the rendered order, so they describe exactly what a client receives */
function shapeFeatures(o: MwwOrder, d: Draft): ShopCategory[] {
	const out: ShopCategory[] = [];
	const inv = o.debtor.address.invoice;
	const dlv = o.debtor.address.delivery;
	const texts = [inv, dlv]
		.filter((a) => a !== undefined)
		.flatMap((a) => [a.name, a.company ?? '', a.street ?? '', a.city ?? '']);
	if (texts.some((t) => /[^\x20-\x7e]/.test(t))) out.push('accents');
	if (texts.some((t) => t.includes("'"))) out.push('apostrophe');
	if ([inv, dlv].some((a) => (a?.company ?? '').length > 50)) out.push('long_company');
	if ([inv, dlv].some((a) => (a?.street ?? '').length > 50)) out.push('long_street');
	if ([inv, dlv].some((a) => (a?.zipcode ?? '').length > 7)) out.push('long_zipcode');
	if ([inv, dlv].some((a) => (a?.phone ?? '').length > 13)) out.push('long_phone');
	const email = o.debtor.email;
	if (email !== email.trim()) out.push('email_whitespace');
	else if (email !== email.toLowerCase()) out.push('email_case');
	if (d.repeat) out.push('repeat_customer');
	out.push(o.debtor.id ? 'registered_customer' : 'guest');
	if ((inv.taxnumber ?? '') !== '') out.push('vat_number');
	out.push(typeof o.number === 'number' ? 'number_int' : 'number_string');
	out.push(Array.isArray(o.price.tax) ? 'tax_array' : 'tax_object');
	for (const l of o.orderlines) {
		if (!Array.isArray(l.price)) out.push('line_price_object');
		else out.push(l.price.length === 1 ? 'line_price_array_single' : 'line_price_array');
	}
	if (o.shipping.some((s) => Array.isArray(s.country))) out.push('country_empty');
	out.push(dlv ? 'delivery_present' : 'delivery_absent');
	if (d.kind !== 'credit' && d.kind !== 'test')
		out.push(d.invoiceable ? 'invoiceable' : 'not_invoiceable');
	if (o.archived) out.push('archived');
	if (d.credits.length > 0) out.push('credited');
	return [...new Set(out)];
}
