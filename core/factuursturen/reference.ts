/**
 * The idempotency key. Factuursturen has no idempotency header, so every invoice carries its order
 * number in `reference.line1` as "Bestelling <number>"; before creating, the node looks for an invoice
 * whose line1 parses back to the same number and adopts it. The parse is EXACT (not a substring test):
 * "Bestelling 104" must never be taken for order 1042.
 */
import { OrderRefusal } from '../errors';

const PREFIX = 'Bestelling ';
/** what Mijnwebwinkel numbers look like: digits, or letters/digits with - . / _ (test orders "T-…") */
const ORDER_NUMBER = /^[A-Za-z0-9](?:[A-Za-z0-9._/-]{0,62})$/;

export function isValidOrderNumber(orderNumber: unknown): orderNumber is string {
	return typeof orderNumber === 'string' && ORDER_NUMBER.test(orderNumber);
}

/** "1042" → "Bestelling 1042" */
export function orderReference(orderNumber: string): string {
	if (!isValidOrderNumber(orderNumber)) {
		throw new OrderRefusal(
			'invalid_order_number',
			`Order number "${String(orderNumber)}" cannot be used as an invoice reference`,
			'An order number must be 1–63 letters, digits or - . / _ without spaces. Check the order in Mijnwebwinkel.',
			typeof orderNumber === 'string' ? orderNumber : null,
		);
	}
	return PREFIX + orderNumber;
}

/** "Bestelling 1042" → "1042"; null for anything that `orderReference` cannot have produced */
export function orderNumberFromReference(line1: unknown): string | null {
	if (typeof line1 !== 'string' || !line1.startsWith(PREFIX)) return null;
	const number = line1.slice(PREFIX.length);
	return isValidOrderNumber(number) ? number : null;
}
