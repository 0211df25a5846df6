/**
 * Client bodies from node parameters. Empty values are left out (Factuursturen keeps its defaults), and the
 * documented field lengths are applied by the core's rule, so nothing is sent only to be rejected.
 */
import type { IDataObject } from 'n8n-workflow';

/** Fields Factuursturen returns but does not accept back. */
const READ_ONLY = new Set(['clientnr', 'lastinvoice', 'timestamp']);

export function clientBodyFromFields(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === '' || value === undefined || value === null) continue;
		body[key] = typeof value === 'string' ? value.trim() : value;
	}
	for (const key of ['phone', 'mobile']) if (typeof body[key] === 'string') body[key] = (body[key] as string).replace(/\s+/g, '');
	return body;
}

/** An existing client as read back, turned into a full PUT body (PUT needs all required fields). */
export function clientBodyFromRecord(record: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(record)) if (!READ_ONLY.has(key)) body[key] = value;
	return body;
}
