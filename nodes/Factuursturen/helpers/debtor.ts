/**
 * A new debtor's body from a canonical order: the core's `buildDebtor` (lengths, country id, reverse charge) with
 * the node's New Consumer/Business Debtors tax types and the invoice node's Send Method. With Invoice Settings, the
 * debtor is only created for an order that will be invoiced on it: the invoice must be buildable on exactly this
 * debtor (core preflight), and a credit order's original invoice must exist (or its order be in this run): as
 * Find By Orders answered it on the item when it ran before (`originalInvoice`, `originalNotInvoiced`), else by one
 * reference search.
 */
import type { IDataObject } from 'n8n-workflow';
import type { CanonicalOrder } from '../../../core/canonical-order';
import { buildDebtor, type TaxType } from '../../../core/factuursturen/debtor-builder';
import { isCreditOrder } from '../../../core/factuursturen/order-checks';
import {
	checkBeforeWrites,
	checkInvoiceOnNewDebtor,
	originalInvoiceMissing,
} from '../../../core/factuursturen/preflight';
import type { FactuursturenRun } from '../actions/node.type';
import { findInvoiceByReference } from '../transport/invoices';
import { invoiceSettingsFor } from './mappingParameters';
import { looseOrderNumber, orderOf } from './order';

export async function newDebtorPayload(
	run: FactuursturenRun,
	i: number,
	order: CanonicalOrder,
	countries: IDataObject[],
): Promise<IDataObject> {
	const { ctx } = run;
	const list = countries
		.filter((c) => c.id !== undefined && typeof c.name === 'string')
		.map((c) => ({ id: String(c.id), name: String(c.name) }));
	const settings = invoiceSettingsFor(ctx, i);
	const debtor = buildDebtor(order, list, {
		consumerTaxType: ctx.getNodeParameter('newConsumerTaxType', i, 'intax') as TaxType,
		businessTaxType: ctx.getNodeParameter('newBusinessTaxType', i, 'extax') as TaxType,
		sendMethod: settings.sendMethod,
	});
	const mapping = settings.mapping;
	if (mapping) {
		checkInvoiceOnNewDebtor(order, debtor, mapping, list);
		// a customer without a debtor has no invoice booked by this integration: a credit's original must be in this
		// run (and pass the same checks), or be known to Find By Orders, or is looked up once
		const credited = isCreditOrder(order) ? order.creditsOrderNumber : null;
		const path = String(ctx.getNodeParameter('orderProperty', i, ''));
		const bookableHere = (k: number): boolean => {
			try {
				const original = orderOf(ctx, run.items[k].json, path, k);
				checkBeforeWrites(original, settings);
				checkInvoiceOnNewDebtor(original, debtor, mapping, list);
				return true;
			} catch {
				return false;
			}
		};
		const inThisRun =
			credited !== null &&
			run.items.some(
				(item, k) => looseOrderNumber(item.json, path) === credited && bookableHere(k),
			);
		if (isCreditOrder(order) && !inThisRun) {
			const { originalInvoice, originalNotInvoiced } = run.items[i].json;
			const invoiced =
				credited !== null &&
				originalNotInvoiced !== true &&
				(!!originalInvoice || (await findInvoiceByReference(run, credited, i)) !== null);
			if (!invoiced) throw originalInvoiceMissing(order);
		}
	}
	return debtor as unknown as IDataObject;
}
