/**
 * The hourly request budget per account. Windows are aligned to multiples of `windowMs` since the epoch
 * (with the default 3 600 000 ms: clock hours), so the budget renews at the next boundary, not an hour after
 * the first request. Tests compress the hour by configuring `windowMs`.
 */
export interface RateLimitSettings {
	budget: number;
	windowMs: number;
	overLimitStatus: 403 | 429;
}

export class RateLimiter {
	private window = -1;
	private used = 0;

	constructor(
		public settings: RateLimitSettings,
		private readonly clock: () => number,
	) {
		RateLimiter.check(settings);
	}

	private static check(s: RateLimitSettings): void {
		if (!Number.isInteger(s.budget) || s.budget < 0)
			throw new Error('rateLimit.budget must be a whole number ≥ 0');
		if (!Number.isInteger(s.windowMs) || s.windowMs < 1)
			throw new Error('rateLimit.windowMs must be a whole number ≥ 1');
		if (s.overLimitStatus !== 403 && s.overLimitStatus !== 429)
			throw new Error('rateLimit.overLimitStatus must be 403 or 429');
	}

	private roll(): void {
		const w = Math.floor(this.clock() / this.settings.windowMs);
		if (w !== this.window) {
			this.window = w;
			this.used = 0;
		}
	}

	remaining(): number {
		this.roll();
		return Math.max(0, this.settings.budget - this.used);
	}

	/** Counts one request; false when the budget of the current window is spent (the request is refused). */
	take(): boolean {
		this.roll();
		if (this.used >= this.settings.budget) return false;
		this.used++;
		return true;
	}

	windowEndsAt(): number {
		this.roll();
		return (this.window + 1) * this.settings.windowMs;
	}

	/** New settings; a changed windowMs starts counting in the window the clock is in under the new size. */
	configure(patch: Partial<RateLimitSettings> & { remaining?: number }): void {
		const next = { ...this.settings, ...patch };
		delete (next as { remaining?: number }).remaining;
		RateLimiter.check(next);
		this.settings = next;
		this.roll();
		if (patch.remaining !== undefined) this.used = Math.max(0, next.budget - patch.remaining);
	}

	reset(settings: RateLimitSettings): void {
		this.settings = { ...settings };
		this.window = -1;
		this.used = 0;
	}
}
