/**
 * Countries: Factuursturen identifies them by the numeric ids of `GET /countrylist/{lang}`. The list is the
 * captured real response (countrylist.json, MIT, see countrylist.LICENSE). A client's `country` may also be
 * sent as a name ("we'll try to find the id"); the sandbox resolves Dutch names from the list and the
 * English names of the countries below, and refuses anything else rather than guess.
 */
import countryList from './countrylist.json';
import { ApiError } from './values';

export const COUNTRY_LIST: ReadonlyArray<{ id: string; name: string }> = countryList;

export const NETHERLANDS_ID = '146';

/** country id → ISO 3166 alpha-2, for the countries whose VAT rates the sandbox can hold (EU + a few) */
const ISO_BY_ID: Record<string, string> = {
	'163': 'AT',
	'18': 'BE',
	'30': 'BG',
	'110': 'HR',
	'45': 'CY',
	'213': 'CZ',
	'46': 'DK',
	'56': 'EE',
	'62': 'FI',
	'63': 'FR',
	'50': 'DE',
	'73': 'GR',
	'84': 'HU',
	'86': 'IE',
	'93': 'IT',
	'113': 'LV',
	'118': 'LT',
	'119': 'LU',
	'129': 'MT',
	'146': 'NL',
	'171': 'PL',
	'172': 'PT',
	'176': 'RO',
	'189': 'SK',
	'188': 'SI',
	'192': 'ES',
	'236': 'SE',
	'224': 'GB',
	'226': 'US',
	'237': 'CH',
	'157': 'NO',
};

const ENGLISH: Record<string, string> = {
	austria: '163',
	belgium: '18',
	bulgaria: '30',
	croatia: '110',
	cyprus: '45',
	'czech republic': '213',
	czechia: '213',
	denmark: '46',
	estonia: '56',
	finland: '62',
	france: '63',
	germany: '50',
	greece: '73',
	hungary: '84',
	ireland: '86',
	italy: '93',
	latvia: '113',
	lithuania: '118',
	luxembourg: '119',
	malta: '129',
	netherlands: '146',
	'the netherlands': '146',
	poland: '171',
	portugal: '172',
	romania: '176',
	slovakia: '189',
	slovenia: '188',
	spain: '192',
	sweden: '236',
	'united kingdom': '224',
	'united states': '226',
	switzerland: '237',
	norway: '157',
};

export const isoOf = (countryId: string): string | undefined => ISO_BY_ID[countryId];

/** A client's `country` input (id or name) → the country id as the API stores it. */
export function resolveCountry(input: string): string {
	const s = input.trim();
	if (/^\d+$/.test(s)) {
		if (!COUNTRY_LIST.some((c) => c.id === s)) {
			throw new ApiError(`country: ${s} is not a country id; use an id from GET /countrylist/nl`);
		}
		return s;
	}
	const lower = s.toLowerCase();
	const byDutch = COUNTRY_LIST.filter((c) => c.name.toLowerCase() === lower);
	if (byDutch.length === 1) return byDutch[0].id;
	if (ENGLISH[lower]) return ENGLISH[lower];
	throw new ApiError(
		`country: "${s}" could not be matched to a country; use an id from GET /countrylist/nl`,
	);
}
