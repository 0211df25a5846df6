/** Account defaults of the sandbox: a Dutch account with OSS rates for a few EU countries. */

export interface TaxSetting {
	percentage: number;
	/** N = no VAT, H = high, L = low, Z = zero */
	type: string;
	default: boolean;
	/** ISO alpha-2; 'NL' are the account's home rates, others are foreign (OSS) rates for `tax_country` lines */
	country: string;
}

export interface Category {
	id: string;
	name: string;
	ledger: string;
}

export const HOME_COUNTRY = 'NL';

export const DEFAULT_TAXES: TaxSetting[] = [
	{ percentage: 21, type: 'H', default: true, country: 'NL' },
	{ percentage: 9, type: 'L', default: false, country: 'NL' },
	{ percentage: 0, type: 'Z', default: false, country: 'NL' },
	{ percentage: 0, type: 'N', default: false, country: 'NL' },
	{ percentage: 21, type: 'H', default: false, country: 'BE' },
	{ percentage: 6, type: 'L', default: false, country: 'BE' },
	{ percentage: 19, type: 'H', default: false, country: 'DE' },
	{ percentage: 7, type: 'L', default: false, country: 'DE' },
	{ percentage: 20, type: 'H', default: false, country: 'FR' },
	{ percentage: 5.5, type: 'L', default: false, country: 'FR' },
	{ percentage: 20, type: 'H', default: false, country: 'AT' },
	{ percentage: 10, type: 'L', default: false, country: 'AT' },
];

export const DEFAULT_CATEGORIES: Category[] = [
	{ id: '1', name: 'Omzet webwinkel', ledger: '8000' },
	{ id: '2', name: 'Omzet verzendkosten', ledger: '8010' },
];

export const PROFILES = [{ id: '1', name: 'Standaard', default: 'true' }];

export const DEFAULT_PAYMENT_CONDITION =
	'U wordt vriendelijk verzocht de betaling te voldoen binnen %PAYMENT_PERIOD% dagen o.v.v. het factuurnummer %INVOICE_NUMBER%.';

export const DEFAULT_USERNAME = 'demo';
export const DEFAULT_API_KEY = 'demo-api-key';
