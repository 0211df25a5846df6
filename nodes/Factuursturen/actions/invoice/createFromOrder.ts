/**
 * Invoice → Create From Order: a canonical order + its debtor → an invoice built by the core (`buildInvoice`;
 * refusals become error items with a hint). It is sent paid (alreadypaid 'full') only when the order is known to
 * be paid (mapping paidWhen); otherwise it is sent open and the item says why (`paidOnInvoice`, `openReason`).
 *
 * Never twice: an invoice whose reference.line1 is this order's reference is ADOPTED instead of creating a
 * second one. The check reads the invoice list once per execution, completely (or none when the item carries
 * `existingInvoice` from Find By Orders); a list that cannot be read fails the items, it never reads as "no
 * invoices". The create follows the core's never-twice protocol (core/booking/never-twice): sent once; an
 * unknown outcome is settled by a reference search only, and when that does not find it the order is
 * reported as outcome_unknown and verified by the next run, never sent again.
 */
import type { ErrorCode } from '../../../../core/error-codes';
import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import type { CanonicalOrder } from '../../../../core/canonical-order';
import { expectedTotals } from '../../../../core/factuursturen/arithmetic';
import { isCreditOrder } from '../../../../core/factuursturen/order-checks';
import {
	checkBeforeWrites,
	originalInvoiceMissing,
} from '../../../../core/factuursturen/preflight';
import {
	buildInvoice,
	fixedDebtorFor,
	type BuildInvoiceOptions,
	type DebtorForInvoice,
} from '../../../../core/factuursturen/invoice-builder';
import type { FactuursturenInvoicePayload } from '../../../../core/factuursturen/payload-types';
import { isSettled, openReason, sendsAsPaid } from '../../../../core/factuursturen/payment-status';
import { atPath, forEachItem, toNodeError, type RunContext } from '../../helpers/items';
import { invoiceableStatuses, invoiceMapping } from '../../helpers/mapping';
import { createdInvoiceNumber } from '../../../../core/booking/created-id';
import { duplicateFix } from '../../../../core/booking/duplicates';
import type { BookingOutcome } from '../../../../core/booking/never-twice';
import { createOnceVia, listError, oncePerRun, unknownOutcomeError } from '../../helpers/booking';
import { asArray, toBoolean } from '../../helpers/normalize';
import { looseOrderNumber, orderOf } from '../../helpers/order';
import { fetchClient } from '../client/read';
import {
	findInvoiceByReference,
	foreignRuleOf,
	invoiceLookup,
	invoiceSummary,
	loadInvoiceIndex,
	type InvoiceIndex,
} from './existingInvoices';

export type InvoiceAction = 'created' | 'adopted' | 'dryRun';

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

function payloadSummary(
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

const originalOut = (opts: BuildInvoiceOptions): IDataObject =>
	opts.originalInvoiceNumber ? { originalInvoiceNumber: opts.originalInvoiceNumber } : {};

export async function createFromOrder(rc: RunContext) {
	// a broken rule for invoices made elsewhere is a setting to fix, said as such (not as an unreadable list)
	foreignRuleOf(rc, 0);
	const { ctx, api } = rc;
	const orderPath = (i: number) => String(ctx.getNodeParameter('orderProperty', i, ''));

	// One duplicate-check list for all items that do not carry the result of an earlier check; read once per
	// execution, its failure included (a failing list is not fetched again for every item).
	let index: InvoiceIndex | null = null;
	let loadIndex: (() => Promise<InvoiceIndex>) | null = null;
	const needsCheck: string[] = [];
	for (let i = 0; i < rc.items.length; i++) {
		if (rc.items[i].json.existingInvoice !== undefined) continue;
		const date = (atPath(rc.items[i].json, orderPath(i)) as IDataObject | undefined)?.date;
		if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) needsCheck.push(date);
	}
	const existingFor = async (
		order: CanonicalOrder,
		json: IDataObject,
		i: number,
	): Promise<IDataObject | null> => {
		if (json.existingInvoice !== undefined) {
			const e = json.existingInvoice as IDataObject | null;
			return e && typeof e === 'object' && (e.invoicenr || e.id) ? e : null;
		}
		loadIndex ??= oncePerRun(
			async () => await loadInvoiceIndex(rc, needsCheck.length ? needsCheck : [order.date], i),
		);
		try {
			index = await loadIndex();
		} catch (error) {
			throw listError(rc, error, 'invoice list', i);
		}
		const found = index.get(order.number);
		if (found.length === 0) return null;
		const numbers = found.map((f) => String(f.invoicenr ?? f.id));
		return {
			...invoiceSummary(found[0]),
			...(found.length > 1 ? { duplicateInvoiceNumbers: numbers } : {}),
		};
	};
	// invoices created in this execution, so an order that comes twice is booked once
	const createdNow = new Map<string, string>();
	// creates whose outcome stayed unknown: not sent again in this execution, whatever item asks
	const unknownNow = new Map<
		string,
		{ outcome: Extract<BookingOutcome, { kind: 'unknown' }>; reference: string }
	>();
	const fixedDebtors = new Map<string, DebtorForInvoice>();
	// Factuursturen's country list, fetched once and only for an OSS order whose debtor country must be checked
	let countries: IDataObject[] | null = null;

	/**
	 * A credit note must name the invoice it corrects: the credited order's invoice, found by its reference among
	 * the invoices created earlier in this run (this execution's, or an earlier loop round's in this process), in
	 * the bulk list (Find By Orders' `originalInvoice`, or this node's own), or else ONE reference search: only for
	 * an original booked before the list's first day. Not found → refusal.
	 */
	const originalInvoiceOf = async (
		order: CanonicalOrder,
		json: IDataObject,
		i: number,
	): Promise<string> => {
		const credited = order.creditsOrderNumber;
		const nrOf = (inv: IDataObject) => String(inv.invoicenr_full || inv.invoicenr || inv.id || '');
		const listed = json.originalInvoice as IDataObject | null | undefined;
		let nr = credited
			? (createdNow.get(credited) ??
				(await api.recentInvoice(credited)) ??
				(listed ? nrOf(listed) : ''))
			: '';
		if (!nr && credited) {
			const inOwnList = index?.get(credited)[0];
			const found = inOwnList ?? (await findInvoiceByReference(rc, credited, i));
			nr = found ? nrOf(found) : '';
		}
		if (nr) return nr;
		throw originalInvoiceMissing(order);
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
				fixedDebtor:
					json.debtorAction === 'fixed' ||
					(fixedNr !== null &&
						debtorFromItem(json, String(ctx.getNodeParameter('debtorProperty', i, '')))
							?.clientnr === fixedNr),
			};
			const settled = isSettled(order, mapping.paidWhen);
			const base: IDataObject = {
				...json,
				orderNumber: order.number,
				bookedWith,
				paidOnInvoice: bookedWith.sentPaid,
				settled,
			};
			if (!settled) base.openReason = openReason(order);

			const already = createdNow.get(order.number);
			const existing = already ? { invoicenr: already } : await existingFor(order, json, i);
			if (existing) {
				const nr = String(existing.invoicenr ?? existing.id);
				if (dryRun)
					return {
						...base,
						invoiceAction: 'dryRun',
						invoicenr: nr,
						wouldAdopt: true,
						existingInvoice: existing,
					};
				// more than one invoice for the order (this check's list, or Find By Orders'): say which to credit
				const duplicates = (existing.duplicateInvoiceNumbers ?? json.duplicateInvoiceNumbers) as
					| string[]
					| undefined;
				const fix = duplicates ? duplicateFix(order.number, duplicates) : null;
				await api.rememberInvoice(order.number, nr);
				return {
					...base,
					invoiceAction: 'adopted',
					invoicenr: nr,
					existingInvoice: existing,
					...(fix
						? {
								duplicateInvoiceNumbers: fix.invoiceNumbers,
								duplicateFix: fix as unknown as IDataObject,
							}
						: {}),
				};
			}
			// an order that is not adopted is checked whole before anything is read or written for it
			checkBeforeWrites(order, { mapping, invoiceableStatuses: invoiceableStatuses(ctx, i) });

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
				const e = new NodeOperationError(
					ctx.getNode(),
					`Order ${order.number} has no debtor (clientnr) to invoice`,
					{
						itemIndex: i,
						description:
							'Put Client → Get or Create by Email before this node (it adds clientnr, tax_type and tax_shifted), or set "Debtor Field" to where they are in the item.',
					},
				);
				e.context.code = 'missing_debtor' satisfies ErrorCode;
				throw e;
			}
			if (!debtor.tax_type) {
				debtor = {
					...debtor,
					...(debtorFromItem(await fetchClient(rc, debtor.clientnr!, i), '') ?? {}),
				};
			}
			const forInvoice = debtor as DebtorForInvoice;
			const opts: BuildInvoiceOptions = {};
			if (isCreditOrder(order))
				opts.originalInvoiceNumber = await originalInvoiceOf(order, json, i);
			if (order.vat.regime === 'oss' && forInvoice.country) {
				countries ??= asArray(await api.getReference('/countrylist/nl', i));
				opts.countries = countries
					.filter((c) => c.id !== undefined && typeof c.name === 'string')
					.map((c) => ({ id: String(c.id), name: String(c.name) }));
			}
			const payload = buildInvoice(order, forInvoice, mapping, opts);
			const summary = payloadSummary(payload, forInvoice.tax_type, forInvoice.tax_shifted === true);

			if (dryRun) {
				return {
					...base,
					invoiceAction: 'dryRun',
					invoicenr: null,
					wouldAdopt: false,
					...originalOut(opts),
					payloadSummary: summary,
					payload: payload as unknown as IDataObject,
				};
			}

			const pending = unknownNow.get(order.number);
			if (pending)
				throw unknownOutcomeError(
					rc,
					pending.outcome,
					`the invoice of order ${order.number}`,
					pending.reference,
					i,
					{ orderNumber: order.number },
				);
			const reference = `reference "${payload.reference.line1}"`;
			const outcome = await createOnceVia(
				rc,
				{
					path: '/invoices',
					body: payload as unknown as IDataObject,
					what: `POST /invoices (order ${order.number})`,
					idOf: createdInvoiceNumber,
					find: async () => await invoiceLookup(rc, order.number, i),
				},
				i,
			);
			if (outcome.kind === 'rejected') throw toNodeError(rc, outcome.error, i);
			if (outcome.kind === 'unknown') {
				unknownNow.set(order.number, { outcome, reference });
				throw unknownOutcomeError(
					rc,
					outcome,
					`the invoice of order ${order.number}`,
					reference,
					i,
					{ orderNumber: order.number },
				);
			}
			// found by the look-up after an unknown answer: this execution created it, so it counts as created
			createdNow.set(order.number, outcome.id);
			await api.rememberInvoice(order.number, outcome.id);
			return {
				...base,
				invoiceAction: 'created' satisfies InvoiceAction,
				invoicenr: outcome.id,
				...(outcome.recovered ? { recoveredAfterFailure: true } : {}),
				clientnr: forInvoice.clientnr,
				...originalOut(opts),
				payloadSummary: summary,
			};
		},
		(i) => ({ orderNumber: looseOrderNumber(rc.items[i].json, orderPath(i)) }),
	);
}
