/**
 * Turns a draft order into the API's own JSON, applying the shape variations the live API shows
 * (docs/api-readings.md "Shapes that vary"): `number` string or int, `price.tax` object or array, line `price`
 * object or array, `shipping[].country` sometimes `[]`, `debtor.address.delivery` sometimes absent, and the
 * deprecated fields still present.
 */
import { fmtCents, taxPerRate, taxPrice, fmtMicros, fmtRate } from './amounts';
import type { DraftLine } from './basket';
import type { PostalAddress, Person } from './people';
import type {
	MwwAddress,
	MwwOrder,
	MwwOrderLine,
	MwwTaxPrice,
	OrderKind,
	ShopCategory,
} from './types';

export interface Draft {
	seq: number;
	kind: OrderKind;
	person: Person;
	emailShown: string;
	repeat: boolean;
	date: string;
	time: string;
	changedDate: string;
	changedTime: string;
	statusName: string;
	statusId: number;
	invoiceable: boolean;
	archived: boolean;
	lines: DraftLine[];
	discountCode: string;
	taxRegion: string;
	taxStrategy: '' | 'zero_percent' | 'reverse_charged_vat';
	businessModel: 'B2C' | 'B2B';
	reference: string;
	customerNote: string;
	gateway: string;
	method: string;
	paymentStatus: string;
	paymentStatusId: number;
	/** 'absent' for the problem cases that lack the key altogether */
	taxnumberMode: 'set' | 'empty' | 'absent';
	delivery: 'absent' | 'same' | PostalAddress;
	uuid: string;
	lineIds: string[];
	numberAsInt: boolean;
	taxAsArray: boolean;
	countryEmpty: boolean;
	creditOf: Draft | null;
	credits: Draft[];
	number: string;
	features: Set<ShopCategory>;
}

const PAYMENT_TEXT: Record<number, string> = {
	1: 'Betaling geslaagd',
	2: 'Betaling geannuleerd',
	5: 'Betaling in afwachting',
	7: 'Terugbetaald',
};

function address(a: PostalAddress, gender: string): MwwAddress {
	return {
		gender,
		name: a.name,
		company: a.company,
		phone: a.phone,
		street: a.street,
		number: a.number,
		zipcode: a.zipcode,
		city: a.city,
		country: a.country.nl,
		country_code: a.country.iso,
	};
}

const numberValue = (d: Draft): string | number =>
	d.numberAsInt && /^\d+$/.test(d.number) ? Number(d.number) : d.number;

function renderLine(l: DraftLine, id: string): MwwOrderLine {
	const prices = l.parts.map(taxPrice);
	const line: MwwOrderLine = {
		id,
		type: l.type,
		quantity: l.quantity,
		weight: (l.weightGrams / 1000).toFixed(2),
		description: l.description,
		price: prices.length === 1 && !l.arrayOfOne ? prices[0] : prices,
	};
	if (l.article) {
		const a = l.article;
		const options: NonNullable<MwwOrderLine['articles']>[number]['options'] = [];
		if (a.option)
			options.push({
				list_option_id: a.optionId ?? 0,
				description: a.option,
				price: { amount: fmtMicros(0), rate: fmtRate(a.rateH) },
			});
		if (a.actionUnitNet !== null)
			options.push({
				description: 'Action price',
				price: { amount: fmtMicros(a.actionUnitNet), rate: fmtRate(a.rateH) },
			});
		line.articles = [
			{
				id: a.product.id,
				sku: a.product.sku,
				description: a.product.name,
				price: {
					amount: fmtMicros(a.regularUnitNet),
					rate: fmtRate(a.rateH),
					purchase_price: a.product.purchaseCents === null ? '' : fmtCents(a.product.purchaseCents),
				},
				options,
			},
		];
	}
	return line;
}

export function renderOrder(d: Draft): MwwOrder {
	const p = d.person;
	const invoice: MwwAddress = { ...address(p.invoice, p.gender), bankaccount: p.bankaccount };
	if (d.taxnumberMode === 'set') invoice.taxnumber = p.vatNumber;
	if (d.taxnumberMode === 'empty') invoice.taxnumber = '';
	const parts = d.lines.flatMap((l) => l.parts);
	const perRate = taxPerRate(parts);
	const tax: MwwTaxPrice[] = perRate.map((t) => ({
		amount: fmtCents(t.taxCents),
		rate: fmtRate(t.rateH),
	}));
	const total = parts.reduce((s, x) => s + x.grossCents, 0);
	const weight = d.lines.reduce((s, l) => s + l.weightGrams, 0);
	const destination = d.delivery === 'absent' || d.delivery === 'same' ? p.invoice : d.delivery;

	const order: MwwOrder = {
		number: numberValue(d),
		uuid: d.uuid,
		date: d.date,
		time: d.time,
		status: d.statusId,
		status_changed_date: d.changedDate,
		status_changed_time: d.changedTime,
		weight: (weight / 1000).toFixed(2),
		archived: d.archived,
		finished: true,
		taxed: 'include',
		locale: p.country.locale,
		discountcode: d.discountCode,
		currency: 'EUR',
		currency_format_locale: 'nl_NL',
		credit_order_numbers: d.credits.map(numberValue),
		comments: { customer: d.customerNote, internal: '' },
		business_model: d.businessModel,
		tax_region: d.taxRegion,
		tax_strategy: d.taxStrategy,
		payment_status: d.paymentStatus,
		payment: {
			gateway_name: d.gateway,
			method_name: d.method,
			status: { id: d.paymentStatusId, text: PAYMENT_TEXT[d.paymentStatusId] ?? 'Onbekend' },
		},
		debtor: {
			...(p.accountId ? { id: p.accountId } : {}),
			email: d.emailShown,
			// deprecated duplicates of the invoice address, still sent live
			name: p.invoice.name,
			company: p.invoice.company,
			phone: p.invoice.phone,
			gender: p.gender,
			bankaccount: p.bankaccount,
			link_to_account: p.accountId !== null,
			address: { invoice },
		},
		price: { tax: tax.length === 1 && !d.taxAsArray ? tax[0] : tax, total: fmtCents(total) },
		orderlines: d.lines.map((l, i) => renderLine(l, d.lineIds[i])),
		shipping: [
			{
				country: d.countryEmpty
					? []
					: { description: destination.country.nl, isocode: destination.country.iso },
			},
		],
	};
	if (d.businessModel === 'B2B') order.reference = d.reference;
	if (d.creditOf) order.credited_order_number = numberValue(d.creditOf);
	if (d.delivery === 'same') order.debtor.address.delivery = address(p.invoice, p.gender);
	else if (d.delivery !== 'absent') order.debtor.address.delivery = address(d.delivery, '');
	return order;
}
