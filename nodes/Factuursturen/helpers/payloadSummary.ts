import type { IDataObject } from 'n8n-workflow';
import { expectedTotals } from '../../../core/factuursturen/arithmetic';
import type { FactuursturenInvoicePayload } from '../../../core/factuursturen/payload-types';

/** What Create From Order's output says about the invoice it sent (or would send): the totals Factuursturen should show. */
export function payloadSummary(
	payload: FactuursturenInvoicePayload,
	taxType: 'extax' | 'intax',
	taxShifted: boolean,
): IDataObject {
	const totals = expectedTotals(payload, taxType, { taxShifted });
	return {
		clientnr: payload.clientnr,
		reference: payload.reference,
		lineCount: payload.lines.length,
		sendmethod: payload.sendmethod,
		alreadypaid: payload.alreadypaid,
		alreadypaidmethod: payload.alreadypaidmethod,
		category: payload.category ?? null,
		profile: payload.profile ?? null,
		taxType,
		expectedTotalInclCents: totals.totalInclCents,
		expectedVatCents: totals.vatCents,
	};
}
