/**
 * The id in a create's 2xx answer. Factuursturen answers 201 with the new number as plain text ("58",
 * " F2024-057\n"); an HTTP client may already have parsed it as JSON (58, "58"). Anything else (an HTML page,
 * "OK", an empty or JSON error body) is no id: the create's outcome is unknown, never a number made up from it.
 */

/** client numbers are whole numbers */
const CLIENT_NUMBER = /^\d{1,18}$/;
/** invoice numbers: digits, optionally behind an account's numbering prefix ("F2024-057", "2024/0012") */
const INVOICE_NUMBER = /^[A-Za-z]{0,10}[-/.]?\d[0-9A-Za-z/._-]{0,39}$/;

function bodyText(body: unknown): string | null {
	if (typeof body === 'number')
		return Number.isSafeInteger(body) && body >= 0 ? String(body) : null;
	if (typeof body === 'string')
		return body
			.trim()
			.replace(/^"(.*)"$/s, '$1')
			.trim();
	return null;
}

/** The client number of a POST /clients answer, or null when the body is not one. */
export function createdClientNumber(body: unknown): string | null {
	const t = bodyText(body);
	return t !== null && CLIENT_NUMBER.test(t) ? t : null;
}

/** The invoice number of a POST /invoices answer, or null when the body is not one. */
export function createdInvoiceNumber(body: unknown): string | null {
	const t = bodyText(body);
	return t !== null && INVOICE_NUMBER.test(t) ? t : null;
}
