/** The `/api/v1` routes of the Factuursturen sandbox, mapped onto an Account. */
import type { Route, SandboxRequest, SandboxResponse } from '../common/server';
import type { Account } from './account';
import { CLIENT_KEYS, updateClient } from './clients';
import { COUNTRY_LIST } from './countries';
import { PROFILES } from './defaults';
import {
	ADDED_INVOICE_KEYS,
	applyPayment,
	CAPTURED_INVOICE_KEYS,
	matchesFilter,
	type Invoice,
} from './invoices';
import { invoicePdf } from './pdf';
import { applyProduct, PRODUCT_KEYS } from './products';
import { textSearch } from './search';
import { ApiError, text, unflatten, type Obj } from './values';

export interface RouteSettings {
	/** what a search without hits answers: `[]` (default) or a 404 */
	searchNoMatch: 'empty' | '404';
	/** page size of GET /invoices when `count` is absent (`count=-1` = all) */
	defaultListCount: number;
	/** most invoices one GET /invoices answers, whatever `count` asks (-1 included); null = no cap */
	listCap: number | null;
}

const BASE = '/api/v1';
const ok = (body: unknown, status = 200): SandboxResponse => ({ status, body });
const plain = (status: number, body: string): SandboxResponse => ({ status, body });
const notFound = (what: string): SandboxResponse => plain(404, `${what} not found`);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** ApiError → plain-text answer, like the real API's validation errors */
function guarded(handler: (req: SandboxRequest, body: Obj) => SandboxResponse): Route['handler'] {
	return (req) => {
		try {
			if (req.rawBody.trim() !== '' && (typeof req.body !== 'object' || req.body === null)) {
				throw new ApiError('the request body is neither JSON nor form-encoded fields');
			}
			return handler(req, unflatten(req.body));
		} catch (e) {
			if (e instanceof ApiError) return plain(e.status, e.message);
			throw e;
		}
	};
}

function intParam(q: URLSearchParams, name: string): number | undefined {
	const v = q.get(name);
	if (v === null || v === '') return undefined;
	if (!/^-?\d+$/.test(v)) throw new ApiError(`${name}: "${v}" is not a whole number`);
	return Number(v);
}

function dateParam(q: URLSearchParams, name: string): string | undefined {
	const v = q.get(name);
	if (v === null || v === '') return undefined;
	if (!DATE.test(v)) throw new ApiError(`${name}: "${v}" is not a date like 2024-05-09`);
	return v;
}

export function buildRoutes(account: () => Account, settings: RouteSettings): Route[] {
	const route = (
		method: string,
		path: string,
		handler: (req: SandboxRequest, body: Obj) => SandboxResponse,
	): Route => ({
		method,
		path: BASE + path,
		handler: guarded(handler),
	});
	const invoiceOr404 = (idOrNr: string): Invoice => {
		const invoice = account().findInvoice(idOrNr);
		if (!invoice) throw new ApiError(`invoice ${idOrNr} not found`, 404);
		return invoice;
	};

	return [
		// clients
		route('GET', '/clients', () => ok([...account().clients.values()])),
		route('GET', '/clients/:clientnr', (req) => {
			const client = account().clients.get(req.params.clientnr);
			// Verified quirk: an unknown number answers 200 with the list of all clients, not a 404.
			return client ? ok({ client }) : ok([...account().clients.values()]);
		}),
		route('POST', '/clients', (_req, body) => plain(201, account().addClient(body).clientnr)),
		route('PUT', '/clients/:clientnr', (req, body) => {
			const a = account();
			const existing = a.clients.get(req.params.clientnr);
			if (!existing) return notFound(`client ${req.params.clientnr}`);
			const now = a.local();
			a.clients.set(
				existing.clientnr,
				updateClient(existing, body, a.categoryIds, `${now.date} ${now.time}`),
			);
			return plain(200, '');
		}),
		route('DELETE', '/clients/:clientnr', (req) => {
			if (!account().clients.delete(req.params.clientnr))
				return notFound(`client ${req.params.clientnr}`);
			return plain(200, '');
		}),

		// search
		route('GET', '/search/:area/:field/:query', (req) => {
			const a = account();
			const { area, field, query } = req.params;
			let hits: Array<Record<string, unknown>>;
			if (area === 'clients')
				hits = textSearch([...a.clients.values()], field, query, CLIENT_KEYS, area);
			else if (area === 'invoices') {
				hits = textSearch(
					a.invoices,
					field,
					query,
					[...CAPTURED_INVOICE_KEYS, ...ADDED_INVOICE_KEYS],
					area,
				);
			} else if (area === 'invoices_saved') {
				hits = textSearch(
					a.saved,
					field,
					query,
					[...CAPTURED_INVOICE_KEYS, ...ADDED_INVOICE_KEYS, 'savename'],
					area,
				);
			} else if (area === 'products')
				hits = textSearch(a.products, field, query, PRODUCT_KEYS, area);
			else if (area === 'invoices_repeated') hits = [];
			else
				throw new ApiError(
					`search: unknown area "${area}"; use invoices, invoices_saved, invoices_repeated, clients or products`,
				);
			if (hits.length === 0 && settings.searchNoMatch === '404') return plain(404, 'Nothing found');
			return ok(hits);
		}),

		// invoices
		route('GET', '/invoices', (req) => {
			const q = req.query;
			const since = dateParam(q, 'since');
			const until = dateParam(q, 'until');
			const filter = q.get('filter') || undefined;
			const client = q.get('client') || undefined;
			const count = intParam(q, 'count') ?? settings.defaultListCount;
			const start = intParam(q, 'start') ?? 0;
			if (start < 0) throw new ApiError('start: must be 0 or more');
			if (count < -1) throw new ApiError('count: must be -1 (all) or more');
			const today = account().local().date;
			const list = account().invoices.filter(
				(i) =>
					(!since || String(i.sent) >= since) &&
					(!until || String(i.sent) <= until) &&
					(!client || i.clientnr === client) &&
					(!filter || matchesFilter(i, filter, today)),
			);
			const page = count === -1 ? list.slice(start) : list.slice(start, start + count);
			return ok(settings.listCap === null ? page : page.slice(0, settings.listCap));
		}),
		route('GET', '/invoices/:id', (req) => ok({ invoice: invoiceOr404(req.params.id) })),
		route('POST', '/invoices', (_req, body) => {
			const action = text(body, 'action');
			if (action === 'send') return plain(201, account().createInvoice(body).invoicenr);
			if (action === 'save') return plain(201, account().saveInvoice(body).id);
			if (action === 'repeat')
				throw new ApiError('action repeat (repeating invoices) is not supported by this sandbox');
			throw new ApiError(
				`action: ${action ? `"${action}" is not allowed` : 'required'}; use send, save or repeat`,
			);
		}),
		route('DELETE', '/invoices/:id', (req) => {
			const a = account();
			const invoice = invoiceOr404(req.params.id);
			a.invoices.splice(a.invoices.indexOf(invoice), 1);
			return plain(200, '');
		}),
		route('GET', '/invoices_saved', () => ok(account().saved)),
		route('GET', '/invoices_saved/:id', (req) => {
			const saved = account().saved.find((s) => s.id === req.params.id);
			return saved ? ok({ invoice: saved }) : notFound(`saved invoice ${req.params.id}`);
		}),
		route('DELETE', '/invoices_saved/:id', (req) => {
			const a = account();
			const i = a.saved.findIndex((s) => s.id === req.params.id);
			if (i < 0) return notFound(`saved invoice ${req.params.id}`);
			a.saved.splice(i, 1);
			return plain(200, '');
		}),
		route('GET', '/invoices_repeated', () => ok([])),
		route('GET', '/invoices_pdf/:invoicenr', (req) => {
			const inv = invoiceOr404(req.params.invoicenr);
			const pdf = invoicePdf([
				`Factuur ${String(inv.invoicenr)}`,
				`Datum ${String(inv.sent)}`,
				`Klant ${inv.clientnr} ${String(inv.company || inv.contact)}`,
				`Totaal incl. btw EUR ${String(inv.totalintax)}`,
			]);
			return { status: 200, body: pdf, contentType: 'application/pdf' };
		}),
		route('POST', '/invoices_payment/:invoicenr', (req, body) => {
			const inv = invoiceOr404(req.params.invoicenr);
			const date = text(body, 'date');
			if (!date || !DATE.test(date))
				throw new ApiError('date is required: the payment date as YYYY-MM-DD');
			const amount = text(body, 'amount');
			if (!amount)
				throw new ApiError("amount is required: 'full' or the paid amount with a dot, like 12.50");
			applyPayment(inv, {
				date,
				time: account().local().time,
				amount,
				method: text(body, 'method', 32) ?? '',
			});
			return { status: 201 };
		}),

		// account settings
		route('GET', '/taxes', () =>
			ok(
				account().taxes.map((t) => ({
					percentage: String(t.percentage),
					type: t.type,
					default: t.default ? 'true' : 'false',
					country: t.country,
				})),
			),
		),
		route('GET', '/categories', () =>
			ok(
				account().categories.map((c) => ({
					id: String(c.id),
					name: c.name,
					ledger: String(c.ledger),
				})),
			),
		),
		route('GET', '/profiles', () => ok(PROFILES)),
		route('GET', '/countrylist/:lang', (req) => {
			if (!['nl', 'en', 'de', 'fr', 'es'].includes(req.params.lang)) {
				throw new ApiError(
					`countrylist: language "${req.params.lang}" is not available; use nl, en, de, fr or es`,
				);
			}
			return ok(COUNTRY_LIST);
		}),

		// products
		route('GET', '/products', () => ok(account().products)),
		route('GET', '/products/:id', (req) => {
			const p = account().products.find((x) => x.id === req.params.id);
			return p ? ok({ product: p }) : notFound(`product ${req.params.id}`);
		}),
		route('POST', '/products', (_req, body) => plain(201, account().addProduct(body).id)),
		route('PUT', '/products/:id', (req, body) => {
			const a = account();
			const i = a.products.findIndex((x) => x.id === req.params.id);
			if (i < 0) return notFound(`product ${req.params.id}`);
			a.products[i] = applyProduct(a.products[i], a.products[i].id, body, a.taxes);
			return plain(200, '');
		}),
		route('DELETE', '/products/:id', (req) => {
			const a = account();
			const i = a.products.findIndex((x) => x.id === req.params.id);
			if (i < 0) return notFound(`product ${req.params.id}`);
			a.products.splice(i, 1);
			return plain(200, '');
		}),
	];
}
