/**
 * Plausibility of an EU VAT identification number for an intra-community supply (ICP, reverse charge).
 * The 0 % rests on the customer's VAT number of ANOTHER member state than the one the goods leave
 * (Dir. art. 138(1)(b)); a number that cannot be one is refused before it lands on an invoice and in the
 * ICP listing. This checks the prefix and the national format (the VIES patterns), plus the Belgian
 * mod-97 check digits; it cannot replace a VIES look-up, which is the shop's duty.
 */

/** VAT prefix → national part (after the prefix). Greece uses EL, Northern Ireland (goods) XI. */
const NATIONAL_FORMAT: Record<string, RegExp> = {
	AT: /^U\d{8}$/,
	BE: /^[01]\d{9}$/,
	BG: /^\d{9,10}$/,
	CY: /^\d{8}[A-Z]$/,
	CZ: /^\d{8,10}$/,
	DE: /^\d{9}$/,
	DK: /^\d{8}$/,
	EE: /^\d{9}$/,
	EL: /^\d{9}$/,
	ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
	FI: /^\d{8}$/,
	FR: /^[0-9A-HJ-NP-Z]{2}\d{9}$/,
	HR: /^\d{11}$/,
	HU: /^\d{8}$/,
	IE: /^\d[0-9A-Z+*]\d{5}[A-W][A-IW]?$/,
	IT: /^\d{11}$/,
	LT: /^(\d{9}|\d{12})$/,
	LU: /^\d{8}$/,
	LV: /^\d{11}$/,
	MT: /^\d{8}$/,
	NL: /^\d{9}B\d{2}$/,
	PL: /^\d{10}$/,
	PT: /^\d{9}$/,
	RO: /^\d{2,10}$/,
	SE: /^\d{10}01$/,
	SI: /^\d{8}$/,
	SK: /^\d{10}$/,
	XI: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
};

/** ISO country code → its VAT prefix (only Greece differs) */
export function vatPrefixOf(countryCode: string): string {
	const c = countryCode.toUpperCase();
	return c === 'GR' ? 'EL' : c;
}

/** "be 0123.456-749" → "BE0123456749" */
export function normalizeEuVatNumber(v: string): string {
	return v.toUpperCase().replace(/[\s.\-/]/g, '');
}

/** Belgian numbers: the last two digits are 97 − (the first eight mod 97) */
function belgianCheckOk(national: string): boolean {
	const base = Number(national.slice(0, 8));
	return 97 - (base % 97) === Number(national.slice(8));
}

/**
 * Why `vatNumber` cannot be the VAT id for an intra-EU supply from `homeCountry`, or null when it is plausible.
 * Without homeCountry only the prefix and format are checked.
 */
export function euVatNumberProblem(vatNumber: string, homeCountry?: string): string | null {
	const v = normalizeEuVatNumber(vatNumber);
	if (v === '') return 'it is empty';
	const prefix = v.slice(0, 2);
	const national = v.slice(2);
	if (prefix === 'GR') return 'Greek VAT numbers start with "EL", not "GR"';
	const format = NATIONAL_FORMAT[prefix];
	if (format === undefined) {
		return /^[A-Z]{2}$/.test(prefix)
			? `"${prefix}" is not the prefix of an EU member state (or XI for Northern Ireland)`
			: 'it does not start with the country prefix of an EU member state (e.g. "BE", "DE")';
	}
	if (homeCountry !== undefined && prefix === vatPrefixOf(homeCountry)) {
		return `it is a ${homeCountry} VAT number: an intra-community supply needs the customer's VAT number of another member state than ${homeCountry}`;
	}
	if (!format.test(national)) return `it does not have the format of a ${prefix} VAT number`;
	if (prefix === 'BE' && !belgianCheckOk(national))
		return 'its check digits are wrong (Belgian numbers: mod 97)';
	return null;
}
