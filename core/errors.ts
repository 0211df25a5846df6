/**
 * A refusal: the order cannot be booked as it is, and guessing would put a wrong invoice in the books.
 * Every refusal names what is wrong (`message`), a stable `code` for filters, and what to do (`hint`).
 * The nodes turn it into an item on the error output, so nothing is lost.
 */
export class OrderRefusal extends Error {
	constructor(
		readonly code: string,
		message: string,
		readonly hint: string,
		readonly orderNumber: string | null = null,
		readonly details: Record<string, unknown> = {},
	) {
		super(message);
		this.name = 'OrderRefusal';
	}

	toJSON(): Record<string, unknown> {
		return { code: this.code, message: this.message, hint: this.hint, orderNumber: this.orderNumber, details: this.details };
	}
}
