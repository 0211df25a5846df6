/**
 * A new debtor's body from a canonical order: the core's `buildDebtor` (lengths, country id, reverse charge) with
 * the node's New Consumer/Business Debtors tax types and the invoice node's Send Method; with Invoice Settings, the
 * invoice must be buildable on exactly this debtor before it is created (core preflight).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { CanonicalOrder } from '../../../core/canonical-order';
import { buildDebtor, type TaxType } from '../../../core/factuursturen/debtor-builder';
import { checkInvoiceOnNewDebtor } from '../../../core/factuursturen/preflight';
import { invoiceSettingsFor } from './mapping';

export function newDebtorPayload(ctx: IExecuteFunctions, i: number, order: CanonicalOrder, countries: IDataObject[]): IDataObject {
	const list = countries
		.filter((c) => c.id !== undefined && typeof c.name === 'string')
		.map((c) => ({ id: String(c.id), name: String(c.name) }));
	const settings = invoiceSettingsFor(ctx, i);
	const debtor = buildDebtor(order, list, {
		consumerTaxType: ctx.getNodeParameter('newConsumerTaxType', i, 'intax') as TaxType,
		businessTaxType: ctx.getNodeParameter('newBusinessTaxType', i, 'extax') as TaxType,
		sendMethod: settings.sendMethod,
	});
	if (settings.mapping) checkInvoiceOnNewDebtor(order, debtor, settings.mapping, list);
	return debtor as unknown as IDataObject;
}
