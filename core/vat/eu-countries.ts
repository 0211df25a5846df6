/**
 * EU member states (2026) by ISO 3166-1 alpha-2 code. Greece is "GR" here (its VAT prefix is "EL");
 * Northern Ireland's goods code "XI" is not a country code a shop sends, so it is not listed.
 */
export const EU_MEMBER_STATES: readonly string[] = [
	'AT',
	'BE',
	'BG',
	'CY',
	'CZ',
	'DE',
	'DK',
	'EE',
	'ES',
	'FI',
	'FR',
	'GR',
	'HR',
	'HU',
	'IE',
	'IT',
	'LT',
	'LU',
	'LV',
	'MT',
	'NL',
	'PL',
	'PT',
	'RO',
	'SE',
	'SI',
	'SK',
];

const members = new Set(EU_MEMBER_STATES);

export function isEuMember(countryCode: string | null | undefined): boolean {
	return (
		typeof countryCode === 'string' &&
		(members.has(countryCode) || members.has(countryCode.toUpperCase()))
	);
}
