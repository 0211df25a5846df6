/**
 * Customers of the generated shop: consumers and businesses in and outside the EU, with the awkward data a
 * real shop collects (accents, apostrophes, over-long company and street names, long zip codes and phone
 * numbers) and the e-mail spellings that defeat naive matching (case, surrounding whitespace).
 */
import type { Random } from '../common/random';
import { COUNTRIES, type CountryInfo } from './countries';
import { uuid } from './ids';

export interface PostalAddress {
	name: string;
	company: string;
	street: string;
	number: string;
	zipcode: string;
	city: string;
	country: CountryInfo;
	phone: string;
}

export interface Person {
	index: number;
	country: CountryInfo;
	firstName: string;
	lastName: string;
	gender: 'M' | 'V' | '';
	business: boolean;
	/** '' for consumers and for the "reverse charge without VAT number" problem cases */
	vatNumber: string;
	/** canonical (trimmed, lower-case) e-mail: what debtors are matched on */
	email: string;
	/** customer account uuid, or null for a guest */
	accountId: string | null;
	bankaccount: string;
	invoice: PostalAddress;
}

const LONG_COMPANIES = [
	'Stichting Vrienden van het Historisch Openluchtmuseum Zuidoost-Brabant',
	'Coöperatieve Vereniging Biologische Theeproducenten Noord-Nederland U.A.',
	"Koninklijke Vereniging van Liefhebbers van Gietijzeren Theepotten 't Gooi",
	'Gesellschaft für nachhaltige Küchen- und Haushaltswaren mbH & Co. KG',
];

const LONG_STREETS = [
	'Burgemeester Doctor Hubertus van Nispen tot Sevenaerstraat-Oostzijde',
	'Laan van de Verenigde Naties en de Universele Verklaring van de Rechten van de Mens',
	"Prins Willem-Alexanderlaan van Oranje-Nassau 't Zuidelijk Buitenpad",
];

const SUFFIX: Record<string, readonly string[]> = {
	NL: [' B.V.', ' V.O.F.', ' Holding B.V.', ' & Zn.'],
	BE: [' BV', ' NV', ' SRL', ' & Co'],
	DE: [' GmbH', ' KG', ' & Söhne GmbH'],
	FR: [' SARL', ' SAS', ' & Fils'],
	AT: [' GmbH', ' OG'],
	ES: [' S.L.', ' S.A.'],
	IT: [' S.r.l.', ' S.p.A.'],
	LU: [' S.à r.l.', ' S.A.'],
	PL: [' Sp. z o.o.', ' S.A.'],
	GB: [' Ltd', ' LLP'],
	US: [' Inc.', ' LLC'],
	CH: [' AG', ' GmbH'],
	NO: [' AS', ' ASA'],
};

const TRADES = [
	'Theehuis',
	'Lunchroom',
	'Kantoorservice',
	'Interieur',
	'Horeca',
	'Delicatessen',
	'Café',
	'Bakkerij',
];

/** ASCII letters for the local part of an e-mail address: 'Zoë Özdemir' → 'zoe.ozdemir' */
export function asciiSlug(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/ß/g, 'ss')
		.replace(/[øØ]/g, 'o')
		.replace(/[łŁ]/g, 'l')
		.replace(/[æÆ]/g, 'ae')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '.')
		.replace(/^\.+|\.+$/g, '');
}

export function newAddress(
	r: Random,
	country: CountryInfo,
	name: string,
	company: string,
	phone: string,
): PostalAddress {
	const longStreet = country.iso === 'NL' && r.chance(0.04);
	return {
		name,
		company,
		street: longStreet ? r.pick(LONG_STREETS) : r.pick(country.streets),
		number: r.pick([
			String(r.int(1, 250)),
			`${r.int(1, 99)}${r.pick(['a', 'B', '-3', ' bis', ' hs', '-II'])}`,
		]),
		zipcode: country.zip(r),
		city: r.pick(country.cities),
		country,
		phone,
	};
}

export class PeopleFactory {
	private readonly used = new Set<string>();
	private count = 0;
	constructor(private readonly r: Random) {}

	create(iso: string, opts: { business: boolean; withVat: boolean }): Person {
		const r = this.r;
		const country = COUNTRIES[iso];
		const firstName = r.pick(country.first);
		const lastName = r.pick(country.last);
		const name = `${firstName} ${lastName}`;
		let company = '';
		if (opts.business) {
			company = r.chance(0.08)
				? r.pick(LONG_COMPANIES)
				: `${r.pick(TRADES)} ${lastName.replace(/^(van|de|den|der) /i, (m) => m[0].toUpperCase() + m.slice(1))}${r.pick(SUFFIX[iso] ?? [''])}`;
		}
		const base =
			opts.business && r.chance(0.6)
				? `info@${asciiSlug(company).split('.').slice(0, 3).join('')}.${iso.toLowerCase() === 'gb' ? 'co.uk' : iso === 'US' ? 'com' : iso.toLowerCase()}`
				: `${asciiSlug(name)}@${r.pick(country.domains)}`;
		let email = base;
		for (let n = 2; this.used.has(email); n++) email = base.replace('@', `${n}@`);
		this.used.add(email);
		const phone = country.phone(r);
		return {
			index: this.count++,
			country,
			firstName,
			lastName,
			gender: r.pick(['M', 'V', 'V', 'M', ''] as const),
			business: opts.business,
			vatNumber: opts.business && opts.withVat ? country.vat(r) : '',
			email,
			accountId: r.chance(0.5) ? uuid(r) : null,
			bankaccount:
				r.chance(0.2) && iso === 'NL'
					? `NL${r.int(10, 99)}RABO0${r.int(100000000, 999999999)}`
					: '',
			invoice: newAddress(r, country, name, company, phone),
		};
	}
}

/** How a customer typed the address this time: mostly as-is, sometimes capitalised, upper-case or padded. */
export function emailAsTyped(
	r: Random,
	email: string,
): { shown: string; variant: 'plain' | 'case' | 'whitespace' } {
	const roll = r.next();
	if (roll < 0.78) return { shown: email, variant: 'plain' };
	if (roll < 0.87) {
		const [local, domain] = email.split('@');
		const cap = (s: string): string =>
			s.replace(/(^|\.)([a-z])/g, (_m, dot: string, c: string) => dot + c.toUpperCase());
		return { shown: `${cap(local)}@${cap(domain)}`, variant: 'case' };
	}
	if (roll < 0.92) return { shown: email.toUpperCase(), variant: 'case' };
	return { shown: r.pick([` ${email}`, `${email} `, `  ${email}\t`]), variant: 'whitespace' };
}
