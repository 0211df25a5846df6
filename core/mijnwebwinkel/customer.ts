/**
 * The order's debtor snapshot → canonical customer. The snapshot is what the customer typed at checkout,
 * so it is used rather than the (restricted) customers API; guest orders have no customer record at all.
 */
import type { Address, Customer } from '../canonical-order';
import { OrderRefusal } from '../errors';
import { countryCodeFromName, dutchCountryName } from '../vat/country-names';
import { cleanText, isBlank, isRecord, recordOf, RawRecord, textOf } from './raw';
import { isUsableEmail } from '../email';
import { normalizeEuVatNumber } from '../vat/vat-number';

/** Deliberately simple: one @, something on both sides, a dot in the domain, no white space. */

/** Codes some systems use that are not ISO 3166-1: the VAT prefix of Greece and the UK. */
const CODE_ALIASES: Record<string, string> = { EL: 'GR', UK: 'GB' };

/** ISO-2 from `country_code`; else from the printed country name; else null (never a guess). */
const ISO2 = /^[A-Z]{2}$/;
const isUpperAscii = (c: number): boolean => c >= 65 && c <= 90;

export function countryCodeOf(address: RawRecord): string | null {
	const given = address.country_code;
	// the usual case, already two capitals: no trimming or upper-casing needed
	if (
		typeof given === 'string' &&
		given.length === 2 &&
		isUpperAscii(given.charCodeAt(0)) &&
		isUpperAscii(given.charCodeAt(1))
	) {
		return CODE_ALIASES[given] ?? given;
	}
	const code = textOf(given).trim().toUpperCase();
	if (ISO2.test(code)) return CODE_ALIASES[code] ?? code;
	const name = cleanText(address.country);
	return name ? countryCodeFromName(name) : null;
}

/** "nl 8512.34.567.b01 " → "NL851234567B01" */
export const normalizeVatNumber = (v: unknown): string => {
	const text = textOf(v);
	return text === '' ? '' : normalizeEuVatNumber(text);
};

function mapAddress(a: RawRecord, fallback: RawRecord): Address {
	const street = cleanText(a.street);
	const houseNumber = cleanText(a.number);
	const countryCode = countryCodeOf(a);
	return {
		name: cleanText(a.name) || cleanText(fallback.name),
		company: cleanText(a.company) || cleanText(fallback.company),
		street,
		houseNumber,
		line1: street === '' ? houseNumber : houseNumber === '' ? street : `${street} ${houseNumber}`,
		zipcode: cleanText(a.zipcode),
		city: cleanText(a.city),
		countryCode,
		countryName: cleanText(a.country) || (countryCode ? (dutchCountryName(countryCode) ?? '') : ''),
		phone: cleanText(a.phone) || cleanText(fallback.phone),
	};
}

function hasContent(a: RawRecord): boolean {
	for (const key of Object.keys(a)) if (!isBlank(a[key])) return true;
	return false;
}

export function mapCustomer(rawDebtor: unknown, orderNumber: string): Customer {
	const debtor = recordOf(rawDebtor);
	const addresses = recordOf(debtor.address);
	const emailAsGiven = textOf(debtor.email).trim();
	if (emailAsGiven === '') {
		throw new OrderRefusal(
			'missing_email',
			`Order ${orderNumber} has no customer e-mail address, and debtors are matched on e-mail.`,
			"Add the customer's e-mail address to the order in Mijnwebwinkel, then process the order again.",
			orderNumber,
		);
	}
	if (!isUsableEmail(emailAsGiven)) {
		throw new OrderRefusal(
			'invalid_email',
			`Order ${orderNumber} has the customer e-mail address "${emailAsGiven}", which is not a valid address.`,
			"Correct the customer's e-mail address on the order in Mijnwebwinkel, then process the order again.",
			orderNumber,
			{ email: emailAsGiven },
		);
	}
	// The deprecated top-level debtor.name/company/phone are still sent; they fill gaps in the invoice address.
	const invoiceAddress = mapAddress(recordOf(addresses.invoice), debtor);
	const rawDelivery = addresses.delivery;
	const deliveryAddress =
		isRecord(rawDelivery) && hasContent(rawDelivery) ? mapAddress(rawDelivery, {}) : null;
	const id = textOf(debtor.id).trim();
	return {
		email: emailAsGiven.toLowerCase(),
		emailAsGiven,
		name: invoiceAddress.name,
		company: invoiceAddress.company,
		vatNumber: normalizeVatNumber(recordOf(addresses.invoice).taxnumber),
		phone: invoiceAddress.phone,
		shopCustomerId: id === '' ? null : id,
		invoiceAddress,
		deliveryAddress,
	};
}
