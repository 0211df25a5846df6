/**
 * Factuursturen.nl API v1 sandbox — a local stand-in that a client should not be able to tell from
 * https://www.factuursturen.nl/api/v1 except by its base URL (`baseUrl` = url + '/api/v1').
 *
 * Credentials: HTTP Basic, username `demo`, API key `demo-api-key` (configurable). Missing or wrong → 401,
 * plain text. The Authorization header is never logged or echoed.
 *
 * Behaviour and quirks it reproduces (see docs/api-readings.md):
 * - Bodies as JSON or form-encoded (`lines[0][amount]=2`, booleans 'true'/'false'); answers JSON unless noted.
 * - POST /clients, /invoices, /products → 201 with the new number as PLAIN TEXT; PUT/DELETE → 200, empty body.
 * - Validation errors → 400 plain text naming the field (client field lengths, unknown VAT rate, unknown
 *   clientnr, …). Unknown input keys are ignored.
 * - GET /clients/{unknown} → 200 with a JSON ARRAY of all clients instead of {"client": …}.
 * - GET /search/{area}/{field}/{query} is a case-insensitive SUBSTRING search; no hits → `[]`, or 404 when
 *   switched with control `{searchNoMatch: '404'}` (option `searchNoMatch`).
 * - Responses stringify numbers and booleans ("62.92", "true", collection "0"/"1"), except line
 *   amount/price/tax_rate/discount_pct/linetotal and taxes.*.rate (JSON numbers); empty dates are "".
 *   Invoices have the captured key set plus `category`, `tax_type`, `language`, `tax_shifted`; clients have
 *   the captured key set plus the documented address_addon, addon, email_reminder and timestamp.
 * - Invoice arithmetic per docs/api-readings.md (per-rate rounding; price excl. VAT for an `extax` client, incl. for
 *   `intax`; a `tax_shifted` client pays 0 VAT). `tax_country: true` lines use the client's country's rates.
 * - No idempotency: a repeated POST /invoices creates a second invoice. Sent invoices cannot be updated.
 * - Rate limit: a request budget per window aligned to multiples of `windowMs` since the epoch (default
 *   1000 per clock hour). Every /api/v1 response carries X-RateLimit-Remaining; when spent → 403 (or 429)
 *   with X-RateLimit-Remaining: 0 and a plain-text body. Unauthenticated requests do not count.
 * - GET /invoices pages with `count` (default `defaultListCount` = 100; -1 = all) and `start`, filters with
 *   since/until (sent date, inclusive), filter, client. Option/control `listCap` caps every answer (a server
 *   whose "all" is not all).
 * - GET /countrylist/{lang} serves the captured Dutch list for every language.
 * - Dates are Europe/Amsterdam local dates of the sandbox clock (option `now`, control `advanceClockMs`).
 *
 * Inspection (not counted, no auth): /__sandbox/state, /requests, /faults, /reset and /control with
 * `{rateLimit: {budget?, windowMs?, overLimitStatus?, remaining?}}`, `{searchNoMatch: '404'|'empty'}`,
 * `{listCap: n|null}`, `{mutateInvoice: {invoicenr, patch}}` (deep-merges `patch` into a stored invoice), `{advanceClockMs: n}`.
 */
import { startSandbox, type RunningSandbox, type SandboxResponse } from '../common/server';
import { Account } from './account';
import {
	DEFAULT_API_KEY,
	DEFAULT_CATEGORIES,
	DEFAULT_TAXES,
	DEFAULT_USERNAME,
	type Category,
	type TaxSetting,
} from './defaults';
import { RateLimiter, type RateLimitSettings } from './rate-limit';
import { buildRoutes, type RouteSettings } from './routes';
import { deepMerge, isObj } from './values';

export interface FactuursturenSandboxOptions {
	seed?: number;
	/** defaults 'demo' / 'demo-api-key' */
	username?: string;
	apiKey?: string;
	/** seed clients in the API's field names (e.g. generator output); `clientnr` optional */
	clients?: Array<Record<string, unknown>>;
	/** seed invoices in the create payload's shape, stored as sent invoices; optional `sent` (YYYY-MM-DD) */
	invoices?: Array<Record<string, unknown>>;
	/** default: NL 21/9/0 plus OSS rates for BE, DE, FR, AT */
	taxes?: TaxSetting[];
	categories?: Category[];
	/** default budget 1000, window 3 600 000 ms, 403 */
	rateLimit?: { budget: number; windowMs: number; overLimitStatus?: 403 | 429 };
	/** what a search without hits answers; default 'empty' (`[]`) */
	searchNoMatch?: 'empty' | '404';
	/** page size of GET /invoices without `count`; default 100 */
	defaultListCount?: number;
	/** most invoices one GET /invoices answers whatever `count` asks, `-1` included (a capped "all"); default none */
	listCap?: number;
	/** prefix of invoice numbers, e.g. 'F' → invoicenr "F20250001" with id "20250001"; default none */
	invoiceNumberPrefix?: string;
	/** the sandbox clock in epoch ms (dates, rate-limit windows); default Date.now */
	now?: () => number;
	port?: number;
	host?: string;
}

export type RunningFactuursturenSandbox = RunningSandbox & {
	username: string;
	apiKey: string;
	/** url + '/api/v1' */
	baseUrl: string;
};

export type { TaxSetting, Category } from './defaults';

const OVER_LIMIT_BODY =
	'API limit reached: this account has used all its API calls for this hour. Try again after the next full hour.';

function checkAuth(header: string | undefined, username: string, apiKey: string): boolean {
	const m = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
	if (!m) return false;
	const decoded = Buffer.from(m[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	return colon >= 0 && decoded.slice(0, colon) === username && decoded.slice(colon + 1) === apiKey;
}

export async function startFactuursturenSandbox(
	o: FactuursturenSandboxOptions = {},
): Promise<RunningFactuursturenSandbox> {
	const username = o.username ?? DEFAULT_USERNAME;
	const apiKey = o.apiKey ?? DEFAULT_API_KEY;
	let clockOffset = 0;
	const baseClock = o.now ?? Date.now;
	const clock = (): number => baseClock() + clockOffset;
	const initialRate: RateLimitSettings = {
		budget: o.rateLimit?.budget ?? 1000,
		windowMs: o.rateLimit?.windowMs ?? 3_600_000,
		overLimitStatus: o.rateLimit?.overLimitStatus ?? 403,
	};
	const limiter = new RateLimiter({ ...initialRate }, clock);
	const settings: RouteSettings = {
		searchNoMatch: o.searchNoMatch ?? 'empty',
		defaultListCount: o.defaultListCount ?? 100,
		listCap: o.listCap ?? null,
	};
	const freshAccount = (): Account =>
		new Account(
			{
				seed: o.seed ?? 1,
				clients: o.clients ?? [],
				invoices: o.invoices ?? [],
				taxes: o.taxes ?? DEFAULT_TAXES,
				categories: o.categories ?? DEFAULT_CATEGORIES,
				invoiceNumberPrefix: o.invoiceNumberPrefix ?? '',
			},
			clock,
		);
	let account = freshAccount();

	const control = (body: unknown): unknown => {
		// Errors are answered, not thrown: the shared skeleton does not catch exceptions of this hook.
		const errors: string[] = [];
		if (isObj(body)) {
			if (isObj(body.rateLimit)) {
				try {
					limiter.configure(body.rateLimit as Partial<RateLimitSettings> & { remaining?: number });
				} catch (e) {
					errors.push((e as Error).message);
				}
			}
			if (body.searchNoMatch === '404' || body.searchNoMatch === 'empty')
				settings.searchNoMatch = body.searchNoMatch;
			else if (body.searchNoMatch !== undefined)
				errors.push("searchNoMatch must be '404' or 'empty'");
			if (body.listCap === null || (typeof body.listCap === 'number' && body.listCap > 0))
				settings.listCap = body.listCap;
			else if (body.listCap !== undefined) errors.push('listCap must be a positive number or null');
			if (isObj(body.mutateInvoice)) {
				const { invoicenr, patch } = body.mutateInvoice;
				const invoice = account.findInvoice(String(invoicenr));
				if (!invoice) errors.push(`mutateInvoice: invoice ${String(invoicenr)} not found`);
				else if (!isObj(patch)) errors.push('mutateInvoice: patch must be an object');
				else deepMerge(invoice, patch);
			}
			if (typeof body.advanceClockMs === 'number' && Number.isFinite(body.advanceClockMs))
				clockOffset += body.advanceClockMs;
		}
		return { ...controlState(), ...(errors.length ? { errors } : {}) };
	};

	const controlState = (): Record<string, unknown> => ({
		rateLimit: {
			...limiter.settings,
			remaining: limiter.remaining(),
			windowEndsAt: new Date(limiter.windowEndsAt()).toISOString(),
		},
		searchNoMatch: settings.searchNoMatch,
		listCap: settings.listCap,
		now: new Date(clock()).toISOString(),
	});

	const running = await startSandbox(
		{
			name: 'factuursturen',
			seed: o.seed,
			routes: buildRoutes(() => account, settings),
			before: (req): SandboxResponse | undefined => {
				if (!checkAuth(req.headers.authorization, username, apiKey)) {
					return {
						status: 401,
						headers: { 'WWW-Authenticate': 'Basic realm="Factuursturen API"' },
						body: 'Authentication failed: wrong username or API key (HTTP Basic: username and API key)',
					};
				}
				if (!limiter.take())
					return { status: limiter.settings.overLimitStatus, body: OVER_LIMIT_BODY };
				return undefined;
			},
			after: (_req, res) => {
				res.headers = {
					...(res.headers ?? {}),
					'X-RateLimit-Remaining': String(limiter.remaining()),
				};
			},
			state: () => ({
				clients: [...account.clients.values()],
				invoices: account.invoices,
				savedInvoices: account.saved,
				products: account.products,
				rateLimit: {
					remaining: limiter.remaining(),
					windowEndsAt: new Date(limiter.windowEndsAt()).toISOString(),
				},
			}),
			reset: () => {
				account = freshAccount();
				limiter.reset(initialRate);
				settings.searchNoMatch = o.searchNoMatch ?? 'empty';
				settings.listCap = o.listCap ?? null;
				clockOffset = 0;
			},
			control,
		},
		o.port ?? 0,
		o.host ?? '127.0.0.1',
	);
	return { ...running, username, apiKey, baseUrl: `${running.url}/api/v1` };
}
