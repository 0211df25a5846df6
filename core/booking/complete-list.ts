/**
 * A list the duplicate check relies on (invoices since a date, all clients), read completely or not at all.
 * An answer that is not a JSON array of records (an HTML page, a truncated body, `{"error": …}`, an empty body)
 * is an error, never "nothing there": read as empty it would book every order twice.
 *
 * Paging does not trust `count`: pages of `pageSize` are asked with `start` until one comes back short or empty,
 * whatever the server does with `count` (`-1` capped, a smaller cap, or ignored). Records are de-duplicated by
 * their key, and a full page that brings nothing new means the server does not page: an error, since reading
 * on would loop and stopping would miss records.
 */

export type ListRecord = Record<string, unknown>;

export interface ListPort {
	/** one page: the parsed body of the answer (anything) */
	page(start: number, count: number): Promise<unknown>;
	sleep(ms: number): Promise<void>;
}

export interface ListPolicy {
	pageSize: number;
	/** tries per page when its answer cannot be read (at least 1) */
	attempts: number;
	/** pause before the second try; doubles per try */
	backoffMs: number;
	/** a bound on pages, so a server that never ends a list cannot hold the run */
	maxPages: number;
}

export const DEFAULT_LIST_POLICY: ListPolicy = {
	pageSize: 100,
	attempts: 3,
	backoffMs: 1_000,
	maxPages: 2_000,
};

/** The list could not be read completely: the caller must not treat anything as absent. */
export class IncompleteListError extends Error {
	constructor(
		message: string,
		readonly detail: string,
	) {
		super(message);
		this.name = 'IncompleteListError';
	}
}

/** What is wrong with a list answer, or null when it is a JSON array of records. */
export function listAnswerProblem(body: unknown): string | null {
	if (Array.isArray(body)) {
		const bad = body.findIndex((x) => !x || typeof x !== 'object' || Array.isArray(x));
		return bad < 0 ? null : `element ${bad} is not a record`;
	}
	if (body === undefined || body === null || (typeof body === 'string' && body.trim() === ''))
		return 'the answer was empty';
	if (typeof body === 'string') {
		const t = body.trim();
		return `the answer is not JSON (${t.startsWith('<') ? 'an HTML page' : t.startsWith('[') || t.startsWith('{') ? 'cut off JSON' : 'text'}: "${t.slice(0, 60)}")`;
	}
	if (typeof body === 'object')
		return `the answer is an object, not a list (${JSON.stringify(body).slice(0, 80)})`;
	return `the answer is ${typeof body}, not a list`;
}

/**
 * Reads every page. `keyOf` names a record (invoice id, clientnr); a record without a key makes the list
 * unreadable, because it could neither be de-duplicated nor matched.
 */
export async function readCompleteList(
	port: ListPort,
	keyOf: (record: ListRecord) => string,
	what: string,
	policy: ListPolicy = DEFAULT_LIST_POLICY,
): Promise<ListRecord[]> {
	const seen = new Set<string>();
	const out: ListRecord[] = [];
	let start = 0;
	for (let pageNo = 0; pageNo < policy.maxPages; pageNo++) {
		const page = await readPage(port, start, what, policy);
		if (page.length === 0) return out;
		let added = 0;
		for (const record of page) {
			const key = keyOf(record);
			if (key === '')
				throw new IncompleteListError(
					`${what}: a record without a number was listed`,
					JSON.stringify(record).slice(0, 120),
				);
			if (seen.has(key)) continue;
			seen.add(key);
			out.push(record);
			added++;
		}
		if (added === 0) {
			// more than asked and nothing new: the server ignores count and start and gave everything at once
			if (page.length > policy.pageSize) return out;
			throw new IncompleteListError(
				`${what}: the server answers the same records again for start=${start}`,
				'paging is not honoured',
			);
		}
		if (page.length < policy.pageSize) return out;
		start += page.length;
	}
	throw new IncompleteListError(
		`${what}: more than ${policy.maxPages} pages`,
		'the list did not end',
	);
}

async function readPage(
	port: ListPort,
	start: number,
	what: string,
	policy: ListPolicy,
): Promise<ListRecord[]> {
	let problem = '';
	for (let attempt = 0; attempt < Math.max(1, policy.attempts); attempt++) {
		if (attempt > 0) await port.sleep(policy.backoffMs * 2 ** (attempt - 1));
		const body = await port.page(start, policy.pageSize);
		const p = listAnswerProblem(body);
		if (p === null) return body as ListRecord[];
		problem = p;
	}
	throw new IncompleteListError(`${what} could not be read: ${problem}`, problem);
}
