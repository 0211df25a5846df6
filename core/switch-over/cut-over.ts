/**
 * Switching over from another connector: orders dated before the cut-over date, or numbered up to the cut-over
 * order number, were booked by the connector this one replaces and are never booked here. They are skipped with
 * a reason (not refused: nothing is wrong with them).
 */
import { OrderRefusal } from '../errors';

export interface CutOver {
	/** YYYY-MM-DD: orders dated before it are skipped */
	beforeDate: string | null;
	/** digits: orders numbered up to and including it are skipped */
	upToNumber: string | null;
}

export const NO_CUT_OVER: CutOver = { beforeDate: null, upToNumber: null };

export class CutOverSettingError extends Error {
	constructor(
		message: string,
		readonly hint: string,
	) {
		super(message);
		this.name = 'CutOverSettingError';
	}
}

const DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/;
const DIGITS = /^\d+$/;

/** The settings as a user enters them ('' = not used); a date with a time keeps its date. */
export function parseCutOver(date: unknown, orderNumber: unknown): CutOver {
	const d = String(date ?? '').trim();
	const n = String(orderNumber ?? '').trim();
	const m = DATE.exec(d);
	if (d !== '' && (!m || Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`)))) {
		throw new CutOverSettingError(
			`Cut-over date "${d}" is not a date`,
			'Enter the first day this workflow books, as YYYY-MM-DD, or leave it empty.',
		);
	}
	if (n !== '' && !DIGITS.test(n)) {
		throw new CutOverSettingError(
			`Cut-over order number "${n}" is not an order number`,
			'Enter the number of the last order the previous connector booked (digits only), or leave it empty.',
		);
	}
	return { beforeDate: m ? m[1] : null, upToNumber: n === '' ? null : n };
}

const numberAtMost = (a: string, b: string): boolean => BigInt(a) <= BigInt(b);

/** The skip of an order under the cut-over (code `before_cut_over`), or null when it is to be booked. */
export function cutOverSkip(
	order: { number: string; date: string },
	cutOver: CutOver,
): OrderRefusal | null {
	const byDate = cutOver.beforeDate !== null && order.date < cutOver.beforeDate;
	const byNumber =
		cutOver.upToNumber !== null &&
		DIGITS.test(order.number) &&
		numberAtMost(order.number, cutOver.upToNumber);
	if (!byDate && !byNumber) return null;
	const why = byNumber
		? `its number is at most the cut-over order number ${cutOver.upToNumber}`
		: `it is dated ${order.date}, before the cut-over date ${cutOver.beforeDate}`;
	return new OrderRefusal(
		'before_cut_over',
		`Order ${order.number} is not booked here: ${why}; the previous connector booked it`,
		'Nothing to do. If the previous connector did not book it, move the cut-over setting (Run settings) and reprocess the order.',
		order.number,
		{ skip: true },
	);
}
