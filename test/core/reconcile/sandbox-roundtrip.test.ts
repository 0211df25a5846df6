/**
 * End to end at the core level, against the local Factuursturen sandbox (same paths, auth, arithmetic and
 * string-typed responses as the real API): for every golden fixture order, create the debtor from
 * buildDebtor (once as extax, once as intax), POST the invoice from buildInvoice, read it back with
 * GET /invoices/{nr} and reconcile it with the order. Every invoice must come back paid (or open when the order
 * is not known to be paid), with the order's
 * total, VAT per rate and customer data: no differences at all at a 1-cent tolerance.
 */
import * as fs from 'fs';
import * as path from 'path';
import { canonicalOrderSchema, type CanonicalOrder } from '../../../core/canonical-order';
import { buildDebtor } from '../../../core/factuursturen/debtor-builder';
import { buildInvoice } from '../../../core/factuursturen/invoice-builder';
import { parseMapping, type InvoiceMapping } from '../../../core/factuursturen/invoice-mapping';
import { reconcile } from '../../../core/reconcile/reconcile';
import {
	startFactuursturenSandbox,
	type RunningFactuursturenSandbox,
} from '../../../sandbox/factuursturen';
import { fsClient } from '../../../sandbox/factuursturen/http-client';

const ORDERS = path.join(__dirname, '../../golden/orders');
/** the sandbox is a Dutch account (NL rates plus OSS for BE, DE, FR, AT); 56 is a Belgian shop's order */
const NOT_FOR_A_DUTCH_ACCOUNT = new Set(['56-home-country-be']);

function fixtures(): Array<[string, CanonicalOrder, InvoiceMapping]> {
	const out: Array<[string, CanonicalOrder, InvoiceMapping]> = [];
	for (const dir of fs.readdirSync(ORDERS).sort()) {
		const file = path.join(ORDERS, dir, 'invoice.json');
		if (!fs.existsSync(file) || NOT_FOR_A_DUTCH_ACCOUNT.has(dir)) continue;
		if ('refusal' in JSON.parse(fs.readFileSync(file, 'utf8'))) continue;
		// the fixture's own mapping options (e.g. voucherLines) on top of the sandbox account's mapping
		const own = path.join(ORDERS, dir, 'mapping.json');
		const options = fs.existsSync(own)
			? (JSON.parse(fs.readFileSync(own, 'utf8')) as Record<string, unknown>)
			: {};
		const fixtureMapping = parseMapping({ ...BASE_MAPPING, ...options });
		out.push([
			dir,
			canonicalOrderSchema.parse(
				JSON.parse(fs.readFileSync(path.join(ORDERS, dir, 'canonical.json'), 'utf8')),
			),
			fixtureMapping,
		]);
	}
	return out;
}

let sb: RunningFactuursturenSandbox;
let api: ReturnType<typeof fsClient>;
let countries: Array<{ id: string; name: string }>;
const BASE_MAPPING = {
	ossVatRates: {
		'DE:19': '19',
		'DE:7': '7',
		'BE:21': '21',
		'BE:6': '6',
		'FR:20': '20',
		'FR:5.5': '5.5',
		'AT:20': '20',
	},
	categories: { domestic: '1' },
};

beforeAll(async () => {
	sb = await startFactuursturenSandbox({
		host: '127.0.0.1',
		port: 0,
		seed: 3,
		rateLimit: { budget: 100_000, windowMs: 3_600_000 },
	});
	api = fsClient(sb);
	countries = (await api.get('/countrylist/nl')).json();
});
afterAll(() => sb.close());

const cases = fixtures();

it('has golden fixtures to run', () => {
	expect(cases.length).toBeGreaterThan(30);
});

describe.each(['extax', 'intax'] as const)('sandbox round trip, %s debtors', (taxType) => {
	it.each(cases)(
		'%s: created, read back and reconciled without differences',
		async (_dir, order, mapping) => {
			const debtorPayload = buildDebtor(order, countries, {
				consumerTaxType: taxType,
				businessTaxType: taxType,
			});
			const created = await api.post('/clients', debtorPayload);
			expect(created.status).toBe(201);
			const clientnr = created.text.trim();

			const payload = buildInvoice(
				order,
				{
					clientnr,
					tax_type: debtorPayload.tax_type,
					tax_shifted: debtorPayload.tax_shifted,
					taxnumber: debtorPayload.taxnumber,
				},
				mapping,
			);
			const posted = await api.post('/invoices', payload);
			expect({ status: posted.status, body: posted.status === 201 ? '' : posted.text }).toEqual({
				status: 201,
				body: '',
			});
			const readBack = await api.get(`/invoices/${encodeURIComponent(posted.text.trim())}`);
			expect(readBack.status).toBe(200);

			const result = reconcile(readBack.json(), order, { toleranceCents: 1 });
			expect(result.differences).toEqual([]);
			expect(result.ok).toBe(true);
			// read back as strings, the total is exactly what the customer paid
			expect((readBack.json() as { invoice: { totalintax: string } }).invoice.totalintax).toBe(
				(order.totals.inclCents / 100).toFixed(2),
			);
		},
	);
});
