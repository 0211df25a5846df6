/**
 * What to do when an order has more than one invoice (booked twice before this package guarded against it, by
 * hand, or by a second tool): keep the first (lowest number), credit the others. A sent invoice is never
 * deleted: Dutch bookkeeping corrects it with a credit invoice.
 */
export interface DuplicateFix {
	orderNumber: string;
	invoiceNumbers: string[];
	keep: string;
	credit: string[];
	hint: string;
}

const byNumber = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

/** The fix for an order's invoices, or null when it has at most one. */
export function duplicateFix(
	orderNumber: string,
	invoiceNumbers: readonly string[],
): DuplicateFix | null {
	const numbers = [...new Set(invoiceNumbers)].sort(byNumber);
	if (numbers.length < 2) return null;
	const [keep, ...credit] = numbers;
	return {
		orderNumber,
		invoiceNumbers: numbers,
		keep,
		credit,
		hint: `Order ${orderNumber} is invoiced ${numbers.length} times (${numbers.join(', ')}). Keep invoice ${keep}; credit ${credit.join(', ')} in Factuursturen with a credit invoice (a sent invoice is never deleted).`,
	};
}
