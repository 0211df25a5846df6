/**
 * Which existing debtor an order is booked on. Debtors are matched on the e-mail key (trimmed, lower-cased,
 * exact); Factuursturen may hold several with the same e-mail, and its records carry booleans as strings.
 */

export type DebtorRecord = Record<string, unknown>;

/** The e-mail key debtors are matched on: trimmed, lower-cased. */
export const emailKey = (value: unknown): string =>
	String(value ?? '')
		.trim()
		.toLowerCase();

/** Factuursturen's boolean strings ("true"/"false", "1"/"0"); anything else is not false. */
const isFalse = (value: unknown): boolean =>
	value === false || value === 'false' || value === '0' || value === 0;

/** Prices on invoices for this debtor are incl. VAT (intax) or excl. (extax, Factuursturen's default for an absent value). */
export function taxTypeOf(client: DebtorRecord): 'extax' | 'intax' {
	return String(client.tax_type ?? '')
		.trim()
		.toLowerCase() === 'intax'
		? 'intax'
		: 'extax';
}

/** The records whose e-mail is exactly this one (a text search also returns near matches). */
export function exactEmailMatches<T extends DebtorRecord>(
	clients: readonly T[],
	email: string,
): T[] {
	const key = emailKey(email);
	return clients.filter((c) => emailKey(c.email) === key);
}

/** Several debtors with the same e-mail: active ones first, then the oldest (lowest number). */
export function pickDebtor<T extends DebtorRecord>(matches: readonly T[]): T {
	const score = (c: T) => (isFalse(c.active) ? 1 : 0);
	const num = (c: T) =>
		/^\d+$/.test(String(c.clientnr)) ? Number(c.clientnr) : Number.MAX_SAFE_INTEGER;
	return [...matches].sort((a, b) => score(a) - score(b) || num(a) - num(b))[0];
}
