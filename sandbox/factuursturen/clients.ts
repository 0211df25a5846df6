/**
 * Clients (debtors): validation of create/update bodies and the stored shape: the key set and typing of the
 * captured real client (fs_api-client.json), every value a string, booleans "true"/"false", plus the fields the
 * documentation lists that the capture lacks (address_addon, addon, email_reminder, read-only timestamp): a
 * field the sandbox dropped would be a field whose loss no test could see. Unknown input keys are ignored
 * (clients that send `taxshifted` worked against the real API).
 */
import { resolveCountry, NETHERLANDS_ID } from './countries';
import { ApiError, bool, boolText, int, isObj, text, type Obj } from './values';

/** Key order of the captured real client. */
export const CLIENT_KEYS = [
	'clientnr',
	'contact',
	'showcontact',
	'company',
	'address',
	'zipcode',
	'city',
	'country',
	'phone',
	'mobile',
	'email',
	'bankcode',
	'biccode',
	'taxnumber',
	'tax_shifted',
	'lastinvoice',
	'sendmethod',
	'paymentmethod',
	'top',
	'stddiscount',
	'mailintro',
	'reference',
	'notes',
	'notes_on_invoice',
	'active',
	'default_doclang',
	'default_email',
	'currency',
	'mandate_id',
	'mandate_date',
	'collecttype',
	'tax_type',
	'default_category',
	// documented, not in the capture
	'address_addon',
	'addon',
	'email_reminder',
	'timestamp',
] as const;

export type Client = Record<string, unknown> & {
	clientnr: string;
	reference: { line1: string; line2: string; line3: string };
};

const TEXT_LIMITS: Record<string, number> = {
	contact: 50,
	company: 50,
	address: 50,
	address_addon: 50,
	zipcode: 7,
	city: 50,
	phone: 13,
	mobile: 13,
	email: 255,
	addon: 255,
	email_reminder: 255,
	bankcode: 32,
	biccode: 32,
	taxnumber: 18,
	mailintro: 128,
	mandate_id: 35,
	notes: 10_000,
};

const ENUMS: Record<string, readonly string[]> = {
	sendmethod: ['mail', 'email', 'printcenter'],
	paymentmethod: ['bank', 'autocollect'],
	tax_type: ['extax', 'intax'],
	default_doclang: ['', 'nl', 'en', 'de', 'fr', 'es'],
	collecttype: ['OOFF', 'FRST', 'RCUR'],
};

const BOOLEANS = ['showcontact', 'tax_shifted', 'notes_on_invoice', 'active'];

function blankClient(clientnr: string): Client {
	return {
		clientnr,
		contact: '',
		showcontact: 'true',
		company: '',
		address: '',
		zipcode: '',
		city: '',
		country: NETHERLANDS_ID,
		phone: '',
		mobile: '',
		email: '',
		bankcode: '',
		biccode: '',
		taxnumber: '',
		tax_shifted: 'false',
		lastinvoice: '',
		sendmethod: 'mail',
		paymentmethod: 'bank',
		top: '14',
		stddiscount: '0',
		mailintro: 'Geachte heer/mevrouw,',
		reference: { line1: '', line2: '', line3: '' },
		notes: '',
		notes_on_invoice: 'false',
		active: 'true',
		default_doclang: '',
		default_email: '0',
		currency: 'EUR',
		mandate_id: '',
		mandate_date: '',
		collecttype: 'FRST',
		tax_type: 'extax',
		default_category: '0',
		address_addon: '',
		addon: '',
		email_reminder: '',
		timestamp: '',
	};
}

/** Applies the fields present in `body` onto `client` (validated), leaving absent fields as they are. */
function apply(client: Client, body: Obj, categoryIds: ReadonlySet<string>): void {
	for (const [field, max] of Object.entries(TEXT_LIMITS)) {
		const v = text(body, field, max);
		if (v !== undefined && field in client) client[field] = v.trim();
	}
	for (const [field, allowed] of Object.entries(ENUMS)) {
		const v = text(body, field);
		if (v === undefined) continue;
		if (!allowed.includes(v)) {
			throw new ApiError(
				`${field}: "${v}" is not allowed; use one of ${allowed.map((a) => `'${a}'`).join(', ')}`,
			);
		}
		client[field] = v;
	}
	for (const field of BOOLEANS) {
		const v = bool(body, field);
		if (v !== undefined) client[field] = boolText(v);
	}
	const country = text(body, 'country');
	if (country !== undefined && country.trim() !== '') client.country = resolveCountry(country);
	const top = int(body, 'top');
	if (top !== undefined) {
		if (top < 0 || top > 365)
			throw new ApiError('top: the payment term must be between 0 and 365 days');
		client.top = String(top);
	}
	const stddiscount = int(body, 'stddiscount');
	if (stddiscount !== undefined) {
		if (stddiscount < 0 || stddiscount > 100)
			throw new ApiError('stddiscount: must be between 0 and 100');
		client.stddiscount = String(stddiscount);
	}
	const defaultEmail = int(body, 'default_email');
	if (defaultEmail !== undefined) client.default_email = String(defaultEmail);
	const currency = text(body, 'currency');
	if (currency !== undefined) {
		if (!/^[A-Z]{3}$/.test(currency))
			throw new ApiError(`currency: "${currency}" is not a currency code like EUR`);
		client.currency = currency;
	}
	const mandateDate = text(body, 'mandate_date');
	if (mandateDate !== undefined) {
		if (mandateDate !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(mandateDate)) {
			throw new ApiError(`mandate_date: "${mandateDate}" is not a date like 2024-05-09`);
		}
		client.mandate_date = mandateDate;
	}
	const category = text(body, 'default_category');
	if (category !== undefined) {
		if (category !== '0' && category !== '' && !categoryIds.has(category)) {
			throw new ApiError(
				`default_category: ${category} is not a category of this account (GET /categories)`,
			);
		}
		client.default_category = category || '0';
	}
	if (body.reference !== undefined) {
		if (!isObj(body.reference))
			throw new ApiError('reference: expected an object {line1, line2, line3}');
		for (const line of ['line1', 'line2', 'line3'] as const) {
			const v = text(body.reference, line, 255, `reference.${line}`);
			if (v !== undefined) client.reference[line] = v;
		}
	}
}

function checkComplete(client: Client): void {
	if (String(client.contact) === '' && String(client.company) === '') {
		throw new ApiError('contact or company is required: a client needs a name');
	}
	const email = String(client.email);
	if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
		throw new ApiError(`email: "${email}" is not a valid e-mail address`);
	}
	if (client.sendmethod === 'email' && email === '') {
		throw new ApiError('email: required when sendmethod is email');
	}
}

/** `stamp`: the local time of the change ("2024-05-09 10:56"), returned read-only as `timestamp` */
export function createClient(
	body: Obj,
	clientnr: string,
	categoryIds: ReadonlySet<string>,
	stamp = '',
): Client {
	const client = blankClient(clientnr);
	apply(client, body, categoryIds);
	checkComplete(client);
	client.timestamp = stamp;
	return client;
}

/** PUT: "all required fields should be present" — the body itself must name the client. */
export function updateClient(
	existing: Client,
	body: Obj,
	categoryIds: ReadonlySet<string>,
	stamp = '',
): Client {
	if (!text(body, 'contact') && !text(body, 'company')) {
		throw new ApiError(
			'contact or company is required: send all required fields when updating a client',
		);
	}
	const updated = JSON.parse(JSON.stringify(existing)) as Client;
	apply(updated, body, categoryIds);
	checkComplete(updated);
	updated.timestamp = stamp || String(existing.timestamp ?? '');
	return updated;
}
