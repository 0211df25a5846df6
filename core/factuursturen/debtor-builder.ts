/**
 * Canonical order → the body of POST /clients for a NEW debtor. (Existing debtors are never modified;
 * the node only creates when the e-mail is not found.) New consumer debtors are `tax_type: intax`, business
 * debtors `extax` (both options): the invoice builder sends prices incl. or excl. VAT to match. Field lengths follow the documented rule in
 * field-limits.ts (fitClientFields); nothing is shortened without its full value landing in `notes`.
 */
import type { CanonicalOrder } from '../canonical-order';
import { OrderRefusal } from '../errors';
import { findCountryId, indexCountries, type CountryList } from './countries';
import {
	CLIENT_FIELD_LIMITS as LIMIT,
	clean,
	fitClientFields,
	notesWithFullValues,
	utf8Length,
} from './field-limits';
import type { FactuursturenClientPayload } from './payload-types';
import { euVatNumberProblem, normalizeEuVatNumber } from '../vat/vat-number';
import { isUsableEmail } from '../email';

const DUTCH_SPEAKING = new Set(['NL', 'BE', 'SR', 'AW', 'CW', 'SX', 'BQ']);
/** other document languages Factuursturen supports; everyone else gets English */
const DOC_LANGUAGE: Record<string, FactuursturenClientPayload['default_doclang']> = {
	DE: 'de',
	AT: 'de',
	CH: 'de',
	LI: 'de',
	FR: 'fr',
	LU: 'fr',
	MC: 'fr',
	ES: 'es',
};

function docLanguage(code: string | null): FactuursturenClientPayload['default_doclang'] {
	const c = (code ?? '').toUpperCase();
	return DUTCH_SPEAKING.has(c) ? 'nl' : (DOC_LANGUAGE[c] ?? 'en');
}

export type TaxType = 'extax' | 'intax';
export const TAX_TYPES: readonly TaxType[] = ['intax', 'extax'];

export interface BuildDebtorOptions {
	/** how Factuursturen sends this debtor's documents; default 'mail' (process only) */
	sendMethod?: 'mail' | 'email';
	/**
	 * a new consumer debtor's prices: default 'intax' (incl. VAT, as a Dutch consumer shop shows them): Factuursturen
	 * then reproduces the order total from the shop's incl. prices, where extax needs a 1-cent rounding line for
	 * some totals.
	 */
	consumerTaxType?: TaxType;
	/** a new business debtor's prices: default 'extax' (a business customer reads and books amounts excl. VAT) */
	businessTaxType?: TaxType;
}

export function buildDebtor(
	order: CanonicalOrder,
	countries: CountryList,
	opts: BuildDebtorOptions = {},
): FactuursturenClientPayload {
	const customer = order.customer;
	const address = customer.invoiceAddress;
	const email = clean(customer.email).toLowerCase();
	if (!isUsableEmail(email) || utf8Length(email) > LIMIT.email) {
		throw new OrderRefusal(
			'missing_email',
			`Order ${order.number}: the customer's e-mail "${customer.emailAsGiven}" is missing or not usable`,
			'Debtors are matched on e-mail. Add a valid e-mail address to the order/customer in Mijnwebwinkel (or map this payment method to a fixed debtor), then reprocess.',
			order.number,
		);
	}

	const code = address.countryCode ?? customer.deliveryAddress?.countryCode ?? null;
	const countryName = clean(address.countryName) || clean(customer.deliveryAddress?.countryName);
	if (!code && !countryName) {
		throw new OrderRefusal(
			'missing_country',
			`Order ${order.number}: the invoice address has no country`,
			"Add the country to the customer's invoice address in Mijnwebwinkel, then reprocess.",
			order.number,
		);
	}
	const country = findCountryId(indexCountries(countries), code, countryName);
	if (!country) {
		throw new OrderRefusal(
			'unknown_country',
			`Order ${order.number}: country "${countryName || code}"${code ? ` (${code})` : ''} is not in Factuursturen's country list`,
			`Check the customer's country in Mijnwebwinkel, or give the node a country mapping such as {"${code ?? 'XX'}": "<Factuursturen country id>"} (ids: Factuursturen > GET /countrylist), then reprocess.`,
			order.number,
			{ countryCode: code, countryName },
		);
	}

	const vatNumber = normalizeEuVatNumber(clean(customer.vatNumber));
	const reverseCharge = order.vat.regime === 'intra_eu_reverse_charge';
	if (reverseCharge && !vatNumber) {
		throw new OrderRefusal(
			'reverse_charge_without_vat_number',
			`Order ${order.number} is an intra-EU reverse-charge sale, but the customer has no VAT number`,
			"Add the customer's VAT number to the order/customer in Mijnwebwinkel, then reprocess the order.",
			order.number,
		);
	}
	const vatProblem = reverseCharge ? euVatNumberProblem(vatNumber) : null;
	if (vatProblem !== null) {
		throw new OrderRefusal(
			'invalid_vat_number',
			`Order ${order.number}: VAT number "${vatNumber}" cannot be used for an intra-EU reverse-charge sale: ${vatProblem}`,
			"Check the customer's VAT number in VIES (ec.europa.eu/taxation_customs/vies), correct it in Mijnwebwinkel, then reprocess.",
			order.number,
		);
	}
	if (reverseCharge && utf8Length(vatNumber) > LIMIT.taxnumber) {
		throw new OrderRefusal(
			'invalid_vat_number',
			`Order ${order.number}: VAT number "${vatNumber}" is longer than ${LIMIT.taxnumber} characters`,
			"No EU VAT number is that long. Correct the customer's VAT number in Mijnwebwinkel, then reprocess.",
			order.number,
		);
	}

	const fullName = clean(address.name) || clean(customer.name);
	const fullCompany = clean(address.company) || clean(customer.company);
	const { fields, fitted } = fitClientFields({
		taxnumber: vatNumber,
		contact: fullName || (fullCompany ? '' : email),
		company: fullCompany,
		address: clean(address.line1) || clean(`${address.street} ${address.houseNumber}`),
		zipcode: clean(address.zipcode),
		city: clean(address.city),
		phone: clean(address.phone) || clean(customer.phone),
	});

	const business = order.businessModel === 'B2B' || fullCompany !== '' || vatNumber !== '';
	const payload: FactuursturenClientPayload = {
		contact: fields.contact,
		showcontact: true,
		company: fields.company,
		address: fields.address,
		zipcode: fields.zipcode,
		city: fields.city,
		country,
		email,
		phone: fields.phone,
		taxnumber: fields.taxnumber,
		tax_shifted: reverseCharge,
		tax_type: business ? (opts.businessTaxType ?? 'extax') : (opts.consumerTaxType ?? 'intax'),
		sendmethod: opts.sendMethod ?? 'mail',
		paymentmethod: 'bank',
		default_doclang: docLanguage(code),
		currency: order.currency,
	};
	if (fields.address_addon) payload.address_addon = fields.address_addon;
	if (fitted.length)
		payload.notes = notesWithFullValues(
			'',
			`Volledige gegevens uit bestelling ${order.number} (ingekort voor Factuursturen):`,
			fitted,
		);
	return payload;
}
