/**
 * Who may call: the two query-string tokens (store `token` + application `partner_token`), with distinct
 * answers for the three ways a real merchant setup fails, and an optional request budget per time window.
 */
import type { SandboxRequest, SandboxResponse } from '../common/server';
import { legacyError } from './errors';

export interface AccessTokens {
	storeToken: string;
	partnerToken: string;
	/** a store token the merchant created for ANOTHER partner (picked the wrong one in the dropdown) */
	foreignPartnerStoreToken: string;
	/** a store token of a shop whose plan has no API access (API is PREMIUM-only) */
	noApiAccessStoreToken: string;
}

export function checkAccess(
	req: SandboxRequest,
	tokens: AccessTokens,
	partnerOnly: boolean,
): SandboxResponse | undefined {
	const partner = req.query.get('partner_token');
	if (!partner) {
		return legacyError(
			401,
			'Missing partner token',
			'Add the partner_token query parameter: the application token you received when you registered your application with Mijnwebwinkel.',
		);
	}
	if (partner !== tokens.partnerToken) {
		return legacyError(
			401,
			'Invalid partner token',
			'The partner_token is unknown. Check the application (partner) token in the credentials.',
		);
	}
	if (partnerOnly) return undefined;
	const token = req.query.get('token');
	if (!token) {
		return legacyError(
			401,
			'Missing token',
			'Add the token query parameter: the store token the merchant created under Instellingen → API → Token toevoegen.',
		);
	}
	if (token === tokens.foreignPartnerStoreToken) {
		return legacyError(
			403,
			'Token issued for another partner',
			'This store token belongs to another partner. In the shop (Instellingen → API) create a new token and choose this application as the partner.',
		);
	}
	if (token === tokens.noApiAccessStoreToken) {
		return legacyError(
			403,
			'API not available on this plan',
			"This store's subscription has no API access (available from Mijnwebwinkel PREMIUM). Upgrade the plan, then create a token.",
		);
	}
	if (token !== tokens.storeToken) {
		return legacyError(
			401,
			'Invalid token',
			'The store token is unknown, expired or revoked. Create a new token in the shop under Instellingen → API → Token toevoegen.',
		);
	}
	return undefined;
}

export interface RateLimitConfig {
	requestsPerWindow: number;
	windowMs: number;
}

/** A fixed window that opens with the first request; over budget → 429 with Retry-After in whole seconds. */
export class RateLimiter {
	private windowStart = 0;
	private used = 0;
	constructor(
		private config: RateLimitConfig | null,
		private readonly now: () => number,
	) {}

	configure(config: RateLimitConfig | null): void {
		if (config && (!(config.requestsPerWindow >= 0) || !(config.windowMs > 0))) {
			throw new Error('rateLimit needs requestsPerWindow ≥ 0 and windowMs > 0');
		}
		this.config = config;
		this.reset();
	}

	get settings(): RateLimitConfig | null {
		return this.config;
	}

	reset(): void {
		this.windowStart = 0;
		this.used = 0;
	}

	hit(): SandboxResponse | undefined {
		if (!this.config) return undefined;
		const now = this.now();
		if (this.used === 0 || now >= this.windowStart + this.config.windowMs) {
			this.windowStart = now;
			this.used = 0;
		}
		if (this.used < this.config.requestsPerWindow) {
			this.used++;
			return undefined;
		}
		const retryAfter = Math.max(
			1,
			Math.ceil((this.windowStart + this.config.windowMs - now) / 1000),
		);
		return legacyError(
			429,
			'Too many requests',
			`The request limit of ${this.config.requestsPerWindow} per ${this.config.windowMs / 1000} s is reached; retry after ${retryAfter} s.`,
			{ 'Retry-After': String(retryAfter) },
		);
	}
}
