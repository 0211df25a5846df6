/**
 * Factuursturen reports the remaining requests of the hourly budget in `X-RateLimit-Remaining` on every
 * response; it publishes no reset header, and the budget renews at the next full clock hour (docs/api-readings.md).
 * From that we suggest how long a workflow should wait before its next request:
 * - `burst` (default): no wait while more than the reserve is left, then wait for the renewal. A daily batch
 *   that fits the budget runs at full speed; a migration uses the whole budget each hour.
 * - `spread`: spread what is left (minus the reserve) evenly over the rest of the hour, for accounts shared
 *   with other integrations that should not be starved.
 * The window length is a setting only so that tests can compress an hour; it stays an hour in production.
 */

export type Pacing = 'burst' | 'spread';

export const HOUR_MS = 3_600_000;

export interface RateLimitInfo {
	/** requests left in this hour, or null when no response carried the header yet */
	remaining: number | null;
	/** when the budget renews: the next full hour (ISO 8601, UTC) */
	renewsAt: string;
	/** seconds to wait per request so that the remaining budget (minus the reserve) lasts until renewal */
	suggestedWaitSeconds: number;
	/** requests that may be sent at once, before the next wait: 0 when a wait is suggested or nothing is known */
	requestsBeforeWait: number;
}

/** The next window boundary after `now`: the next full clock hour for the default one-hour window. */
export function nextFullHour(now: Date, windowMs = HOUR_MS): Date {
	return new Date((Math.floor(now.getTime() / windowMs) + 1) * windowMs);
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
 * spread: seconds until renewal / max(remaining − reserve, 1), rounded up.
 * burst: 0 while remaining > reserve, else the seconds until renewal.
 * With no header seen yet there is nothing to pace, so 0.
 */
export function rateLimitInfo(
	remaining: number | null,
	now: Date,
	reserve: number,
	pacing: Pacing = 'spread',
	windowMs = HOUR_MS,
): RateLimitInfo {
	const renews = nextFullHour(now, windowMs);
	const secondsLeft = Math.max(0, Math.ceil((renews.getTime() - now.getTime()) / 1000));
	const kept = Math.max(0, reserve);
	let wait = 0;
	if (remaining !== null) {
		wait =
			pacing === 'burst'
				? remaining > kept
					? 0
					: secondsLeft
				: Math.ceil(secondsLeft / Math.max(remaining - kept, 1));
	}
	return {
		remaining,
		renewsAt: renews.toISOString(),
		suggestedWaitSeconds: wait,
		requestsBeforeWait: remaining === null || wait > 0 ? 0 : Math.max(0, remaining - kept),
	};
}

/** The code of an item left for a later run because the budget is spent: not a failure. */
export const WAITING_FOR_BUDGET_CODE = 'waiting_for_budget';

/**
 * What the last answers said is left of the budget, per account, shared by every node execution of this process:
 * a node that starts right after another (the next step, the next loop round) knows the budget is spent without
 * spending a request to find out. Only the window it was seen in counts; a new window starts unknown.
 */
const LEDGER = new Map<string, { window: number; remaining: number }>();

export function noteRemaining(
	account: string,
	remaining: number,
	now: number,
	windowMs = HOUR_MS,
): void {
	LEDGER.set(account, { window: Math.floor(now / windowMs), remaining });
}

/** The remaining budget seen in the current window, or null when none was seen in it. */
export function knownRemaining(account: string, now: number, windowMs = HOUR_MS): number | null {
	const seen = LEDGER.get(account);
	return seen && seen.window === Math.floor(now / windowMs) ? seen.remaining : null;
}

/** Forgets what was seen (tests whose sandbox clock jumps). */
export function clearBudgetLedger(): void {
	LEDGER.clear();
}
