/** The `/v1` routes of the Mijnwebwinkel sandbox. State lives in `MwwState`; index.ts wires it to the server. */
import type { Route, SandboxRequest, SandboxResponse } from '../common/server';
import { allGateways, storeGateways, usedPayments } from '../generator/payment-gateways';
import { localizeStatuses, type MwwStatus } from '../generator/statuses';
import type { MwwArticle, MwwCustomer } from '../generator/types';
import { badRequest, legacyError, problem } from './errors';
import { localizeOrder } from './localize';
import { compareNumbers, matches, parseFilter, parsePaging, type StoredOrder } from './order-query';

export interface MwwState {
	orders: StoredOrder[];
	statuses: MwwStatus[];
	store: Record<string, unknown>;
	regions: Array<Record<string, unknown>>;
	articles: MwwArticle[];
	customers: MwwCustomer[];
	/** local wall-clock time in Europe/Amsterdam as 'yyyy-mm-dd' and 'hh:mm:ss' */
	localNow: () => { date: string; time: string };
}

export const LANGUAGES = [
	'nl_NL',
	'en_GB',
	'de_DE',
	'fr_FR',
	'es_ES',
	'en_US',
	'pt_PT',
	'it_IT',
	'da_DK',
	'sv_SE',
	'no_NO',
	'tr_TR',
	'pl_PL',
];

const ok = (body: unknown): SandboxResponse => ({ status: 200, body });
const isResponse = (x: unknown): x is SandboxResponse =>
	typeof x === 'object' && x !== null && 'status' in x && 'body' in x && !Array.isArray(x);
const languageOf = (req: SandboxRequest): string => req.query.get('language') || 'nl_NL';

const orderNotFound = (n: string): SandboxResponse =>
	legacyError(
		404,
		'Order not found',
		`There is no order with number "${n}" in this store. Test orders carry a T- prefix.`,
	);

function findOrder(state: MwwState, n: string): StoredOrder | undefined {
	return state.orders.find((o) => String(o.number) === n);
}

function patchOrder(state: MwwState, req: SandboxRequest): SandboxResponse {
	const order = findOrder(state, req.params.number);
	if (!order) return orderNotFound(req.params.number);
	const body = req.body;
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		return badRequest(
			'Invalid request body',
			'Send a JSON object (Content-Type: application/json) with the fields to change, e.g. {"status": 3}.',
		);
	}
	const patch = body as Record<string, unknown>;
	const allowed = ['status', 'archived', 'comments', 'reference', 'offline_location_id'];
	const unknown = Object.keys(patch).filter((k) => !allowed.includes(k));
	if (unknown.length > 0)
		return badRequest(
			'Invalid request body',
			`Unknown field(s) ${unknown.join(', ')}; an order accepts ${allowed.join(', ')}.`,
		);
	const next = structuredClone(order);
	if ('status' in patch) {
		const status = state.statuses.find((s) => s.status === patch.status);
		if (!Number.isInteger(patch.status) || !status) {
			return badRequest(
				'Invalid order status',
				`Status ${JSON.stringify(patch.status)} does not exist in this store; GET /v1/orderstatuses lists the valid ids.`,
			);
		}
		const isCredit =
			next.credited_order_number !== undefined && next.credited_order_number !== null;
		if (status.credit_order !== isCredit) {
			return badRequest(
				'Invalid order status',
				`Status ${status.status} ("${status.description}") is ${status.credit_order ? 'only for credit orders' : 'not allowed on a credit order'}.`,
			);
		}
		if (next.status !== status.status) {
			const now = state.localNow();
			next.status = status.status;
			next.status_changed_date = now.date;
			next.status_changed_time = now.time;
		}
	}
	if ('archived' in patch) {
		if (typeof patch.archived !== 'boolean')
			return badRequest('Invalid value for archived', 'archived must be true or false.');
		next.archived = patch.archived;
	}
	if ('comments' in patch) {
		const c = patch.comments as Record<string, unknown> | null;
		if (
			typeof c !== 'object' ||
			c === null ||
			Object.keys(c).some((k) => k !== 'internal') ||
			typeof c.internal !== 'string'
		) {
			return badRequest(
				'Invalid value for comments',
				'comments must be {"internal": "<text>"}; the customer comment is read-only.',
			);
		}
		next.comments = { ...((next.comments as object) ?? {}), internal: c.internal };
	}
	if ('reference' in patch) {
		if (typeof patch.reference !== 'string' || patch.reference.length > 255)
			return badRequest(
				'Invalid value for reference',
				'reference must be text of at most 255 characters.',
			);
		if (next.business_model !== 'B2B')
			return badRequest(
				'Invalid value for reference',
				'reference is only available on B2B orders.',
			);
		next.reference = patch.reference;
	}
	if ('offline_location_id' in patch) {
		if (typeof patch.offline_location_id !== 'string')
			return badRequest(
				'Invalid value for offline_location_id',
				'offline_location_id must be a string.',
			);
		next.offline_location_id = patch.offline_location_id;
	}
	Object.assign(order, next);
	return ok(localizeOrder(order, languageOf(req)));
}

function listArticles(state: MwwState, req: SandboxRequest): SandboxResponse {
	const paging = parsePaging(req.query);
	if (isResponse(paging)) return paging;
	const ids = req.query.getAll('ids[]').concat(req.query.getAll('ids')).map(Number);
	const uuids = req.query.getAll('uuids[]').concat(req.query.getAll('uuids'));
	let list = state.articles;
	if (ids.length > 0) list = list.filter((a) => ids.includes(a.id));
	if (uuids.length > 0) list = list.filter((a) => uuids.includes(a.uuid));
	return ok(list.slice(paging.offset, paging.offset + paging.limit));
}

export function buildRoutes(state: MwwState): Route[] {
	return [
		{
			method: 'GET',
			path: '/v1/orders',
			handler: (req) => {
				const filter = parseFilter(req.query);
				if (isResponse(filter)) return filter;
				const paging = parsePaging(req.query);
				if (isResponse(paging)) return paging;
				const list = state.orders.filter((o) => matches(o, filter)).sort(compareNumbers);
				if (paging.ordering === 'desc') list.reverse();
				const page = list.slice(paging.offset, paging.offset + paging.limit);
				return ok(page.map((o) => localizeOrder(o, languageOf(req))));
			},
		},
		{
			method: 'GET',
			path: '/v1/orders/count',
			handler: (req) => {
				const filter = parseFilter(req.query);
				if (isResponse(filter)) return filter;
				return ok({ count: state.orders.filter((o) => matches(o, filter)).length });
			},
		},
		{
			method: 'GET',
			path: '/v1/orders/:number',
			handler: (req) => {
				const order = findOrder(state, req.params.number);
				return order ? ok(localizeOrder(order, languageOf(req))) : orderNotFound(req.params.number);
			},
		},
		{ method: 'PATCH', path: '/v1/orders/:number', handler: (req) => patchOrder(state, req) },
		{
			method: 'GET',
			path: '/v1/orderstatuses',
			handler: (req) => ok(localizeStatuses(state.statuses, languageOf(req))),
		},
		{ method: 'GET', path: '/v1/store', handler: () => ok(state.store) },
		// live the regions come wrapped in {"regions": [...]} (as observed; docs/api-readings.md); the spec says a bare array
		{
			method: 'GET',
			path: '/v1/tax-policy/regions',
			handler: () => ok({ regions: state.regions }),
		},
		{
			method: 'GET',
			path: '/v1/customers',
			handler: (req) => {
				const q = (req.query.get('q') ?? '').trim().toLowerCase();
				const embedAddress = (req.query.get('embed') ?? '').split(',').includes('address');
				const found = state.customers.filter((c) => q === '' || c.email.toLowerCase().includes(q));
				return ok({
					customers: found
						.map((c) => (embedAddress ? c : { ...c, addresses: undefined }))
						.map((c) => JSON.parse(JSON.stringify(c)) as unknown),
				});
			},
		},
		{
			method: 'GET',
			path: '/v1/customers/:id',
			handler: (req) => {
				const c = state.customers.find((x) => x.id === req.params.id);
				return c
					? ok({ customer: c })
					: problem(404, 'Not Found', `Customer "${req.params.id}" does not exist in this store.`);
			},
		},
		{
			method: 'GET',
			path: '/v1/payment/gateways',
			handler: (req) => ok(allGateways(languageOf(req))),
		},
		{
			method: 'GET',
			path: '/v1/payment/stores/:store/gateways',
			handler: (req) => {
				const store = req.params.store;
				if (store !== 'me' && store !== String(state.store.id)) {
					return legacyError(
						404,
						'Store not found',
						`There is no store "${store}" for this token; use "me" or the store's id (GET /v1/store).`,
					);
				}
				return ok(storeGateways(usedPayments(state.orders), languageOf(req)));
			},
		},
		{ method: 'GET', path: '/v1/articles', handler: (req) => listArticles(state, req) },
		{
			method: 'GET',
			path: '/v1/articles/count',
			handler: () => ok({ count: state.articles.length }),
		},
		{
			method: 'GET',
			path: '/v1/articles/:id',
			handler: (req) => {
				const a = state.articles.find(
					(x) => String(x.id) === req.params.id || x.uuid === req.params.id,
				);
				return a
					? ok(a)
					: legacyError(
							404,
							'Article not found',
							`There is no article with id "${req.params.id}" in this store.`,
						);
			},
		},
	];
}

/** routes that need only the partner token */
export const PARTNER_ONLY = new Set(['GET /v1/orderstatuses', 'GET /v1/payment/gateways']);

/** `format` and `language` are accepted on every route; anything else than JSON is refused with a reason */
export function checkCommonParams(req: SandboxRequest): SandboxResponse | undefined {
	const format = req.query.get('format');
	if (format !== null && format !== 'json') {
		return badRequest(
			'Unsupported format',
			format === 'xml'
				? 'This sandbox answers JSON only; omit format or send format=json.'
				: `format must be json or xml, got "${format}".`,
		);
	}
	const language = req.query.get('language');
	if (language !== null && !LANGUAGES.includes(language)) {
		return badRequest(
			'Invalid language',
			`language must be one of ${LANGUAGES.join(', ')}, got "${language}".`,
		);
	}
	return undefined;
}
