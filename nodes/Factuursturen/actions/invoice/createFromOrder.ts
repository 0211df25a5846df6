/**
 * Invoice → Create From Order: a canonical order + its debtor → an invoice built by the core (`buildInvoice`;
 * refusals become error items with a hint). It is sent paid (alreadypaid 'full') only when the order is known to
 * be paid (mapping paidWhen); otherwise it is sent open and the item says why (`paidOnInvoice`, `openReason`).
 *
 * Never twice: an invoice whose reference.line1 is this order's reference is ADOPTED instead of creating a
 * second one. The check costs one list request per execution (or none when the item carries
 * `existingInvoice` from Find By Orders). A create is never retried blindly: when its outcome is unknown
 * (network error, timeout, 5xx) the reference is searched first; only when nothing is found is the create
 * retried, once. After a timeout the lookup waits as long as the timeout again (≤ 10 s), since the server
 * may still be creating it; a create still running after that is the one case that can slip through, and
 * the next run's duplicate check reports it (Find By Orders: duplicateInvoiceNumbers).
 */
import { NodeOperationError, sleep, type IDataObject } from 'n8n-workflow';
import type { CanonicalOrder } from '../../../../core/canonical-order';
import { expectedTotals } from '../../../../core/factuursturen/arithmetic';
import { OrderRefusal } from '../../../../core/errors';
import { isCreditOrder } from '../../../../core/factuursturen/order-checks';
import { orderReference } from '../../../../core/factuursturen/reference';
import { buildInvoice, fixedDebtorFor, type BuildInvoiceOptions, type DebtorForInvoice } from '../../../../core/factuursturen/invoice-builder';
import type { FactuursturenInvoicePayload } from '../../../../core/factuursturen/payload-types';
import { openReason, sendsAsPaid } from '../../../../core/factuursturen/payment-status';
import { atPath, forEachItem, toNodeError, type RunContext } from '../../helpers/items';
import { invoiceMapping } from '../../helpers/mapping';
import { asArray, createdId, toBoolean } from '../../helpers/normalize';
import { looseOrderNumber, orderOf } from '../../helpers/order';
import { isTransient } from '../../transport/errors';
import { fetchClient } from '../client/read';
import { findInvoiceByReference, invoiceSummary, loadInvoiceIndex, type InvoiceIndex } from './existingInvoices';

export type InvoiceAction = 'created' | 'adopted' | 'dryRun';

/** longest pause after a timed-out create before looking it up */
export const TIMEOUT_GRACE_MAX_MS = 10_000;

/** The debtor fields (clientnr, tax_type, tax_shifted, taxnumber, country) at `path` of the item, or null without clientnr. */
export function debtorFromItem(json: IDataObject, path: string): Partial<DebtorForInvoice> | null {
	const value = atPath(json, path);
	if (!value || typeof value !== 'object') return null;
	const d = value as IDataObject;
	const clientnr = d.clientnr === undefined || d.clientnr === null ? '' : String(d.clientnr).trim();
	if (clientnr === '') return null;
	const taxType = String(d.tax_type ?? '').trim().toLowerCase();
	return {
		clientnr,
		tax_type: taxType === 'intax' || taxType === 'extax' ? taxType : undefined,
		tax_shifted: toBoolean(d.tax_shifted) === true,
		taxnumber: d.taxnumber === undefined || d.taxnumber === null ? undefined : String(d.taxnumber),
		...(d.country === undefined || d.country === null || String(d.country).trim() === '' ? {} : { country: String(d.country).trim() }),
	};
}

function payloadSummary(payload: FactuursturenInvoicePayload, taxType: 'extax' | 'intax', taxShifted: boolean): IDataObject {
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

const originalOut = (opts: BuildInvoiceOptions): IDataObject => (opts.originalInvoiceNumber ? { originalInvoiceNumber: opts.originalInvoiceNumber } : {});

export async function createFromOrder(rc: RunContext) {
	const { ctx, api } = rc;
	const orderPath = (i: number) => String(ctx.getNodeParameter('orderProperty', i, ''));

	// One duplicate-check list for all items that do not carry the result of an earlier check.
	let index: InvoiceIndex | null = null;
	const needsCheck: string[] = [];
	for (let i = 0; i < rc.items.length; i++) {
		if (rc.items[i].json.existingInvoice !== undefined) continue;
		const date = (atPath(rc.items[i].json, orderPath(i)) as IDataObject | undefined)?.date;
		if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) needsCheck.push(date);
	}
	const existingFor = async (order: CanonicalOrder, json: IDataObject, i: number): Promise<IDataObject | null> => {
		if (json.existingInvoice !== undefined) {
			const e = json.existingInvoice as IDataObject | null;
			return e && typeof e === 'object' && (e.invoicenr || e.id) ? e : null;
		}
		index ??= await loadInvoiceIndex(rc, needsCheck.length ? needsCheck : [order.date], i);
		const found = index.get(order.number)[0];
		return found ? invoiceSummary(found) : null;
	};
	// invoices created in this execution, so an order that comes twice is booked once
	const createdNow = new Map<string, string>();
	const fixedDebtors = new Map<string, DebtorForInvoice>();
	// Factuursturen's country list, fetched once and only for an OSS order whose debtor country must be checked
	let countries: IDataObject[] | null = null;

	/**
	 * A credit note must name the invoice it corrects: the credited order's invoice, found by its reference in
	 * this execution's creates, the bulk list, or else ONE reference search. Not found → refusal.
	 */
	const originalInvoiceOf = async (order: CanonicalOrder, i: number): Promise<string> => {
		const credited = order.creditsOrderNumber;
		const nrOf = (inv: IDataObject) => String(inv.invoicenr_full || inv.invoicenr || inv.id || '');
		let nr = credited ? (createdNow.get(credited) ?? '') : '';
		if (!nr && credited) {
			const listed = index?.get(credited)[0];
			const found = listed ?? (await findInvoiceByReference(rc, credited, i));
			nr = found ? nrOf(found) : '';
		}
		if (nr) return nr;
		throw new OrderRefusal(
			'original_invoice_not_found',
			credited
				? `Credit order ${order.number} credits order ${credited}, but Factuursturen has no invoice with reference "${orderReference(credited)}"`
				: `Credit order ${order.number} does not name the order it credits, so its original invoice cannot be found`,
			`A credit note must refer to the original invoice. Book the original order${credited ? ` ${credited}` : ''} first (then reprocess this credit), or, when the original was booked by hand, book this credit by hand in Factuursturen as a credit of that invoice.`,
			order.number,
			{ creditsOrderNumber: credited },
		);
	};

	return await forEachItem(
		rc,
		async (i) => {
			const json = rc.items[i].json;
			const order = orderOf(ctx, json, orderPath(i), i);
			const mapping = invoiceMapping(ctx, i);
			const dryRun = ctx.getNodeParameter('dryRun', i, false) as boolean;
			const fixedNr = fixedDebtorFor(order, mapping);
			// what Reconcile With Order needs to know about how the invoice was booked
			const bookedWith = {
				splitUnsplitCosts: mapping.splitUnsplitCosts === true,
				sentPaid: sendsAsPaid(order, mapping.paidWhen),
				fixedDebtor: json.debtorAction === 'fixed' || (fixedNr !== null && debtorFromItem(json, String(ctx.getNodeParameter('debtorProperty', i, '')))?.clientnr === fixedNr),
			};
			const base: IDataObject = { ...json, orderNumber: order.number, bookedWith, paidOnInvoice: bookedWith.sentPaid };
			if (!bookedWith.sentPaid && order.totals.inclCents !== 0) base.openReason = openReason(order);

			const already = createdNow.get(order.number);
			const existing = already ? { invoicenr: already } : await existingFor(order, json, i);
			if (existing) {
				const nr = String(existing.invoicenr ?? existing.id);
				if (dryRun) return { ...base, invoiceAction: 'dryRun', invoicenr: nr, wouldAdopt: true, existingInvoice: existing };
				return { ...base, invoiceAction: 'adopted', invoicenr: nr, existingInvoice: existing };
			}

			let debtor = debtorFromItem(json, String(ctx.getNodeParameter('debtorProperty', i, '')));
			if (!debtor) {
				const fixed = fixedNr;
				if (fixed) {
					bookedWith.fixedDebtor = true;
					if (!fixedDebtors.has(fixed)) {
						const c = await fetchClient(rc, fixed, i);
						fixedDebtors.set(fixed, debtorFromItem(c, '') as DebtorForInvoice);
					}
					debtor = fixedDebtors.get(fixed)!;
				}
			}
			if (!debtor) {
				const e = new NodeOperationError(ctx.getNode(), `Order ${order.number} has no debtor (clientnr) to invoice`, {
					itemIndex: i,
					description:
						'Put Client → Get or Create by Email before this node (it adds clientnr, tax_type and tax_shifted), or set "Debtor Field" to where they are in the item.',
				});
				e.context.code = 'missing_debtor';
				throw e;
			}
			if (!debtor.tax_type) {
				debtor = { ...debtor, ...(debtorFromItem(await fetchClient(rc, debtor.clientnr!, i), '') ?? {}) };
			}
			const forInvoice = debtor as DebtorForInvoice;
			const opts: BuildInvoiceOptions = {};
			if (isCreditOrder(order)) opts.originalInvoiceNumber = await originalInvoiceOf(order, i);
			if (order.vat.regime === 'oss' && forInvoice.country) {
				countries ??= asArray(await api.getReference('/countrylist/nl', i));
				opts.countries = countries.filter((c) => c.id !== undefined && typeof c.name === 'string').map((c) => ({ id: String(c.id), name: String(c.name) }));
			}
			const payload = buildInvoice(order, forInvoice, mapping, opts);
			const summary = payloadSummary(payload, forInvoice.tax_type, forInvoice.tax_shifted === true);

			if (dryRun) {
				return { ...base, invoiceAction: 'dryRun', invoicenr: null, wouldAdopt: false, ...originalOut(opts), payloadSummary: summary, payload: payload as unknown as IDataObject };
			}

			const post = async (): Promise<string> => {
				const response = await api.request({ method: 'POST', path: '/invoices', body: payload as unknown as IDataObject, what: `POST /invoices (order ${order.number})` }, i);
				const nr = createdId(response.body);
				if (nr) return nr;
				// created, but the number did not come back: find it by its reference
				const found = await findInvoiceByReference(rc, order.number, i);
				if (found) return String(found.invoicenr ?? found.id);
				throw new NodeOperationError(ctx.getNode(), `Factuursturen accepted the invoice for order ${order.number} but returned no number`, {
					itemIndex: i,
					description: 'Look for the invoice with reference "' + payload.reference.line1 + '" in Factuursturen; the next run adopts it.',
				});
			};

			let invoicenr: string;
			let invoiceAction: InvoiceAction = 'created';
			let recovered = false;
			try {
				invoicenr = await post();
			} catch (firstError) {
				if (!isTransient(firstError)) throw toNodeError(rc, firstError, i);
				// Outcome unknown: maybe it was created. Look before creating again. After a timeout the
				// server may still be working on it, so give it as long again (at most 10 s) first.
				if (firstError.timedOut) await sleep(Math.min(api.timeoutMs, TIMEOUT_GRACE_MAX_MS));
				const found = await findInvoiceByReference(rc, order.number, i);
				if (found) {
					invoicenr = String(found.invoicenr ?? found.id);
					invoiceAction = 'adopted';
					recovered = true;
				} else {
					try {
						invoicenr = await post();
						recovered = true;
					} catch (secondError) {
						if (!isTransient(secondError)) throw toNodeError(rc, secondError, i);
						const late = await findInvoiceByReference(rc, order.number, i);
						if (!late) {
							secondError.description = `The invoice for order ${order.number} could not be created (two attempts). Run again later: an invoice that was created anyway is found by its reference "${payload.reference.line1}" and adopted, never created twice.`;
							throw toNodeError(rc, secondError, i);
						}
						invoicenr = String(late.invoicenr ?? late.id);
						invoiceAction = 'adopted';
						recovered = true;
					}
				}
			}
			createdNow.set(order.number, invoicenr);
			return {
				...base,
				invoiceAction,
				invoicenr,
				...(recovered ? { recoveredAfterFailure: true } : {}),
				clientnr: forInvoice.clientnr,
				...originalOut(opts),
				payloadSummary: summary,
			};
		},
		(i) => ({ orderNumber: looseOrderNumber(rc.items[i].json, orderPath(i)) }),
	);
}
