/**
 * `GET /search/{area}/{field}/{query}`: a text search (case-insensitive substring), NOT an exact match —
 * which is why the project filters e-mail hits client-side. `all` searches every value, nested ones too
 * (so invoice reference lines and line descriptions are found).
 */
import { ApiError, isObj } from './values';

function strings(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
		out.push(String(value));
	else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
	else if (isObj(value)) Object.values(value).forEach((v) => strings(v, out));
	return out;
}

export function textSearch<T extends Record<string, unknown>>(
	items: readonly T[],
	field: string,
	query: string,
	knownFields: readonly string[],
	area: string,
): T[] {
	if (field !== 'all' && !knownFields.includes(field)) {
		throw new ApiError(
			`search: ${area} has no field "${field}"; use all or one of ${knownFields.join(', ')}`,
		);
	}
	const needle = query.toLowerCase();
	if (needle.trim() === '') throw new ApiError('search: the search query is empty');
	return items.filter((item) =>
		strings(field === 'all' ? item : item[field]).some((s) => s.toLowerCase().includes(needle)),
	);
}
