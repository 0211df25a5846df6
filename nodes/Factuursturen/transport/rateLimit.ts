/**
 * Factuursturen reports the remaining requests of the hourly budget in `X-RateLimit-Remaining` on every
 * response; it publishes no reset header, and the budget renews at the next full clock hour (ASSUMPTIONS.md).
 * From that we suggest how long a workflow should wait between items to spread what is left over the hour.
 */

export interface RateLimitInfo {
	/** requests left in this hour, or null when no response carried the header yet */
	remaining: number | null;
	/** when the budget renews: the next full hour (ISO 8601, UTC) */
	renewsAt: string;
	/** seconds to wait per request so that the remaining budget (minus the reserve) lasts until renewal */
	suggestedWaitSeconds: number;
}

/** The next full clock hour after `now`. */
export function nextFullHour(now: Date): Date {
	const next = new Date(now.getTime());
	next.setUTCMinutes(0, 0, 0);
	next.setUTCHours(next.getUTCHours() + 1);
	return next;
}

/** Reads the header from an axios/n8n header object (names are lower-cased there, but be lenient). */
export function remainingFromHeaders(headers: Record<string, unknown> | undefined): number | null {
	if (!headers) return null;
	for (const [name, value] of Object.entries(headers)) {
		if (name.toLowerCase() !== 'x-ratelimit-remaining') continue;
		const text = String(Array.isArray(value) ? value[0] : value).trim();
		if (/^\d+$/.test(text)) return Number(text);
	}
	return null;
}

/**
 * suggestedWaitSeconds = seconds until renewal / max(remaining − reserve, 1), rounded up. With no
 * header seen yet there is nothing to spread, so 0.
 */
export function rateLimitInfo(remaining: number | null, now: Date, reserve: number): RateLimitInfo {
	const renews = nextFullHour(now);
	const secondsLeft = Math.max(0, Math.ceil((renews.getTime() - now.getTime()) / 1000));
	const usable = remaining === null ? null : Math.max(remaining - Math.max(0, reserve), 1);
	return {
		remaining,
		renewsAt: renews.toISOString(),
		suggestedWaitSeconds: usable === null ? 0 : Math.ceil(secondsLeft / usable),
	};
}
