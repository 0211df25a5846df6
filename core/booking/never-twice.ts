/**
 * The never-twice protocol for a create that has no idempotency key (a Factuursturen invoice or debtor).
 *
 * Rules:
 * - A create is sent ONCE per execution. Its answer must be an id; anything else after the request went out
 *   (timeout, connection reset, 5xx, a 2xx body that is not an id) is an UNKNOWN outcome: the server may have
 *   stored it.
 * - An unknown outcome is settled only by a look-up by reference. Found → created (this execution created it;
 *   it counts as created, not as adopted). Not found, or the look-up itself cannot be read → the outcome stays
 *   unknown: the create is NOT sent again. The caller reports it ("outcome unknown, verified next run"); the
 *   next run's duplicate check finds the record or creates it then. "Not found" right after a failure proves
 *   nothing: a slow server may still be committing the first request.
 * - A rejection (4xx, spent budget, a connection that was never opened) stored nothing: it is an error the
 *   caller reports; a later run may create.
 *
 * Pure: the API, the clock and the pause come in through the port, so every outcome is testable without I/O.
 */
import type { ErrorCode } from '../error-codes';

/** What one create request answered. */
export type CreateAnswer =
	/** 2xx with a body that is an id */
	| { kind: 'id'; id: string }
	/** the server certainly stored nothing (validation error, spent budget, never connected) */
	| { kind: 'rejected'; error: unknown }
	/** the request went out and its result is not known */
	| { kind: 'unknown'; reason: UnknownReason; error?: unknown };

export type UnknownReason = 'timeout' | 'no_answer' | 'server_error' | 'unreadable_answer';

/** What a look-up by reference answered. */
export type LookupAnswer =
	| { kind: 'found'; id: string }
	| { kind: 'absent' }
	/** the look-up failed or its answer could not be read: it proves nothing */
	| { kind: 'unreadable'; detail: string };

export interface BookingPort {
	create(): Promise<CreateAnswer>;
	findByReference(): Promise<LookupAnswer>;
	sleep(ms: number): Promise<void>;
}

export interface BookingPolicy {
	/** pause before the look-up after a timeout: the server may still be working on the request */
	settleAfterTimeoutMs: number;
	/** look-ups tried when one cannot be read (at least 1) */
	lookupAttempts: number;
	/** pause before the second look-up; doubles per attempt */
	lookupBackoffMs: number;
}

export const DEFAULT_BOOKING_POLICY: BookingPolicy = {
	settleAfterTimeoutMs: 10_000,
	lookupAttempts: 3,
	lookupBackoffMs: 1_000,
};

export type BookingOutcome =
	/** created by this execution; `recovered` when its id came from the look-up after an unknown answer */
	| { kind: 'created'; id: string; recovered: boolean; firstAnswer?: UnknownReason }
	| { kind: 'rejected'; error: unknown }
	/** not created again: the next run's duplicate check settles it */
	| {
			kind: 'unknown';
			reason: UnknownReason;
			lookup: 'absent' | 'unreadable';
			detail: string;
			error?: unknown;
	  };

/** Sends the create once and settles an unknown outcome by look-up only; never sends a second create. */
export async function createOnce(
	port: BookingPort,
	policy: BookingPolicy = DEFAULT_BOOKING_POLICY,
): Promise<BookingOutcome> {
	const answer = await port.create();
	if (answer.kind === 'id') return { kind: 'created', id: answer.id, recovered: false };
	if (answer.kind === 'rejected') return { kind: 'rejected', error: answer.error };

	if (answer.reason === 'timeout' && policy.settleAfterTimeoutMs > 0)
		await port.sleep(policy.settleAfterTimeoutMs);
	const attempts = Math.max(1, policy.lookupAttempts);
	let detail = '';
	for (let attempt = 0; attempt < attempts; attempt++) {
		if (attempt > 0) await port.sleep(policy.lookupBackoffMs * 2 ** (attempt - 1));
		const found = await port.findByReference();
		if (found.kind === 'found')
			return { kind: 'created', id: found.id, recovered: true, firstAnswer: answer.reason };
		if (found.kind === 'absent') {
			return {
				kind: 'unknown',
				reason: answer.reason,
				lookup: 'absent',
				detail: 'not found by its reference yet',
				error: answer.error,
			};
		}
		detail = found.detail;
	}
	return {
		kind: 'unknown',
		reason: answer.reason,
		lookup: 'unreadable',
		detail,
		error: answer.error,
	};
}

const REASON_TEXT: Record<UnknownReason, string> = {
	timeout: 'the answer did not come within the time-out',
	no_answer: 'the connection broke before the answer came',
	server_error: 'the server answered with an error after receiving it',
	unreadable_answer: 'the answer was not a number',
};

/** The error code of an unknown outcome, for reports and filters. */
export const OUTCOME_UNKNOWN_CODE = 'outcome_unknown' satisfies ErrorCode;

/** Message and fix of an unknown outcome, for the order's report line. */
export function unknownOutcomeText(
	outcome: Extract<BookingOutcome, { kind: 'unknown' }>,
	what: string,
	reference: string,
): { message: string; hint: string } {
	const lookup =
		outcome.lookup === 'absent'
			? `a look-up found no record with ${reference} yet`
			: `the look-up by ${reference} could not be read (${outcome.detail})`;
	return {
		message: `Outcome unknown for ${what}: ${REASON_TEXT[outcome.reason]}, and ${lookup}. It was not sent again.`,
		hint: `Nothing to do now: the next run looks for ${reference} first and uses the record if it exists, or creates it once if it does not (verified next run). To settle it sooner, search Factuursturen for ${reference}.`,
	};
}
