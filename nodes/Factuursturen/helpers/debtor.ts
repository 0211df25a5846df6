/** A new debtor's body from a canonical order: the core's `buildDebtor` (lengths, country id, reverse charge). */
import type { IDataObject } from 'n8n-workflow';
import type { CanonicalOrder } from '../../../core/canonical-order';
import { buildDebtor, type BuildDebtorOptions } from '../../../core/factuursturen/debtor-builder';

export function buildDebtorPayload(order: CanonicalOrder, countries: IDataObject[], opts: BuildDebtorOptions = {}): IDataObject {
	const list = countries
		.filter((c) => c.id !== undefined && typeof c.name === 'string')
		.map((c) => ({ id: String(c.id), name: String(c.name) }));
	return buildDebtor(order, list, opts) as unknown as IDataObject;
}
