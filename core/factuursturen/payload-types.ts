/**
 * Request bodies sent to Factuursturen. Money is a decimal string ("16.529"), quantities are integers:
 * nothing here is ever a float.
 */

export interface FactuursturenInvoiceLine {
	/** quantity (integer) */
	amount: number;
	description: string;
	/** percentage as mapped ("21", "9", "0", "5.5") */
	tax_rate: string;
	/** unit price as a decimal string; excl. VAT for an extax client, incl. VAT for an intax client */
	price: string;
	discount_pct: 0;
	/** OSS: use the destination country's rate for this line */
	tax_country?: true;
}

export interface FactuursturenInvoicePayload {
	clientnr: string;
	action: 'send';
	sendmethod: 'mail' | 'email';
	reference: { line1: string; line2: string; line3: string };
	lines: FactuursturenInvoiceLine[];
	/** omitted for a 0.00 invoice: there is nothing to pay (and Factuursturen may refuse a payment of nothing) */
	alreadypaid?: 'full';
	alreadypaidmethod?: string;
	category?: string;
	profile?: string;
}

export interface FactuursturenClientPayload {
	contact: string;
	showcontact: boolean;
	company: string;
	address: string;
	address_addon?: string;
	zipcode: string;
	city: string;
	/** Factuursturen country id from GET /countrylist */
	country: string;
	email: string;
	phone: string;
	taxnumber: string;
	tax_shifted: boolean;
	tax_type: 'extax' | 'intax';
	sendmethod: 'mail' | 'email';
	paymentmethod: 'bank';
	default_doclang: 'nl' | 'en' | 'de' | 'fr' | 'es';
	currency: string;
	/** full values that had to be shortened to fit Factuursturen's field lengths */
	notes?: string;
}
