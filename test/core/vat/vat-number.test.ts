import {
	euVatNumberProblem,
	normalizeEuVatNumber,
	vatPrefixOf,
} from '../../../core/vat/vat-number';

describe('EU VAT number plausibility', () => {
	it.each([
		'BE0123456749',
		'BE 0123.456.749',
		'be0403170701',
		'DE123456789',
		'ATU12345678',
		'EL123456789',
		'FR12345678901',
		'FRXX123456789',
		'ESB12345678',
		'ESX1234567L',
		'IT12345678901',
		'LU12345678',
		'PL1234567890',
		'IE6388047V',
		'IE1234567WA',
		'SE123456789001',
		'DK12345678',
		'XI123456789',
		'XIGD123',
		'CY12345678X',
		'LT123456789012',
		'NL851234567B01',
	])('accepts %s (no home country given)', (v) => {
		expect(euVatNumberProblem(v)).toBeNull();
	});

	it.each([
		['NL851234567B01', 'NL', /NL VAT number.*another member state/],
		['EL123456789', 'GR', /GR VAT number/],
		['GR123456789', undefined, /start with "EL"/],
		['GB123456789', undefined, /"GB" is not the prefix of an EU member state/],
		['CHE123456789', undefined, /"CH" is not/],
		['0123456749', undefined, /does not start with the country prefix/],
		['BE0123456748', undefined, /check digits/],
		['BE2123456749', undefined, /format of a BE VAT number/],
		['DE12345678', undefined, /format of a DE VAT number/],
		['AT12345678', undefined, /format of a AT VAT number/],
		['NL851234567', undefined, /format of a NL VAT number/],
		['SE123456789012', undefined, /format of a SE VAT number/],
		['', undefined, /empty/],
	] as Array<[string, string | undefined, RegExp]>)('refuses %s (home %s)', (v, home, why) => {
		expect(euVatNumberProblem(v, home)).toMatch(why);
	});

	it('a number of the home country is fine for another home country', () => {
		expect(euVatNumberProblem('NL851234567B01', 'BE')).toBeNull();
		expect(euVatNumberProblem('BE0123456749', 'BE')).toMatch(/BE VAT number/);
	});

	it('normalises separators and names Greece EL', () => {
		expect(normalizeEuVatNumber(' de-123.456 789 ')).toBe('DE123456789');
		expect([vatPrefixOf('gr'), vatPrefixOf('NL')]).toEqual(['EL', 'NL']);
	});
});
