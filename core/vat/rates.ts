/**
 * VAT rates per EU member state as data, for 2026: the standard rate and every reduced rate a webshop
 * may meet (super-reduced and parking rates included), as canonical rate strings ("21", "5.5").
 * Used to check that the rates on an order belong to the country whose VAT it claims to charge.
 * Sources: European Commission "VAT rates applied in the Member States" (2025 edition) plus the changes
 * announced for 2025-2026 (EE 24 %, FI 25.5/14/13.5 %, RO 21/11 %, SK 23/19/5 %, LT 12 %, NL logies 21 %).
 * Rates change; when a real order is refused because a rate is missing here, update this table.
 */
export interface CountryVatRates {
	standard: string;
	reduced: readonly string[];
}

export const EU_VAT_RATES_2026: Readonly<Record<string, CountryVatRates>> = {
	AT: { standard: '20', reduced: ['13', '10'] },
	BE: { standard: '21', reduced: ['12', '6'] },
	BG: { standard: '20', reduced: ['9'] },
	CY: { standard: '19', reduced: ['9', '5', '3'] },
	CZ: { standard: '21', reduced: ['12'] },
	DE: { standard: '19', reduced: ['7'] },
	DK: { standard: '25', reduced: [] },
	EE: { standard: '24', reduced: ['13', '9'] },
	ES: { standard: '21', reduced: ['10', '4'] },
	FI: { standard: '25.5', reduced: ['14', '13.5', '10'] },
	FR: { standard: '20', reduced: ['10', '5.5', '2.1'] },
	GR: { standard: '24', reduced: ['13', '6'] },
	HR: { standard: '25', reduced: ['13', '5'] },
	HU: { standard: '27', reduced: ['18', '5'] },
	IE: { standard: '23', reduced: ['13.5', '9', '4.8'] },
	IT: { standard: '22', reduced: ['10', '5', '4'] },
	LT: { standard: '21', reduced: ['12', '9', '5'] },
	LU: { standard: '17', reduced: ['14', '8', '3'] },
	LV: { standard: '21', reduced: ['12', '5'] },
	MT: { standard: '18', reduced: ['12', '7', '5'] },
	NL: { standard: '21', reduced: ['9'] },
	PL: { standard: '23', reduced: ['8', '5'] },
	PT: { standard: '23', reduced: ['13', '6'] },
	RO: { standard: '21', reduced: ['11'] },
	SE: { standard: '25', reduced: ['12', '6'] },
	SI: { standard: '22', reduced: ['9.5', '5'] },
	SK: { standard: '23', reduced: ['19', '5'] },
};

/** own keys only: a code such as "constructor" must not find Object.prototype's members */
const ratesByCode = new Map(Object.entries(EU_VAT_RATES_2026));

/** the rates of a country, or null when the table does not know it */
export function vatRatesOf(countryCode: string): CountryVatRates | null {
	// codes are upper case already nearly always: look up before upper-casing
	return ratesByCode.get(countryCode) ?? ratesByCode.get(countryCode.toUpperCase()) ?? null;
}

/**
 * Whether `rate` (canonical string) is one of the country's rates. 0 % counts for every country: a zero-rated
 * item (a voucher, a newspaper in some states) can sit in any basket.
 */
export function isRateOf(countryCode: string, rate: string): boolean {
	if (rate === '0') return true;
	const rates = vatRatesOf(countryCode);
	return rates !== null && (rates.standard === rate || rates.reduced.includes(rate));
}
