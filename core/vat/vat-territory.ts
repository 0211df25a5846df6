import type { Customer } from '../canonical-order';
import { OrderRefusal } from '../errors';

/**
 * Places whose VAT territory is not what their ISO country code suggests (Dir. art. 6 and 7, Windsor Framework).
 * Some parts of EU states are outside the EU VAT area (Canary Islands, French overseas departments, Åland, …:
 * sales there are exports), Monaco belongs to the French VAT territory, and Northern Ireland follows the EU rules
 * for goods (prefix XI) although it is "GB". Telling them apart needs the postcode, and booking them right
 * needs decisions the order does not show, so the minimal safe treatment is to recognise them and refuse.
 */

export interface SpecialVatTerritory {
	/** e.g. "Canary Islands" */
	name: string;
	/** how its VAT differs, in one sentence */
	treatment: string;
}

const OUTSIDE_EU_VAT =
	'is part of an EU member state but outside the EU VAT area (Dir. art. 6): goods sent there are exports, not EU sales';

interface Rule {
	country: string;
	/** on the postcode without spaces or dashes; absent = the whole country code */
	zip?: RegExp;
	territory: SpecialVatTerritory;
}

const RULES: readonly Rule[] = [
	{
		country: 'MC',
		territory: {
			name: 'Monaco',
			treatment:
				'belongs to the French VAT territory (Dir. art. 7): sales there are taxed as sales to France, not as exports',
		},
	},
	{
		country: 'GB',
		zip: /^BT\d/,
		territory: {
			name: 'Northern Ireland',
			treatment:
				'follows the EU VAT rules for goods (Windsor Framework, VAT prefix XI): not an export, but an EU sale (home VAT/OSS, or ICP for a business with an XI number)',
		},
	},
	{
		country: 'ES',
		zip: /^(35|38)\d{3}$/,
		territory: { name: 'Canary Islands', treatment: OUTSIDE_EU_VAT },
	},
	{ country: 'ES', zip: /^51\d{3}$/, territory: { name: 'Ceuta', treatment: OUTSIDE_EU_VAT } },
	{ country: 'ES', zip: /^52\d{3}$/, territory: { name: 'Melilla', treatment: OUTSIDE_EU_VAT } },
	{
		country: 'FR',
		zip: /^97\d{3}$/,
		territory: { name: 'French overseas departments (DOM)', treatment: OUTSIDE_EU_VAT },
	},
	{
		country: 'FR',
		zip: /^98[4-9]\d{2}$/,
		territory: {
			name: 'French overseas collectivities',
			treatment: 'are outside the EU VAT area: goods sent there are exports, not EU sales',
		},
	},
	{
		country: 'FI',
		zip: /^22\d{3}$/,
		territory: { name: 'Åland Islands', treatment: OUTSIDE_EU_VAT },
	},
	{
		country: 'DE',
		zip: /^78266$/,
		territory: { name: 'Büsingen am Hochrhein', treatment: OUTSIDE_EU_VAT },
	},
	{ country: 'DE', zip: /^27498$/, territory: { name: 'Heligoland', treatment: OUTSIDE_EU_VAT } },
	// Livigno's postcode is 23041 (23030 before); 23030 still reaches some neighbours, which are then refused too: safe side
	{
		country: 'IT',
		zip: /^(23030|23041)$/,
		territory: { name: 'Livigno', treatment: OUTSIDE_EU_VAT },
	},
	{
		country: 'IT',
		zip: /^22061$/,
		territory: { name: "Campione d'Italia", treatment: OUTSIDE_EU_VAT },
	},
	{
		country: 'GR',
		zip: /^6308[67]$/,
		territory: { name: 'Mount Athos', treatment: OUTSIDE_EU_VAT },
	},
];

const RULE_COUNTRIES = new Set(RULES.map((rule) => rule.country));

/** The special VAT territory an address (ISO-2 country code + postcode) lies in, or null for an ordinary one. */
export function specialVatTerritoryOf(
	countryCode: string | null | undefined,
	zipcode: string | null | undefined,
): SpecialVatTerritory | null {
	if (!countryCode) return null;
	const country = countryCode.toUpperCase();
	if (!RULE_COUNTRIES.has(country)) return null; // most orders: no need to normalise the postcode
	const zip = (zipcode ?? '').toUpperCase().replace(/[\s-]/g, '');
	for (const rule of RULES) {
		if (rule.country === country && (rule.zip === undefined || rule.zip.test(zip)))
			return rule.territory;
	}
	return null;
}

/**
 * Refuses (special_vat_territory) an order whose goods go (`countryCode`: the transport country, null when
 * unknown) to a special VAT territory. The postcode is the delivery address's, else the invoice address's
 * when it lies in that country.
 */
export function assertNoSpecialVatTerritory(
	orderNumber: string,
	countryCode: string | null,
	customer: Pick<Customer, 'invoiceAddress' | 'deliveryAddress'>,
): void {
	if (countryCode === null) return;
	const invoice = customer.invoiceAddress;
	const zipcode =
		customer.deliveryAddress?.zipcode ??
		(invoice.countryCode === countryCode ? invoice.zipcode : '');
	const territory = specialVatTerritoryOf(countryCode, zipcode);
	if (territory === null) return;
	throw new OrderRefusal(
		'special_vat_territory',
		`Order ${orderNumber} goes to ${territory.name} (${countryCode}${zipcode ? ` ${zipcode}` : ''}), which ${territory.treatment}. Its VAT cannot be told from the country code.`,
		`Book this order by hand in Factuursturen with the VAT treatment of ${territory.name} (ask your bookkeeper if in doubt), so it is not invoiced as an ordinary ${countryCode} sale; if the address is wrong, correct it in Mijnwebwinkel and process the order again.`,
		orderNumber,
		{ territory: territory.name, countryCode, zipcode },
	);
}
