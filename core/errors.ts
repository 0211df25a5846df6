/**
 * A refusal: the order cannot be booked as it is, and guessing would put a wrong invoice in the books.
 * Every refusal names what is wrong (`message`), a stable `code` for filters (from the catalogue in
 * error-codes.ts), and what to do (`hint`).
 * The nodes turn it into an item on the error output, so nothing is lost.
 *
 * A refusal is an expected outcome, not a bug: it carries no stack trace (capturing one costs more than
 * mapping the order itself, and a history migration can refuse thousands).
 */
import type { ErrorCode } from './error-codes';

export class OrderRefusal extends Error {
	readonly code: ErrorCode;
	readonly hint: string;
	readonly orderNumber: string | null;
	readonly details: Record<string, unknown>;

	constructor(
		code: ErrorCode,
		message: string,
		hint: string,
		orderNumber: string | null = null,
		details: Record<string, unknown> = {},
	) {
		const limit = Error.stackTraceLimit;
		Error.stackTraceLimit = 0;
		try {
			super(message);
		} finally {
			Error.stackTraceLimit = limit;
		}
		this.name = 'OrderRefusal';
		this.code = code;
		this.hint = hint;
		this.orderNumber = orderNumber;
		this.details = details;
	}

	toJSON(): Record<string, unknown> {
		return {
			code: this.code,
			message: this.message,
			hint: this.hint,
			orderNumber: this.orderNumber,
			details: this.details,
		};
	}
}
