import * as fs from 'fs';
import * as path from 'path';
import { buildDebtor } from '../../../core/factuursturen/debtor-builder';
import { utf8Length } from '../../../core/factuursturen/field-limits';
import { OrderRefusal } from '../../../core/errors';
import { makeOrder } from './order-factory';

const COUNTRIES: Array<{ id: string; name: string }> = JSON.parse(
	fs.readFileSync(path.join(__dirname, '../../../sandbox/factuursturen/countrylist.json'), 'utf8'),
);

const base = { lines: [{ rate: '21', inclCents: 1210 }] };

function code(fn: () => unknown): string {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(OrderRefusal);
		return (error as OrderRefusal).code;
	}
	throw new Error('expected an OrderRefusal');
}

describe('buildDebtor', () => {
	it("builds a new (consumer: intax) debtor from the order's invoice address", () => {
		const order = makeOrder({ ...base, email: 'jan@example.nl' });
		expect(buildDebtor(order, COUNTRIES)).toEqual({
			contact: 'Jan Jansen',
			showcontact: true,
			company: '',
			address: 'Dorpsstraat 1',
			zipcode: '1234 AB',
			city: 'Utrecht',
			country: '146',
			email: 'jan@example.nl',
			phone: '0612345678',
			taxnumber: '',
			tax_shifted: false,
			tax_type: 'intax',
			sendmethod: 'mail',
			paymentmethod: 'bank',
			default_doclang: 'nl',
			currency: 'EUR',
		});
	});

	it('reverse charge: tax_shifted with the normalised VAT number; German documents for Germany', () => {
		const order = makeOrder({
			...base,
			regime: 'intra_eu_reverse_charge',
			taxCountry: null,
			vatNumber: 'de 123.456.789',
			company: 'Muster GmbH',
			lines: [{ rate: '0', inclCents: 1000 }],
			invoiceAddress: {
				countryCode: 'DE',
				countryName: 'Deutschland',
				zipcode: '10115',
				city: 'Berlin',
			},
		});
		const d = buildDebtor(order, COUNTRIES, { sendMethod: 'email' });
		expect(d).toMatchObject({
			country: '50',
			taxnumber: 'DE123456789',
			tax_shifted: true,
			company: 'Muster GmbH',
			default_doclang: 'de',
			sendmethod: 'email',
		});
		const withoutVat = makeOrder({
			...base,
			regime: 'intra_eu_reverse_charge',
			taxCountry: null,
			lines: [{ rate: '0', inclCents: 1000 }],
		});
		expect(code(() => buildDebtor(withoutVat, COUNTRIES))).toBe(
			'reverse_charge_without_vat_number',
		);
		// a number that cannot be an EU VAT id never reaches a tax_shifted debtor
		const badVat = makeOrder({
			...base,
			regime: 'intra_eu_reverse_charge',
			taxCountry: null,
			vatNumber: 'GR123456789',
			lines: [{ rate: '0', inclCents: 1000 }],
		});
		expect(code(() => buildDebtor(badVat, COUNTRIES))).toBe('invalid_vat_number');
	});

	it("finds the country by code in the Dutch list, by an explicit code → id record, or by the shop's name", () => {
		const be = makeOrder({
			...base,
			invoiceAddress: { countryCode: 'BE', countryName: 'Belgique' },
		});
		expect(buildDebtor(be, COUNTRIES).country).toBe('18');
		expect(buildDebtor(be, { BE: '999' }).country).toBe('999');
		expect(buildDebtor(be, { '18': 'België' }).country).toBe('18');
		const english = [{ id: 7, name: 'Belgium' }];
		expect(buildDebtor(be, english).country).toBe('7');
		const byName = makeOrder({
			...base,
			invoiceAddress: { countryCode: null, countryName: 'Curaçao' },
		});
		expect(buildDebtor(byName, COUNTRIES).country).toBe('239');
	});

	it('refuses an unknown or missing country with a hint', () => {
		const xk = makeOrder({ ...base, invoiceAddress: { countryCode: 'XK', countryName: 'Kosovo' } });
		try {
			buildDebtor(xk, COUNTRIES);
			throw new Error('not refused');
		} catch (error) {
			expect((error as OrderRefusal).code).toBe('unknown_country');
			expect((error as OrderRefusal).hint).toContain('{"XK": "<Factuursturen country id>"}');
		}
		const none = makeOrder({ ...base, invoiceAddress: { countryCode: null, countryName: '' } });
		expect(code(() => buildDebtor(none, COUNTRIES))).toBe('missing_country');
	});

	it('refuses an unusable e-mail', () => {
		expect(code(() => buildDebtor(makeOrder({ ...base, email: '' }), COUNTRIES))).toBe(
			'missing_email',
		);
		expect(
			code(() => buildDebtor(makeOrder({ ...base, email: 'jan at example' }), COUNTRIES)),
		).toBe('missing_email');
	});

	describe('field lengths (documented rule: never rejected, never silently lost)', () => {
		const long = makeOrder({
			...base,
			name: 'Maria Magdalena Theodora van den Heuvel-Oppenheimer Ślązak',
			company: 'Stichting Vrienden van het Rijksmuseum Twenthe Enschede',
			invoiceAddress: {
				line1: 'Burgemeester Jhr. mr. dr. Cornelis van der Zwaluwstraat Oost 1234 bis',
				zipcode: 'SW1A 1AA',
				city: 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch',
				countryCode: 'GB',
				countryName: 'United Kingdom',
				phone: '+44 (0)20 7946 0958 ext. 1234',
			},
		});
		const d = buildDebtor(long, COUNTRIES);

		it('every value fits its documented length (counted in UTF-8 bytes)', () => {
			const limits: Record<string, number> = {
				contact: 50,
				company: 50,
				address: 50,
				address_addon: 50,
				city: 50,
				zipcode: 7,
				phone: 13,
				taxnumber: 18,
			};
			for (const [field, max] of Object.entries(limits)) {
				const value = (d as unknown as Record<string, string | undefined>)[field] ?? '';
				expect(utf8Length(value)).toBeLessThanOrEqual(max);
			}
		});

		it('shortens names at a word boundary with "...", splits the address keeping the house number in address, compacts the zipcode', () => {
			expect(d.contact).toBe('Maria Magdalena Theodora van den...');
			expect(d.company).toBe('Stichting Vrienden van het Rijksmuseum Twenthe...');
			// an invoice copies only `address`: the house number must be on it
			expect(d.address).toBe('Burgemeester Jhr. mr. dr. Cornelis van... 1234 bis');
			expect(d.address_addon).toBe('der Zwaluwstraat Oost');
			expect(d.zipcode).toBe('SW1A1AA');
			expect(d.city).toBe('Llanfairpwllgwyngyllgogerychwyrndrobwllllantysi...');
			expect(d.country).toBe('224');
		});

		it('keeps every full value that was shortened or dropped in notes', () => {
			expect(d.notes).toContain('Naam: Maria Magdalena Theodora van den Heuvel-Oppenheimer Ślązak');
			expect(d.notes).toContain('Bedrijf: Stichting Vrienden van het Rijksmuseum Twenthe Enschede');
			expect(d.notes).toContain(
				'Plaats: Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch',
			);
			expect(d.notes).toContain('Telefoon: +44 (0)20 7946 0958 ext. 1234');
			expect(d.phone).toBe('');
			// a split address is always kept whole in notes: the two halves alone do not read as one address
			expect(d.notes).toContain(
				'Adres: Burgemeester Jhr. mr. dr. Cornelis van der Zwaluwstraat Oost 1234 bis',
			);
		});

		it('an address without a house number is split at a word boundary, and kept whole in notes', () => {
			const line1 = 'Landgoed De Hooge Veluwe bij het Bezoekerscentrum Hoenderloo';
			const n = buildDebtor(makeOrder({ ...base, invoiceAddress: { line1 } }), COUNTRIES);
			expect(`${n.address} ${n.address_addon}`).toBe(line1);
			expect(n.notes).toContain(`Adres: ${line1}`);
		});

		it('a 10 kB name does not push notes over their limit; each full value keeps as much as fits', () => {
			const huge = makeOrder({
				...base,
				name: 'Jan '.repeat(2500).trim(),
				company: 'Bedrijf '.repeat(1250).trim(),
				invoiceAddress: { city: 'Stad '.repeat(2000).trim() },
			});
			const h = buildDebtor(huge, COUNTRIES);
			expect(utf8Length(h.notes ?? '')).toBeLessThanOrEqual(10_000);
			expect(h.notes).toContain('Naam: Jan Jan');
			expect(h.notes).toContain('Bedrijf: Bedrijf Bedrijf');
			expect(h.notes).toContain('Plaats: Stad Stad');
		});

		it('a postcode that does not fit even without spaces moves in front of the city', () => {
			const us = makeOrder({
				...base,
				invoiceAddress: {
					zipcode: '10001-1234',
					city: 'New York',
					countryCode: 'US',
					countryName: 'United States',
				},
			});
			const u = buildDebtor(us, COUNTRIES);
			expect(u.zipcode).toBe('');
			expect(u.city).toBe('10001-1234 New York');
			expect(u.notes).toContain('Postcode: 10001-1234');
		});

		it('phone numbers: spaces and punctuation removed, 00 → +', () => {
			const p = makeOrder({ ...base, invoiceAddress: { phone: '0031 (6) 12-34.56/78' } });
			expect(buildDebtor(p, COUNTRIES).phone).toBe('+31612345678');
		});

		it('no name and no company: the e-mail becomes the contact', () => {
			const anon = makeOrder({ ...base, name: '', invoiceAddress: { name: '' } });
			expect(buildDebtor(anon, COUNTRIES).contact).toBe('jan@example.nl');
		});
	});
});

describe('buildDebtor — business customers and document language', () => {
	it('new consumer debtors are intax, business debtors (company or VAT number) extax, both configurable', () => {
		expect(buildDebtor(makeOrder(base), COUNTRIES).tax_type).toBe('intax');
		expect(buildDebtor(makeOrder({ ...base, company: 'Bakkerij BV' }), COUNTRIES).tax_type).toBe(
			'extax',
		);
		expect(
			buildDebtor(makeOrder({ ...base, vatNumber: 'NL851234567B01' }), COUNTRIES).tax_type,
		).toBe('extax');
		expect(buildDebtor(makeOrder(base), COUNTRIES, { consumerTaxType: 'extax' }).tax_type).toBe(
			'extax',
		);
		expect(
			buildDebtor(makeOrder({ ...base, company: 'Bakkerij BV' }), COUNTRIES, {
				businessTaxType: 'intax',
			}).tax_type,
		).toBe('intax');
	});

	it('the send method option applies to the new debtor', () => {
		expect(buildDebtor(makeOrder(base), COUNTRIES, { sendMethod: 'email' }).sendmethod).toBe(
			'email',
		);
		expect(buildDebtor(makeOrder(base), COUNTRIES).sendmethod).toBe('mail');
	});

	it.each([
		['DE', 'Duitsland', 'de'],
		['AT', 'Oostenrijk', 'de'],
		['FR', 'Frankrijk', 'fr'],
		['LU', 'Luxemburg', 'fr'],
		['ES', 'Spanje', 'es'],
		['BE', 'België', 'nl'],
		['IT', 'Italië', 'en'],
	])(
		'a debtor in %s gets documents in the language Factuursturen supports',
		(countryCode, countryName, lang) => {
			expect(
				buildDebtor(makeOrder({ ...base, invoiceAddress: { countryCode, countryName } }), COUNTRIES)
					.default_doclang,
			).toBe(lang);
		},
	);
});
