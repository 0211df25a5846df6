import type { IDataObject } from 'n8n-workflow';

/** Reads a dot path ("order", "debtor.client") from an item's JSON; '' = the whole JSON. */
export function atPath(json: IDataObject, path: string): unknown {
	const p = path.trim();
	if (p === '') return json;
	return p
		.split('.')
		.reduce<unknown>(
			(acc, key) => (acc && typeof acc === 'object' ? (acc as IDataObject)[key] : undefined),
			json,
		);
}
