/**
 * Mijnwebwinkel (MyOnlineStore API v1) sandbox: a local stand-in a client cannot tell from the real API except
 * by its base URL. Readings of undocumented behaviour follow docs/api-readings.md.
 *
 * Demo credentials (query parameters on every call, as the real API wants them):
 *   token=demo-store-token  partner_token=demo-partner-token
 *   token=foreign-partner-store-token → 403 "Token issued for another partner"
 *   token=no-api-plan-store-token     → 403 "API not available on this plan"
 *   any other / missing token         → 401 {"code":401,"message":"Invalid token"|"Missing token",…}
 *   GET /v1/orderstatuses and GET /v1/payment/gateways need only partner_token.
 *
 * Routes: GET /v1/orders (+ /count, /:number), PATCH /v1/orders/:number, GET /v1/orderstatuses, /v1/store,
 * /v1/tax-policy/regions ({"regions":[…]}), /v1/customers?q=, /v1/customers/:id, /v1/articles (+ /count, /:id),
 * /v1/payment/gateways (the catalogue), /v1/payment/stores/{me|store id}/gateways (the methods the orders use).
 *
 * Quirks served on purpose (deterministic per seed; see sandbox/generator):
 *   - `number` is a string or an int; test orders are "T-<n>", listed only with test=true, and their
 *     order objects carry no test flag; `credited_order_number` follows the same two shapes.
 *   - `price.tax` is an object (one rate) or an array; line `price` an object or an array (split over rates,
 *     sometimes an array of one); discount lines (type "discount") always an array with negative amounts.
 *   - `shipping[].country` is sometimes `[]`; `debtor.address.delivery` is sometimes absent.
 *   - deprecated fields (debtor.name/company/phone/gender/bankaccount, finished, payment, payment_status) present.
 *   - credit orders: own number, positive amounts, a status with credit_order true, credited_order_number set.
 *   - status ids are NOT fixed: `shuffleStatusIds` permutes them (names stay).
 *   - list filters: dates inclusive, Europe/Amsterdam local; `archived` omitted = both; limit > 100 → 400.
 *   - PATCH returns 200 with the updated order (spec); unknown status id → 400.
 *   - rate limit (when configured): 429 + Retry-After (seconds) + the legacy JSON error body.
 * Inspection under /__sandbox/* (see sandbox/common/server.ts); tokens are redacted in the request log.
 * POST /__sandbox/control accepts {"rateLimit": {requestsPerWindow, windowMs} | null}.
 */
import { readFileSync } from 'node:fs';
import { seededRandom } from '../common/random';
import { startSandbox, type RunningSandbox } from '../common/server';
import { generateShop, type GeneratedShop, type GenerateShopOptions } from '../generator';
import {
	buildArticles,
	buildRegions,
	buildStore,
	customersFromOrders,
} from '../generator/shop-data';
import { defaultStatuses, shuffleStatusIds, type MwwStatus } from '../generator/statuses';
import { checkAccess, RateLimiter, type RateLimitConfig } from './access';
import type { StoredOrder } from './order-query';
import { buildRoutes, checkCommonParams, PARTNER_ONLY, type MwwState } from './routes';
import { amsterdamClock } from '../common/amsterdam-clock';

export interface MijnwebwinkelSandboxOptions {
	seed?: number;
	storeToken?: string;
	partnerToken?: string;
	/** store token that answers 403 "Token issued for another partner" (default 'foreign-partner-store-token') */
	foreignPartnerStoreToken?: string;
	/** store token that answers 403 "API not available on this plan" (default 'no-api-plan-store-token') */
	noApiAccessStoreToken?: string;
	/** orders in the API's own shape; default: a generated shop */
	orders?: unknown[];
	/** path to a JSON file holding an array of orders in the API's own shape */
	ordersFile?: string;
	statuses?: Array<{ status: number; description: string; credit_order: boolean }>;
	/** permute the id table (same names, other ids) and remap the orders' statuses consistently */
	shuffleStatusIds?: boolean;
	shop?: GenerateShopOptions;
	rateLimit?: RateLimitConfig | null;
	/** the sandbox's clock (rate-limit windows, status-change stamps of PATCH); default: the system clock */
	now?: () => Date;
	port?: number;
	host?: string;
}

export type RunningMijnwebwinkelSandbox = RunningSandbox & {
	storeToken: string;
	partnerToken: string;
	foreignPartnerStoreToken: string;
	noApiAccessStoreToken: string;
	/** current orders (PATCHes applied), a copy */
	orders(): unknown[];
	/** the status table served (after any shuffle) */
	statuses(): MwwStatus[];
	/** the generated shop, when orders were generated (null when given) */
	shop: GeneratedShop | null;
	setRateLimit(config: RateLimitConfig | null): void;
};

function loadOrders(o: MijnwebwinkelSandboxOptions): unknown[] | null {
	if (o.orders && o.ordersFile)
		throw new Error('Mijnwebwinkel sandbox: give either orders or ordersFile, not both');
	let orders: unknown = o.orders ?? null;
	if (o.ordersFile) {
		let text: string;
		try {
			text = readFileSync(o.ordersFile, 'utf8');
		} catch (error) {
			throw new Error(
				`Mijnwebwinkel sandbox: cannot read ordersFile "${o.ordersFile}": ${(error as Error).message}`,
			);
		}
		try {
			orders = JSON.parse(text);
		} catch (error) {
			throw new Error(
				`Mijnwebwinkel sandbox: ordersFile "${o.ordersFile}" is not valid JSON: ${(error as Error).message}`,
			);
		}
	}
	if (orders === null) return null;
	if (!Array.isArray(orders))
		throw new Error(
			'Mijnwebwinkel sandbox: orders must be a JSON array of orders in the API shape',
		);
	orders.forEach((x, i) => {
		const n = (x as { number?: unknown } | null)?.number;
		if (typeof x !== 'object' || x === null || (typeof n !== 'string' && typeof n !== 'number')) {
			throw new Error(
				`Mijnwebwinkel sandbox: order at index ${i} has no "number" (string or integer)`,
			);
		}
	});
	return orders;
}

export async function startMijnwebwinkelSandbox(
	o: MijnwebwinkelSandboxOptions = {},
): Promise<RunningMijnwebwinkelSandbox> {
	const seed = o.seed ?? 1;
	const tokens = {
		storeToken: o.storeToken ?? 'demo-store-token',
		partnerToken: o.partnerToken ?? 'demo-partner-token',
		foreignPartnerStoreToken: o.foreignPartnerStoreToken ?? 'foreign-partner-store-token',
		noApiAccessStoreToken: o.noApiAccessStoreToken ?? 'no-api-plan-store-token',
	};
	const now = o.now ?? (() => new Date());
	let statuses: MwwStatus[] = (o.statuses ?? o.shop?.statuses ?? defaultStatuses()).map((s) => ({
		...s,
	}));
	const given = loadOrders(o);
	const shop = given ? null : generateShop({ seed, ...o.shop, statuses });
	let initialOrders = structuredClone((given ?? shop!.orders) as StoredOrder[]);
	if (o.shuffleStatusIds) {
		const shuffled = shuffleStatusIds(statuses, seededRandom(seed ^ 0x5747));
		statuses = shuffled.table;
		for (const order of initialOrders) {
			if (typeof order.status === 'number')
				order.status = shuffled.map.get(order.status) ?? order.status;
		}
	}
	const today = o.shop?.today ?? shop?.today ?? amsterdamClock(now()).date;
	const store = shop?.store ?? buildStore(seed);
	const state: MwwState = {
		orders: structuredClone(initialOrders),
		statuses,
		store,
		regions: shop?.regions ?? buildRegions(seed),
		articles: shop?.articles ?? buildArticles(seed, today),
		customers: shop?.customers ?? customersFromOrders(initialOrders, String(store.id), seed),
		localNow: () => amsterdamClock(now()),
	};
	initialOrders = structuredClone(state.orders);
	const limiter = new RateLimiter(null, () => now().getTime());
	limiter.configure(o.rateLimit ?? null);

	const running = await startSandbox(
		{
			name: 'mijnwebwinkel',
			seed,
			routes: buildRoutes(state),
			secretQueryParams: ['token', 'partner_token'],
			before: (req, route) => {
				const denied = checkAccess(req, tokens, PARTNER_ONLY.has(`${route.method} ${route.path}`));
				return denied ?? limiter.hit() ?? checkCommonParams(req);
			},
			state: () => ({
				orders: state.orders,
				statuses: state.statuses,
				rateLimit: limiter.settings,
			}),
			reset: () => {
				state.orders = structuredClone(initialOrders);
				limiter.reset();
			},
			control: (body) => {
				const b = (body ?? {}) as { rateLimit?: RateLimitConfig | null };
				if ('rateLimit' in b) limiter.configure(b.rateLimit ?? null);
				return { rateLimit: limiter.settings };
			},
		},
		o.port ?? 0,
		o.host ?? '127.0.0.1',
	);
	return {
		...running,
		...tokens,
		orders: () => structuredClone(state.orders),
		statuses: () => structuredClone(state.statuses),
		shop,
		setRateLimit: (config) => limiter.configure(config),
	};
}
