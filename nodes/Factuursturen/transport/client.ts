/**
 * The one way this node talks to Factuursturen: every call goes through `FactuursturenClient.request`, over
 * n8n's `httpRequestWithAuthentication` (the credential's Basic auth). Status codes are handled here, not by
 * n8n, so error bodies and the rate-limit header of failed answers are seen too.
 *
 * - GETs are retried (bounded) on 5xx and network errors; writes never are (the caller decides, see
 *   invoice/createFromOrder): a write that failed that way throws a TransientApiError.
 * - Every request is paced: none is sent while the budget is known to be spent (down to the reserve) in this
 *   window. A short wait for the renewal (compressed test windows, or the last seconds of an hour) is slept
 *   here; a longer one ends the item as `waiting_for_budget` without a call: left for the next run (or for a
 *   Wait node), never a failure. 403 with `X-RateLimit-Remaining: 0`, or 429 (the budget was spent by someone
 *   else), is a refusal, not an execution: the request is sent again after a short wait, else the same.
 */
import {
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
} from 'n8n-workflow';
import { networkError, rateLimitError, statusError } from './errors';
import {
	HOUR_MS,
	knownRemaining,
	nextFullHour,
	noteRemaining,
	rateLimitInfo,
	remainingFromHeaders,
	type Pacing,
	type RateLimitInfo,
} from './rateLimit';

/** Slept past the renewal, so the first request of a new window does not meet the old one on a skewed clock. */
const RENEWAL_MARGIN_MS = 500;

export const CREDENTIAL_TYPE = 'factuursturenApi';
export const DEFAULT_BASE_URL = 'https://www.factuursturen.nl/api/v1';

export interface FsRequest {
	method: IHttpRequestMethods;
	/** path below the base URL; callers encode path segments with `segment()` */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** answer is bytes (PDF) */
	binary?: boolean;
	/** statuses handed back to the caller instead of thrown (e.g. 404 of a search that found nothing) */
	accept?: number[];
	/** for error messages: "GET /clients" when omitted */
	what?: string;
	/** error text for a 400/404 of this request, when the generic one would not help */
	hint?: string;
}

export interface FsResponse {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
}

export interface ClientOptions {
	/** requests kept in reserve when suggesting waits */
	reserve?: number;
	/** how the suggested wait spends the budget (default burst) */
	pacing?: Pacing;
	/** length of the rate-limit window (default one hour; shorter only in tests) */
	windowMs?: number;
	timeoutMs?: number;
	/** extra attempts of a GET after a 5xx or network error */
	getRetries?: number;
	/** pause before the first GET retry; doubles per attempt */
	retryDelayMs?: number;
	/** longest wait for the budget's renewal slept inside the node; a longer one leaves the item waiting (default 60 s) */
	maxWaitMs?: number;
}

/** One path segment, URL-encoded ("jan+x@example.nl" → "jan%2Bx%40example.nl"). */
export const segment = (value: string | number): string => encodeURIComponent(String(value).trim());

export class FactuursturenClient {
	/** requests sent in this execution (attempts included) */
	calls = 0;

	private remaining: number | null = null;

	private baseUrl: string | null = null;

	/** the budget's owner: base URL and username */
	private account = '';

	constructor(
		private readonly ctx: IExecuteFunctions | ILoadOptionsFunctions,
		private readonly options: ClientOptions = {},
	) {}

	/** the request timeout in ms */
	get timeoutMs(): number {
		return this.options.timeoutMs ?? 60_000;
	}

	/** pause before the first retry of a read; doubles per attempt */
	get retryDelayMs(): number {
		return this.options.retryDelayMs ?? 250;
	}

	rateLimit(now: Date = new Date()): RateLimitInfo {
		// an execution that has sent nothing yet says what this process last saw of the budget in this window: a
		// round of adopted orders must not read as "nothing known" and shrink the next round to one order
		const remaining =
			this.remaining ??
			(this.account ? knownRemaining(this.account, now.getTime(), this.windowMs) : null);
		return rateLimitInfo(
			remaining,
			now,
			this.options.reserve ?? 5,
			this.options.pacing ?? 'burst',
			this.options.windowMs ?? HOUR_MS,
		);
	}

	private async base(): Promise<string> {
		if (this.baseUrl === null) {
			const credentials = await this.ctx.getCredentials(CREDENTIAL_TYPE);
			const raw = String(credentials.baseUrl ?? '').trim() || DEFAULT_BASE_URL;
			this.baseUrl = raw.replace(/\/+$/, '');
			this.account = `${this.baseUrl}|${String(credentials.username ?? '')}`;
		}
		return this.baseUrl;
	}

	/** the length of the budget window in ms (an hour; shorter only against a sandbox) */
	get windowMs(): number {
		return this.options.windowMs ?? HOUR_MS;
	}

	/** The budget left in this window as this process last saw it (any execution), or null when not seen in it. */
	async knownRemaining(): Promise<number | null> {
		await this.base();
		return knownRemaining(this.account, Date.now(), this.windowMs);
	}

	private get reserve(): number {
		return Math.max(0, this.options.reserve ?? 5);
	}

	private note(headers: Record<string, unknown> | undefined): void {
		const r = remainingFromHeaders(headers);
		if (r === null) return;
		this.remaining = r;
		noteRemaining(this.account, r, Date.now(), this.windowMs);
	}

	/**
	 * Waits until a request may be sent: at once while more than the reserve is known to be left in this window;
	 * else sleeps until the renewal when that is within maxWaitMs, or throws `waiting_for_budget` (no call made).
	 * `status` is the refusal that led here, if any.
	 */
	private async pace(
		itemIndex: number | undefined,
		status: number | null = null,
		retryAfterSeconds: number | null = null,
	): Promise<void> {
		for (;;) {
			const now = Date.now();
			const known = knownRemaining(this.account, now, this.windowMs);
			if (status === null && (known === null || known > this.reserve)) return;
			const renewal = nextFullHour(new Date(now), this.windowMs).getTime() + RENEWAL_MARGIN_MS;
			const waitMs = retryAfterSeconds !== null ? retryAfterSeconds * 1000 : renewal - now;
			if (waitMs > (this.options.maxWaitMs ?? 60_000)) {
				throw rateLimitError(this.ctx.getNode(), status, this.rateLimit(new Date(now)), itemIndex);
			}
			await sleep(waitMs);
			status = null;
			retryAfterSeconds = null;
		}
	}

	async request(req: FsRequest, itemIndex?: number): Promise<FsResponse> {
		const what = req.what ?? `${req.method} ${req.path.split('?')[0]}`;
		const node = this.ctx.getNode();
		const options: IHttpRequestOptions = {
			method: req.method,
			url: `${await this.base()}${req.path}`,
			qs: req.qs,
			body: req.body,
			headers: {
				Accept: req.binary ? 'application/pdf, application/octet-stream, */*' : 'application/json',
			},
			json: !req.binary,
			encoding: req.binary ? 'arraybuffer' : undefined,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: this.timeoutMs,
		};
		const retries = req.method === 'GET' ? (this.options.getRetries ?? 2) : 0;
		let refusals = 0;
		for (let attempt = 0; ; attempt++) {
			let response: FsResponse;
			await this.pace(itemIndex);
			try {
				this.calls++;
				response = (await this.ctx.helpers.httpRequestWithAuthentication.call(
					this.ctx,
					CREDENTIAL_TYPE,
					options,
				)) as FsResponse;
			} catch (error) {
				if (attempt < retries) {
					await sleep((this.options.retryDelayMs ?? 250) * 2 ** attempt);
					continue;
				}
				throw networkError(node, error, what, itemIndex);
			}
			this.note(response.headers);
			const status = response.statusCode;
			if ((status === 403 && this.remaining === 0) || status === 429) {
				// refused, not executed: wait (when short) and send the same request again
				this.remaining = 0;
				noteRemaining(this.account, 0, Date.now(), this.windowMs);
				const retryAfter = Number(String(response.headers?.['retry-after'] ?? '').trim());
				// refused again after waiting: someone else spends this budget too; leave the item for later
				if (++refusals > 2) throw rateLimitError(node, status, this.rateLimit(), itemIndex);
				await this.pace(itemIndex, status, status === 429 && retryAfter > 0 ? retryAfter : null);
				attempt--;
				continue;
			}
			if (status >= 500 && attempt < retries) {
				await sleep((this.options.retryDelayMs ?? 250) * 2 ** attempt);
				continue;
			}
			if ((status >= 200 && status < 300) || req.accept?.includes(status)) return response;
			throw statusError(
				node,
				status,
				response.body,
				what,
				itemIndex,
				status === 400 || status === 404 ? req.hint : undefined,
			);
		}
	}

	/**
	 * Invoices this process created for an order, per account, for a while: a credit note booked in a later loop
	 * round of the same run (its own node execution) finds the invoice of its original here instead of searching.
	 */
	async rememberInvoice(orderNumber: string, invoicenr: string): Promise<void> {
		const key = `${await this.accountKey()}|${orderNumber}`;
		CREATED_INVOICES.delete(key);
		CREATED_INVOICES.set(key, { at: Date.now(), invoicenr });
		// bounded: the oldest go first
		if (CREATED_INVOICES.size > CREATED_INVOICES_MAX)
			CREATED_INVOICES.delete(CREATED_INVOICES.keys().next().value as string);
	}

	async recentInvoice(orderNumber: string): Promise<string | null> {
		const hit = CREATED_INVOICES.get(`${await this.accountKey()}|${orderNumber}`);
		return hit && Date.now() - hit.at < CREATED_INVOICES_TTL_MS ? hit.invoicenr : null;
	}

	private async accountKey(): Promise<string> {
		await this.base();
		return this.account;
	}

	/** GET and return the body. */
	async get(
		path: string,
		qs?: IDataObject,
		itemIndex?: number,
		extra: Partial<FsRequest> = {},
	): Promise<unknown> {
		return (await this.request({ method: 'GET', path, qs, ...extra }, itemIndex)).body;
	}

	/**
	 * GET of reference data that does not change between runs (the country list), remembered per API base URL
	 * for a while. The template books one order per execution; without this, every OSS order would spend a
	 * request of the hourly budget on the same list. Only static lists go here, never account data.
	 */
	async getReference(path: string, itemIndex?: number): Promise<unknown> {
		const key = `${await this.base()}${path}`;
		const hit = REFERENCE_CACHE.get(key);
		if (hit && Date.now() - hit.at < REFERENCE_TTL_MS) return hit.body;
		const body = await this.get(path, undefined, itemIndex);
		REFERENCE_CACHE.set(key, { at: Date.now(), body });
		return body;
	}
}

const REFERENCE_TTL_MS = 6 * 3_600_000;
const CREATED_INVOICES_TTL_MS = 6 * 3_600_000;
const CREATED_INVOICES_MAX = 50_000;
const CREATED_INVOICES = new Map<string, { at: number; invoicenr: string }>();
const REFERENCE_CACHE = new Map<string, { at: number; body: unknown }>();

/** Forgets remembered reference lists (tests). */
export function clearReferenceCache(): void {
	REFERENCE_CACHE.clear();
}

/** Forgets the invoices created earlier (tests whose sandbox starts its books again). */
export function clearCreatedInvoices(): void {
	CREATED_INVOICES.clear();
}
