/**
 * What the booking record tells of the invoice of an order that a credit order credits, so the credit note can
 * name its original without a search in Factuursturen:
 * - booked (sent, adopted, or booked and found to differ) → its invoice number;
 * - refused or skipped and never booked since → not invoiced: the connector never sent it;
 * - anything else (not in the record, or a failure whose create may have gone through) → unknown.
 */
import { isBooked, storedRow } from './row';

export type RecordedOriginal = { invoiceNumber: string } | 'not invoiced' | 'unknown';

/** The record's answer per order number, from the rows a Data Table Get gives (empty items allowed). */
export function recordedOriginals(
	rows: ReadonlyArray<Record<string, unknown>>,
): Map<string, RecordedOriginal> {
	const answers = new Map<string, RecordedOriginal>();
	for (const json of rows) {
		const row = storedRow(json);
		if (row === null) continue;
		if (isBooked(row) && row.invoiceNumber !== null) {
			answers.set(row.orderNumber, { invoiceNumber: row.invoiceNumber });
		} else if (!isBooked(row) && (row.outcome === 'refused' || row.outcome === 'skipped')) {
			answers.set(row.orderNumber, 'not invoiced');
		}
	}
	return answers;
}
