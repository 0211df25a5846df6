/** The booking record as n8n's public API gives it (GET /api/v1/data-tables, …/rows): the test's own reading. */
import { BOOKING_RECORD_TABLE, type BookingRow } from '../../../core/booking-record/columns';
import type { ServerRunner } from '../../../scripts/n8n';

/** a row as n8n stores it: the core's columns plus the ids and timestamps n8n adds */
export type RecordRow = BookingRow & { id: number; createdAt: string; updatedAt: string };

interface Page<T> {
	data: T[];
	nextCursor?: string | null;
}

/** Every row of the booking record (paged), or [] when the table does not exist yet. */
export async function bookingRecord(runner: ServerRunner): Promise<RecordRow[]> {
	const api = runner.session.api;
	const tables = await api.get<Page<{ id: string; name: string }>>(`/data-tables?limit=250`);
	const table = tables.data.find((t) => t.name === BOOKING_RECORD_TABLE);
	if (!table) return [];
	const rows: RecordRow[] = [];
	let cursor: string | null | undefined;
	do {
		const page = await api.get<Page<RecordRow>>(
			`/data-tables/${table.id}/rows?limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
		);
		rows.push(...page.data);
		cursor = page.nextCursor;
	} while (cursor);
	return rows;
}
