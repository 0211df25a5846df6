import type { IDataObject } from 'n8n-workflow';
import type { DebtorForInvoice } from '../../../core/factuursturen/invoice-builder';
import { atPath } from './itemPath';
import { toBoolean } from './normalize';

/** The debtor fields (clientnr, tax_type, tax_shifted, taxnumber, country) at `path` of the item, or null without clientnr. */
export function debtorFromItem(json: IDataObject, path: string): Partial<DebtorForInvoice> | null {
	const value = atPath(json, path);
	if (!value || typeof value !== 'object') return null;
	const d = value as IDataObject;
	const clientnr = d.clientnr === undefined || d.clientnr === null ? '' : String(d.clientnr).trim();
	if (clientnr === '') return null;
	const taxType = String(d.tax_type ?? '')
		.trim()
		.toLowerCase();
	return {
		clientnr,
		tax_type: taxType === 'intax' || taxType === 'extax' ? taxType : undefined,
		tax_shifted: toBoolean(d.tax_shifted) === true,
		taxnumber: d.taxnumber === undefined || d.taxnumber === null ? undefined : String(d.taxnumber),
		...(d.country === undefined || d.country === null || String(d.country).trim() === ''
			? {}
			: { country: String(d.country).trim() }),
	};
}
