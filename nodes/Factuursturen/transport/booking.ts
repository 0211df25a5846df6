/**
 * The Factuursturen side of the core's never-twice protocol and complete-list reader: a create request as a
 * CreateAnswer, a list read through every page, and the errors both end in. The rules live in
 * core/booking; this file only says what each HTTP outcome means.
 */
import { NodeApiError, NodeOperationError, sleep, type IDataObject } from 'n8n-workflow';
import {
	readCompleteList,
	IncompleteListError,
	DEFAULT_LIST_POLICY,
	type ListRecord,
} from '../../../core/booking/complete-list';
import {
	createOnce,
	OUTCOME_UNKNOWN_CODE,
	unknownOutcomeText,
	type BookingOutcome,
	type BookingPolicy,
	type CreateAnswer,
	type LookupAnswer,
} from '../../../core/booking/never-twice';
import type { ErrorCode } from '../../../core/error-codes';
import type { FactuursturenRun } from '../actions/node.type';
import { isTransient } from './errors';
import { WAITING_FOR_BUDGET_CODE } from './rateLimit';

/** longest pause after a timed-out create before looking it up */
export const TIMEOUT_SETTLE_MAX_MS = 10_000;

/** The error code of a list the duplicate check needs that could not be read. */
export const LIST_UNREADABLE_CODE = 'duplicate_check_unavailable' satisfies ErrorCode;

export function bookingPolicy(run: FactuursturenRun): BookingPolicy {
	return {
		settleAfterTimeoutMs: Math.min(run.api.timeoutMs, TIMEOUT_SETTLE_MAX_MS),
		lookupAttempts: 3,
		lookupBackoffMs: run.api.retryDelayMs * 2,
	};
}

/** POST `path` once; the answer as the protocol reads it. */
async function createAnswer(
	run: FactuursturenRun,
	path: string,
	body: IDataObject,
	what: string,
	idOf: (body: unknown) => string | null,
	i: number,
): Promise<CreateAnswer> {
	try {
		const response = await run.api.request({ method: 'POST', path, body, what }, i);
		const id = idOf(response.body);
		return id === null ? { kind: 'unknown', reason: 'unreadable_answer' } : { kind: 'id', id };
	} catch (error) {
		if (!isTransient(error) || error.notSent) return { kind: 'rejected', error };
		if (error.timedOut) return { kind: 'unknown', reason: 'timeout', error };
		return { kind: 'unknown', reason: error.httpCode ? 'server_error' : 'no_answer', error };
	}
}

/** A look-up that fails (network, 5xx after the transport's retries, a spent budget) proves nothing: unreadable. */
async function lookupAnswer(find: () => Promise<LookupAnswer>): Promise<LookupAnswer> {
	try {
		return await find();
	} catch (error) {
		return { kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
	}
}

export interface CreateRequest {
	path: string;
	body: IDataObject;
	what: string;
	idOf: (body: unknown) => string | null;
	find: () => Promise<LookupAnswer>;
}

/** One create through the protocol. */
export async function createOnceVia(
	run: FactuursturenRun,
	req: CreateRequest,
	i: number,
): Promise<BookingOutcome> {
	return await createOnce(
		{
			create: async () => await createAnswer(run, req.path, req.body, req.what, req.idOf, i),
			findByReference: async () => await lookupAnswer(req.find),
			sleep: async (ms) => await sleep(ms),
		},
		bookingPolicy(run),
	);
}

/** The error an order ends in when its create's outcome stayed unknown: reported, verified next run. */
export function unknownOutcomeError(
	run: FactuursturenRun,
	outcome: Extract<BookingOutcome, { kind: 'unknown' }>,
	what: string,
	reference: string,
	i: number,
	details: IDataObject = {},
): NodeOperationError {
	const { message, hint } = unknownOutcomeText(outcome, what, reference);
	const e = new NodeOperationError(run.ctx.getNode(), message, { itemIndex: i, description: hint });
	e.context.code = OUTCOME_UNKNOWN_CODE;
	e.context.details = { ...details, firstAnswer: outcome.reason, lookup: outcome.lookup };
	return e;
}

/**
 * GET `path` page by page (start/count) into one validated list. Throws when an answer cannot be read (turn
 * that into the item's error with `listError`).
 */
export async function readList(
	run: FactuursturenRun,
	path: string,
	qs: IDataObject,
	keyOf: (r: ListRecord) => string,
	what: string,
	i: number,
): Promise<IDataObject[]> {
	return (await readCompleteList(
		{
			page: async (start, count) => await run.api.get(path, { ...qs, start, count }, i),
			sleep: async (ms) => await sleep(ms),
		},
		keyOf,
		what,
		{ ...DEFAULT_LIST_POLICY, backoffMs: run.api.retryDelayMs * 2 },
	)) as IDataObject[];
}

/** A list the duplicate check needs failed: nothing may be created on the strength of it. */
export function listError(
	run: FactuursturenRun,
	error: unknown,
	what: string,
	i: number,
): NodeApiError | NodeOperationError {
	// the hour's budget ran out before the list was read: nothing was sent for the item, it waits for the next run
	if (error instanceof NodeApiError && error.context.code === WAITING_FOR_BUDGET_CODE) {
		const e = new NodeOperationError(
			run.ctx.getNode(),
			`The ${what} could not be read within this hour's Factuursturen budget, so nothing was sent for this item: ${error.message}`,
			{
				itemIndex: i,
				description: error.description ?? undefined,
			},
		);
		e.context.code = WAITING_FOR_BUDGET_CODE;
		return e;
	}
	const reason =
		error instanceof IncompleteListError || !(error instanceof NodeApiError)
			? (error as Error).message
			: `${error.message}${error.description ? ` (${error.description})` : ''}`;
	const e = new NodeOperationError(
		run.ctx.getNode(),
		`The ${what} could not be read, so nothing was created for this item: ${reason}`,
		{
			itemIndex: i,
			description: `Without the complete ${what} an existing record would look absent and be created twice. Run again later; this run created nothing for this order.`,
		},
	);
	e.context.code = LIST_UNREADABLE_CODE;
	return e;
}

/**
 * A value computed once per execution, its failure included: a list that failed is not fetched again for
 * every item (each would spend requests and time-outs), every item gets the same error.
 */
export function oncePerRun<T>(load: () => Promise<T>): () => Promise<T> {
	let result: Promise<T> | null = null;
	return async () => await (result ??= load());
}
