/** A date parameter (n8n dateTime "2024-05-01T00:00:00" or "2024-05-01") as YYYY-MM-DD, or '' when empty. */
export function dateParam(value: unknown): string {
	const text = String(value ?? '').trim();
	if (text === '') return '';
	const m = /^(\d{4}-\d{2}-\d{2})/.exec(text);
	if (!m) throw new Error(`"${text}" is not a date; use YYYY-MM-DD`);
	return m[1];
}
