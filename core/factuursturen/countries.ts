/**
 * ISO 3166-1 alpha-2 code → Factuursturen country id. Factuursturen identifies countries by its own ids
 * (GET /countrylist/{lang} → [{id, name}]), so the code is matched to a name in that list: first by the
 * names below (Dutch as in Factuursturen's list, then English), then by the country name the shop gave.
 * A user may also pass a plain code → id record ({"NL": "146"}), which wins over any name.
 */

/** Dutch (as Factuursturen spells it) and English names; enough for the EU, Europe and the usual export markets */
const NAMES: Record<string, readonly string[]> = {
	NL: ['Nederland', 'Netherlands', 'The Netherlands'],
	BE: ['België', 'Belgium'],
	DE: ['Duitsland', 'Germany'],
	FR: ['Frankrijk', 'France'],
	LU: ['Luxemburg', 'Luxembourg'],
	AT: ['Oostenrijk', 'Austria'],
	IT: ['Italië', 'Italy'],
	ES: ['Spanje', 'Spain'],
	PT: ['Portugal'],
	IE: ['Ierland', 'Ireland'],
	DK: ['Denemarken', 'Denmark'],
	SE: ['Zweden', 'Sweden'],
	FI: ['Finland'],
	PL: ['Polen', 'Poland'],
	CZ: ['Tsjechië', 'Czech Republic', 'Czechia'],
	SK: ['Slowakije', 'Slovakia'],
	SI: ['Slovenië', 'Slovenia'],
	HU: ['Hongarije', 'Hungary'],
	HR: ['Kroatië', 'Croatia'],
	RO: ['Roemenië', 'Romania'],
	BG: ['Bulgarije', 'Bulgaria'],
	GR: ['Griekenland', 'Greece'],
	CY: ['Cyprus'],
	MT: ['Malta'],
	EE: ['Estland', 'Estonia'],
	LV: ['Letland', 'Latvia'],
	LT: ['Litouwen', 'Lithuania'],
	GB: ['Verenigd Koninkrijk', 'United Kingdom', 'Great Britain'],
	CH: ['Zwitserland', 'Switzerland'],
	NO: ['Noorwegen', 'Norway'],
	IS: ['Ijsland', 'IJsland', 'Iceland'],
	LI: ['Liechtenstein'],
	MC: ['Monaco'],
	AD: ['Andorra'],
	SM: ['San Marino'],
	VA: ['Vaticaanstad', 'Vatican City'],
	RS: ['Servië', 'Serbia'],
	ME: ['Montenegro'],
	AL: ['Albanië', 'Albania'],
	MK: ['Macedonië', 'North Macedonia', 'Macedonia'],
	BA: ['Bosnië-Herzegovina', 'Bosnia and Herzegovina'],
	TR: ['Turkije', 'Turkey', 'Türkiye'],
	UA: ['Oekraïne', 'Ukraine'],
	JE: ['Jersey'],
	GG: ['Guernsey'],
	GI: ['Gibraltar'],
	US: ['Verenigde Staten', 'United States', 'United States of America'],
	CA: ['Canada'],
	AU: ['Australië', 'Australia'],
	NZ: ['Nieuw-Zeeland', 'New Zealand'],
	JP: ['Japan'],
	CN: ['China'],
	HK: ['Hongkong', 'Hong Kong'],
	SG: ['Singapore'],
	IN: ['India'],
	IL: ['Israël', 'Israel'],
	AE: ['Verenigde Arabische Emiraten', 'United Arab Emirates'],
	ZA: ['Zuid-Afrika', 'South Africa'],
	BR: ['Brazilië', 'Brazil'],
	MX: ['Mexico'],
	SR: ['Suriname'],
	AW: ['Aruba'],
	CW: ['Curaçao'],
	SX: ['Sint Maarten'],
	MA: ['Marokko', 'Morocco'],
	KR: ['Zuid-Korea', 'South Korea'],
};

/** the Dutch name of a country for invoice texts ("Duitsland"), or the code itself when unknown */
export function dutchCountryName(code: string): string {
	return NAMES[code.toUpperCase()]?.[0] ?? code.toUpperCase();
}

export type CountryList = Array<{ id: string | number; name: string }> | Record<string, string>;

/** lower case, accents removed, only letters and digits: "Curaçao" → "curacao" */
export function countryKey(name: string): string {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

export interface CountryIndex {
	byCode: Map<string, string>;
	byName: Map<string, string>;
}

/**
 * Accepts what GET /countrylist returns ([{id, name}]) or a record: ISO code → id ({"NL": "146"}),
 * id → name ({"146": "Nederland"}), or name → id ({"Nederland": "146"}).
 */
export function indexCountries(countries: CountryList): CountryIndex {
	const byCode = new Map<string, string>();
	const byName = new Map<string, string>();
	const addName = (name: string, id: string) => {
		const key = countryKey(name);
		if (key && !byName.has(key)) byName.set(key, id);
	};
	if (Array.isArray(countries)) {
		for (const c of countries)
			if (c && c.name !== undefined && c.id !== undefined)
				addName(String(c.name), String(c.id).trim());
	} else if (countries && typeof countries === 'object') {
		for (const [k, v] of Object.entries(countries)) {
			const key = k.trim();
			const value = String(v).trim();
			if (/^[A-Za-z]{2}$/.test(key)) byCode.set(key.toUpperCase(), value);
			else if (/^\d+$/.test(key)) addName(value, key);
			else addName(key, value);
		}
	}
	return { byCode, byName };
}

/** the Factuursturen id for a country, or null when neither its code nor its name is in the list */
export function findCountryId(
	index: CountryIndex,
	code: string | null,
	name: string,
): string | null {
	if (code) {
		const upper = code.toUpperCase();
		const direct = index.byCode.get(upper);
		if (direct) return direct;
		for (const known of NAMES[upper] ?? []) {
			const id = index.byName.get(countryKey(known));
			if (id) return id;
		}
	}
	return name.trim() ? (index.byName.get(countryKey(name)) ?? null) : null;
}
