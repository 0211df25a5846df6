/**
 * The list filters of `GET /v1/orders` and `/v1/orders/count`, read as docs/api-readings.md fixes them: dates are
 * Europe/Amsterdam local and inclusive, `archived` omitted = both, test orders (T- numbers) only with
 * `test=true`, ordering by order number. Malformed values answer 400 with what to send instead.
 */
import type { SandboxResponse } from '../common/server';
import { isYmd } from '../generator/ids';
import { badRequest } from './errors';

export type StoredOrder = Record<string, unknown> & {
	number: string | number;
	date?: string;
	status?: number;
	status_changed_date?: string;
	status_changed_time?: string;
	archived?: boolean;
	debtor?: { id?: string; email?: string };
};

export interface OrderFilter {
	startDate?: string;
	endDate?: string;
	statusId?: number;
	changedStart?: string;
	changedEnd?: string;
	archived?: boolean;
	includeTest: boolean;
	debtorEmail?: string;
	debtorId?: string;
}

export interface Paging {
	limit: number;
	offset: number;
	ordering: 'asc' | 'desc';
}

export const isTestOrder = (o: StoredOrder): boolean => String(o.number).startsWith('T-');

const bool = (name: string, value: string): boolean | SandboxResponse => {
	if (value === 'true' || value === '1') return true;
	if (value === 'false' || value === '0') return false;
	return badRequest(`Invalid value for ${name}`, `${name} must be true or false, got "${value}".`);
};

const int = (name: string, value: string, min: number): number | SandboxResponse => {
	if (!/^-?\d+$/.test(value) || Number(value) < min)
		return badRequest(
			`Invalid value for ${name}`,
			`${name} must be a whole number ≥ ${min}, got "${value}".`,
		);
	return Number(value);
};

/** 'yyyy-mm-dd hh:mm:ss' (the documented form; a 'T' separator is tolerated) → comparable 'yyyy-mm-dd hh:mm:ss' */
const dateTime = (name: string, value: string): string | SandboxResponse => {
	const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value);
	if (!m || !isYmd(m[1]) || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4]) > 59) {
		return badRequest(
			`Invalid value for ${name}`,
			`${name} must be a local date and time as yyyy-mm-dd hh:mm:ss (URL-encoded), got "${value}".`,
		);
	}
	return `${m[1]} ${m[2]}:${m[3]}:${m[4]}`;
};

const date = (name: string, value: string): string | SandboxResponse =>
	isYmd(value)
		? value
		: badRequest(
				`Invalid value for ${name}`,
				`${name} must be a date as yyyy-mm-dd, got "${value}".`,
			);

const isError = (x: unknown): x is SandboxResponse =>
	typeof x === 'object' && x !== null && 'status' in x && 'body' in x;

export function parseFilter(q: URLSearchParams): OrderFilter | SandboxResponse {
	const f: OrderFilter = { includeTest: false };
	const read = <T>(
		name: string,
		parse: (n: string, v: string) => T | SandboxResponse,
		set: (v: T) => void,
	): SandboxResponse | undefined => {
		const raw = q.get(name);
		if (raw === null || raw === '') return undefined;
		const v = parse(name, raw);
		if (isError(v)) return v;
		set(v as T);
		return undefined;
	};
	return (
		read('start_date', date, (v) => (f.startDate = v)) ??
		read('end_date', date, (v) => (f.endDate = v)) ??
		read(
			'status_id',
			(n, v) => int(n, v, 0),
			(v) => (f.statusId = v),
		) ??
		read('status_changed_start_date', dateTime, (v) => (f.changedStart = v)) ??
		read('status_changed_end_date', dateTime, (v) => (f.changedEnd = v)) ??
		read('archived', bool, (v) => (f.archived = v)) ??
		read('test', bool, (v) => (f.includeTest = v)) ??
		read(
			'debtor_email',
			(_n, v) => v.trim().toLowerCase(),
			(v) => (f.debtorEmail = v),
		) ??
		read(
			'debtor_id',
			(_n, v) => v,
			(v) => (f.debtorId = v),
		) ??
		f
	);
}

export function parsePaging(q: URLSearchParams): Paging | SandboxResponse {
	let limit = 10;
	let offset = 0;
	const rawLimit = q.get('limit');
	if (rawLimit !== null && rawLimit !== '') {
		const v = int('limit', rawLimit, 1);
		if (isError(v)) return v;
		if (v > 100)
			return badRequest(
				'Invalid value for limit',
				`limit may be at most 100, got ${v}; page with offset instead.`,
			);
		limit = v;
	}
	const rawOffset = q.get('offset');
	if (rawOffset !== null && rawOffset !== '') {
		const v = int('offset', rawOffset, 0);
		if (isError(v)) return v;
		offset = v;
	}
	const ordering = q.get('ordering') ?? 'asc';
	if (ordering !== 'asc' && ordering !== 'desc')
		return badRequest(
			'Invalid value for ordering',
			`ordering must be asc or desc, got "${ordering}".`,
		);
	return { limit, offset, ordering };
}

export function matches(o: StoredOrder, f: OrderFilter): boolean {
	if (!f.includeTest && isTestOrder(o)) return false;
	const d = o.date ?? '';
	if (f.startDate && d < f.startDate) return false;
	if (f.endDate && d > f.endDate) return false;
	if (f.statusId !== undefined && o.status !== f.statusId) return false;
	const changed = `${o.status_changed_date ?? ''} ${o.status_changed_time ?? ''}`;
	if (f.changedStart && changed < f.changedStart) return false;
	if (f.changedEnd && changed > f.changedEnd) return false;
	if (f.archived !== undefined && Boolean(o.archived) !== f.archived) return false;
	if (f.debtorEmail !== undefined || f.debtorId !== undefined) {
		// the two debtor filters are OR-combined (spec)
		const byEmail =
			f.debtorEmail !== undefined &&
			String(o.debtor?.email ?? '')
				.trim()
				.toLowerCase() === f.debtorEmail;
		const byId = f.debtorId !== undefined && o.debtor?.id === f.debtorId;
		if (!byEmail && !byId) return false;
	}
	return true;
}

/** order numbers compare numerically ("T-" prefix aside); a test order sorts after a real one of the same number */
export function compareNumbers(a: StoredOrder, b: StoredOrder): number {
	const key = (o: StoredOrder): [number, number, string] => {
		const s = String(o.number);
		const digits = /(\d+)$/.exec(s);
		return [digits ? Number(digits[1]) : Number.MAX_SAFE_INTEGER, s.startsWith('T-') ? 1 : 0, s];
	};
	const [an, at, as] = key(a);
	const [bn, bt, bs] = key(b);
	return an - bn || at - bt || (as < bs ? -1 : as > bs ? 1 : 0);
}
