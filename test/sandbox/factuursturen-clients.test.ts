/**
 * Factuursturen sandbox: auth, clients (CRUD, 201 plain-text ids, field limits, the unknown-number quirk),
 * the text search, and the captured client shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	startFactuursturenSandbox,
	type RunningFactuursturenSandbox,
} from '../../sandbox/factuursturen';
import { basicAuth, fsClient } from '../../sandbox/factuursturen/http-client';

const CAPTURED = join(__dirname, '../fixtures/factuursturen');
const capturedClient = JSON.parse(readFileSync(`${CAPTURED}/fs_api-client.json`, 'utf8')) as Record<
	string,
	unknown
>;

let sb: RunningFactuursturenSandbox;
let api: ReturnType<typeof fsClient>;

beforeAll(async () => {
	sb = await startFactuursturenSandbox({ seed: 11 });
	api = fsClient(sb);
});
afterAll(() => sb.close());
beforeEach(async () => {
	await api.request('POST', '/__sandbox/reset');
});

const jan = {
	contact: 'Jan Jansen',
	email: 'jan@example.nl',
	address: 'Dorpsstraat 1',
	zipcode: '1234 AB',
	city: 'Utrecht',
	country: 146,
};

async function createClient(body: Record<string, unknown>): Promise<string> {
	const res = await api.post('/clients', body);
	expect(res.status).toBe(201);
	return res.text;
}

describe('auth', () => {
	it('answers 401 in plain text without credentials, with a wrong key and with a wrong user', async () => {
		for (const authorization of [
			null,
			basicAuth('demo', 'wrong-key'),
			basicAuth('someone', 'demo-api-key'),
			'Bearer demo-api-key',
		]) {
			const res = await api.get('/clients', { authorization });
			expect(res.status).toBe(401);
			expect(res.contentType).toMatch(/^text\/plain/);
			expect(res.text).toMatch(/Authentication failed/);
			expect(res.text).not.toContain('demo-api-key');
			expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
		}
	});

	it('accepts configured credentials and never logs the Authorization header', async () => {
		const other = await startFactuursturenSandbox({ username: 'shop', apiKey: 's3cret-key' });
		try {
			const c = fsClient(other);
			expect((await c.get('/clients')).status).toBe(200);
			expect(
				(await c.get('/clients', { authorization: basicAuth('demo', 'demo-api-key') })).status,
			).toBe(401);
			const log = (await c.get('/__sandbox/requests')).text;
			expect(log).not.toContain('s3cret-key');
			expect(log).not.toContain(Buffer.from('shop:s3cret-key').toString('base64'));
		} finally {
			await other.close();
		}
	});
});

describe('clients CRUD', () => {
	it('creates with 201 and the new clientnr as plain text, then reads it back wrapped in "client"', async () => {
		const res = await api.post('/clients', jan);
		expect(res.status).toBe(201);
		expect(res.contentType).toMatch(/^text\/plain/);
		expect(res.text).toMatch(/^\d+$/);
		const second = await createClient({ company: 'Acme BV' });
		expect(Number(second)).toBe(Number(res.text) + 1);

		const got = await api.get(`/clients/${res.text}`);
		expect(got.status).toBe(200);
		const client = got.json<{ client: Record<string, unknown> }>().client;
		expect(client).toMatchObject({
			clientnr: res.text,
			contact: 'Jan Jansen',
			email: 'jan@example.nl',
			zipcode: '1234 AB',
			country: '146',
			tax_type: 'extax',
			tax_shifted: 'false',
			showcontact: 'true',
			top: '14',
			lastinvoice: '',
		});
		const list = (await api.get('/clients')).json<Array<{ clientnr: string }>>();
		expect(list.map((c) => c.clientnr)).toEqual([res.text, second]);
	});

	it('accepts form-encoded bodies with string booleans and resolves country names', async () => {
		const res = await api.post(
			'/clients',
			{
				company: 'Müller GmbH',
				country: 'Duitsland',
				tax_shifted: 'true',
				taxnumber: 'DE123456789',
				tax_type: 'extax',
			},
			{ form: true },
		);
		expect(res.status).toBe(201);
		const client = (await api.get(`/clients/${res.text}`)).json<{
			client: Record<string, unknown>;
		}>().client;
		expect(client).toMatchObject({
			company: 'Müller GmbH',
			country: '50',
			tax_shifted: 'true',
			taxnumber: 'DE123456789',
		});
		const en = await createClient({ company: 'Dupont SA', country: 'France' });
		expect(
			(await api.get(`/clients/${en}`)).json<{ client: { country: string } }>().client.country,
		).toBe('63');
		const bad = await api.post('/clients', { company: 'X', country: 'Atlantis' });
		expect(bad.status).toBe(400);
		expect(bad.text).toMatch(/^country: .*countrylist/);
	});

	it('updates with PUT (all required fields present) and deletes', async () => {
		const nr = await createClient(jan);
		const put = await api.put(`/clients/${nr}`, { contact: 'Jan Jansen', city: 'Amersfoort' });
		expect(put.status).toBe(200);
		expect(
			(await api.get(`/clients/${nr}`)).json<{ client: { city: string; email: string } }>().client,
		).toMatchObject({
			city: 'Amersfoort',
			email: 'jan@example.nl',
		});
		const incomplete = await api.put(`/clients/${nr}`, { city: 'Zeist' });
		expect(incomplete.status).toBe(400);
		expect(incomplete.text).toMatch(/contact or company is required/);
		expect((await api.put('/clients/999999', jan)).status).toBe(404);

		expect((await api.del(`/clients/${nr}`)).status).toBe(200);
		expect((await api.del(`/clients/${nr}`)).status).toBe(404);
	});

	it('answers an unknown clientnr with 200 and a JSON array of all clients (the verified quirk)', async () => {
		const a = await createClient(jan);
		const b = await createClient({ company: 'Acme BV' });
		const res = await api.get('/clients/987654');
		expect(res.status).toBe(200);
		const body = res.json<unknown>();
		expect(Array.isArray(body)).toBe(true);
		expect((body as Array<{ clientnr: string }>).map((c) => c.clientnr)).toEqual([a, b]);
	});

	it.each([
		['zipcode', '12345678', 7],
		['phone', '+3161234567890', 13],
		['mobile', '06 1234 5678 9', 13],
		['contact', 'x'.repeat(51), 50],
		['company', 'x'.repeat(51), 50],
		['address', 'x'.repeat(51), 50],
		['city', 'x'.repeat(51), 50],
		['taxnumber', 'NL001234567890B0199', 18],
		['email', `${'a'.repeat(250)}@ex.nl`, 255],
	])('rejects %s of %p with 400 naming the field (limit %p)', async (field, value, limit) => {
		const res = await api.post('/clients', { ...jan, [field]: value });
		expect(res.status).toBe(400);
		expect(res.contentType).toMatch(/^text\/plain/);
		expect(res.text).toContain(`${field}: maximum length is ${limit}`);
		expect((await api.state()).clients).toHaveLength(0);
	});

	it('refuses a body that is neither JSON nor form fields', async () => {
		const res = await fetch(`${sb.baseUrl}/clients`, {
			method: 'POST',
			headers: {
				Authorization: basicAuth('demo', 'demo-api-key'),
				'Content-Type': 'application/json',
			},
			body: '{"contact": "Jan"',
		});
		expect(res.status).toBe(400);
		expect(await res.text()).toMatch(/neither JSON nor form-encoded/);
	});

	it('accepts values exactly at the limits', async () => {
		const res = await api.post('/clients', {
			contact: 'c'.repeat(50),
			company: 'd'.repeat(50),
			address: 'e'.repeat(50),
			city: 'f'.repeat(50),
			zipcode: '1234 AB',
			phone: '+316123456789',
			mobile: '0612345678901',
			taxnumber: 'NL00123456789B0199',
		});
		expect(res.status).toBe(201);
		const client = (await api.get(`/clients/${res.text}`)).json<{
			client: Record<string, string>;
		}>().client;
		expect([client.zipcode, client.phone, client.mobile, client.taxnumber]).toEqual([
			'1234 AB',
			'+316123456789',
			'0612345678901',
			'NL00123456789B0199',
		]);
	});

	it('requires a name, a valid e-mail, an address for sendmethod email and known enum values', async () => {
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			[{ email: 'x@example.nl' }, /contact or company is required/],
			[{ contact: 'A', email: 'not-an-email' }, /^email: .*not a valid/],
			[{ contact: 'A', sendmethod: 'email' }, /^email: required when sendmethod is email/],
			[{ contact: 'A', sendmethod: 'fax' }, /^sendmethod: "fax" is not allowed/],
			[{ contact: 'A', tax_type: 'gross' }, /^tax_type: /],
			[{ contact: 'A', tax_shifted: 'maybe' }, /^tax_shifted: expected true or false/],
			[{ contact: 'A', default_category: '77' }, /^default_category: 77 is not a category/],
		];
		for (const [body, message] of cases) {
			const res = await api.post('/clients', body);
			expect(res.status).toBe(400);
			expect(res.text).toMatch(message);
		}
	});
});

describe('search', () => {
	beforeEach(async () => {
		await createClient(jan);
		await createClient({ contact: 'Fran Visser', email: 'fran@example.nl' });
		await createClient({
			contact: 'Piet Puk',
			email: 'piet+shop@voorbeeld.be',
			company: 'Puk & Zn',
		});
	});
	const emails = (body: unknown): string[] =>
		(body as Array<{ email: string }>).map((c) => c.email);

	it('finds an exact e-mail, URL-decoded', async () => {
		const res = await api.get(`/search/clients/email/${encodeURIComponent('jan@example.nl')}`);
		expect(res.status).toBe(200);
		expect(emails(res.json())).toEqual(['jan@example.nl']);
		const plus = await api.get('/search/clients/email/piet%2Bshop%40voorbeeld.be');
		expect(emails(plus.json())).toEqual(['piet+shop@voorbeeld.be']);
	});

	it('is a case-insensitive substring search, not an exact match', async () => {
		expect(emails((await api.get('/search/clients/email/JAN%40EXAMPLE.NL')).json())).toEqual([
			'jan@example.nl',
		]);
		// "an@example.nl" is inside both jan@ and fran@: a client must filter exact matches itself
		expect(emails((await api.get('/search/clients/email/an%40example.nl')).json())).toEqual([
			'jan@example.nl',
			'fran@example.nl',
		]);
		expect(emails((await api.get('/search/clients/all/puk')).json())).toEqual([
			'piet+shop@voorbeeld.be',
		]);
		expect(emails((await api.get('/search/clients/contact/example')).json())).toEqual([]);
	});

	it('answers no match with [] by default and 404 when switched (control or option)', async () => {
		const empty = await api.get('/search/clients/email/nobody%40example.nl');
		expect(empty.status).toBe(200);
		expect(empty.json()).toEqual([]);

		expect((await api.control({ searchNoMatch: '404' })).searchNoMatch).toBe('404');
		const missing = await api.get('/search/clients/email/nobody%40example.nl');
		expect(missing.status).toBe(404);
		expect((await api.get('/search/clients/email/jan%40example.nl')).status).toBe(200);

		const other = await startFactuursturenSandbox({ searchNoMatch: '404' });
		try {
			expect((await fsClient(other).get('/search/clients/all/zzz')).status).toBe(404);
		} finally {
			await other.close();
		}
	});

	it('refuses unknown areas and fields', async () => {
		expect((await api.get('/search/debtors/email/x')).status).toBe(400);
		const res = await api.get('/search/clients/mail/x');
		expect(res.status).toBe(400);
		expect(res.text).toMatch(/no field "mail"/);
	});
});

describe('captured client shape', () => {
	it('stores and returns every documented text field it accepts, address_addon included', async () => {
		const nr = await createClient({
			...jan,
			address: 'Burgemeester van Karnebeek-... 12',
			address_addon: 'Hoogerhuisstraat',
			addon: 'Afdeling inkoop',
		});
		const client = (await api.get(`/clients/${nr}`)).json<{ client: Record<string, unknown> }>()
			.client;
		expect(client).toMatchObject({
			address_addon: 'Hoogerhuisstraat',
			addon: 'Afdeling inkoop',
			timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
		});
		expect(
			(await api.post('/clients', { ...jan, email: 'x@example.nl', address_addon: 'x'.repeat(51) }))
				.status,
		).toBe(400);
	});

	it('has the key set and value types of the captured real client, plus the documented fields it lacks', async () => {
		const nr = await createClient(jan);
		const client = (await api.get(`/clients/${nr}`)).json<{ client: Record<string, unknown> }>()
			.client;
		expect(Object.keys(client)).toEqual([
			...Object.keys(capturedClient),
			'address_addon',
			'addon',
			'email_reminder',
			'timestamp',
		]);
		for (const [key, value] of Object.entries(capturedClient)) {
			expect([key, typeof client[key]]).toEqual([key, typeof value]);
		}
		expect(Object.keys(client.reference as object)).toEqual(
			Object.keys(capturedClient.reference as object),
		);
		// every scalar a string, booleans as "true"/"false"
		for (const key of ['showcontact', 'tax_shifted', 'notes_on_invoice', 'active']) {
			expect(['true', 'false']).toContain(client[key]);
		}
	});
});
