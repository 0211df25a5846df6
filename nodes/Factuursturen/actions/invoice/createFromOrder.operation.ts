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
import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import type { ErrorCode } from '../../../../core/error-codes';
import type { CanonicalOrder } from '../../../../core/canonical-order';
import { isCreditOrder } from '../../../../core/factuursturen/order-checks';
import {
	checkBeforeWrites,
	DEFAULT_INVOICEABLE_STATUSES,
	originalInvoiceMissing,
} from '../../../../core/factuursturen/preflight';
import {
	buildInvoice,
	fixedDebtorFor,
	type BuildInvoiceOptions,
	type DebtorForInvoice,
} from '../../../../core/factuursturen/invoice-builder';
import { isSettled, openReason, sendsAsPaid } from '../../../../core/factuursturen/payment-status';
import { createdInvoiceNumber } from '../../../../core/booking/created-id';
import { duplicateFix } from '../../../../core/booking/duplicates';
import type { BookingOutcome } from '../../../../core/booking/never-twice';
import { toNodeError } from '../../../common/errorItem';
import { forEachItem } from '../../helpers/forEachItem';
import { existingInvoiceOf, foreignRuleOf, type InvoiceIndex } from '../../helpers/invoiceIndex';
import { atPath } from '../../helpers/itemPath';
import { debtorFromItem } from '../../helpers/itemDebtor';
import { invoiceableStatuses, invoiceMapping } from '../../helpers/mappingParameters';
import { looseOrderNumber, orderOf } from '../../helpers/order';
import { payloadSummary } from '../../helpers/payloadSummary';
import { createOnceVia, listError, oncePerRun, unknownOutcomeError } from '../../transport/booking';
import { fetchClient } from '../../transport/clients';
import { findInvoiceByReference, invoiceLookup, readInvoiceIndex } from '../../transport/invoices';
import { countries as countryList } from '../../transport/referenceLists';
import { invoicesMadeElsewhere, paymentMethodDebtors } from '../common.descriptions';
import type { FactuursturenRun } from '../node.type';
import { orderProperty } from './invoice.descriptions';

const REGIMES = [
	{ name: 'Domestic (Dutch VAT)', value: 'domestic' },
	{ name: 'Export Outside the EU (0 %)', value: 'export' },
	{ name: 'Intra-EU B2B Reverse Charge (ICP)', value: 'intra_eu_reverse_charge' },
	{ name: 'OSS (Destination-Country VAT)', value: 'oss' },
	{ name: 'Zero-Rated in the Netherlands', value: 'zero_rated' },
];

const properties: INodeProperties[] = [
	orderProperty,
	invoicesMadeElsewhere,
	{
		displayName: 'Debtor Field',
		name: 'debtorProperty',
		type: 'string',
		default: '',
		placeholder: 'e.g. debtor',
		description:
			'Where clientnr, tax_type and tax_shifted of the client are in the input item: leave empty when they are top-level fields (as Client → Get or Create by Email outputs them), or give a dot path',
	},
	{
		displayName: 'VAT Rates',
		name: 'vatRates',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add VAT Rate',
		default: {},
		description: 'Shop VAT rate → Factuursturen rate. Without entries: 21 → 21, 9 → 9, 0 → 0.',
		options: [
			{
				displayName: 'Rate',
				name: 'values',
				values: [
					{ displayName: 'Shop Rate (%)', name: 'shopRate', type: 'string', default: '21' },
					{
						displayName: 'Factuursturen Rate Name or ID',
						name: 'fsRate',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getTaxRates' },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
				],
			},
		],
	},
	{
		displayName: 'OSS VAT Rates',
		name: 'ossVatRates',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Destination Rate',
		default: {},
		description:
			'Destination-country rates for OSS orders (EU B2C above the threshold), sent with the line flag tax_country. Add one entry per rate the shop charges, e.g. DE 19 % and DE 7 %.',
		options: [
			{
				displayName: 'Rate',
				name: 'values',
				values: [
					{
						displayName: 'Country and Rate Name or ID',
						name: 'rate',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getOssRates' },
						default: '',
						description:
							'The foreign rates set up in your Factuursturen account; a rate maps to the same percentage. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
				],
			},
		],
	},
	{
		displayName: 'Categories by VAT Regime',
		name: 'categories',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Category',
		default: {},
		description: 'Factuursturen category (and so ledger account) per VAT regime of the order',
		options: [
			{
				displayName: 'Category',
				name: 'values',
				values: [
					{
						displayName: 'VAT Regime',
						name: 'regime',
						type: 'options',
						options: REGIMES,
						default: 'domestic',
					},
					{
						displayName: 'Category Name or ID',
						name: 'category',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCategories' },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
				],
			},
		],
	},
	paymentMethodDebtors,
	{
		displayName: 'Payment Method Labels',
		name: 'paymentMethodLabels',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Label',
		default: {},
		description:
			'Text printed as the payment method of an invoice booked as paid (e.g. ideal → iDEAL); common methods have a built-in label',
		options: [
			{
				displayName: 'Label',
				name: 'values',
				values: [
					{
						displayName: 'Payment Method',
						name: 'paymentMethod',
						type: 'string',
						default: '',
						placeholder: 'e.g. ideal',
						description: 'The mappingKey that Mijnwebwinkel › Payment Method › Get Many lists',
					},
					{ displayName: 'Label', name: 'label', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Send Method',
		name: 'sendMethod',
		type: 'options',
		options: [
			{ name: 'E-Mail to the Customer', value: 'email' },
			{ name: 'Mail (Process Only, No E-Mail)', value: 'mail' },
		],
		default: 'mail',
		description:
			'How Factuursturen sends the invoice. "Mail" only books it; nothing is sent to the customer.',
	},
	{
		displayName: 'Profile Name or ID',
		name: 'profile',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProfiles' },
		default: '',
		description:
			'Layout profile of the invoice; empty = the account default. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Invoice Options',
		name: 'mappingOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Book as Paid',
				name: 'paidWhen',
				type: 'options',
				options: [
					{
						name: 'When Known Paid',
						value: 'paid_status_or_payment',
						description:
							'Paid when the payment is captured (refunded for a credit) or the status name says paid; otherwise open until the money arrives',
					},
					{ name: 'Always', value: 'always', description: 'Every invoice is booked as paid' },
				],
				default: 'paid_status_or_payment',
			},
			{
				displayName: 'Gift Voucher Lines',
				name: 'voucherLines',
				type: 'options',
				options: [
					{
						name: 'Refuse the Order',
						value: 'refuse',
						description:
							'A voucher sale is not turnover: the order is reported for booking by hand',
					},
					{
						name: 'Book as They Are',
						value: 'book',
						description: 'Invoice the voucher line, with a mention on the invoice',
					},
				],
				default: 'refuse',
				description:
					'A 0 % line named like a gift voucher (cadeaubon, giftcard, …) in an order that charges VAT',
			},
			{
				displayName: 'Max Rounding Line (Cents)',
				name: 'maxRoundingCents',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 100 },
				default: 5,
				description:
					'Largest rounding line the invoice may get to match the order total; above it the order is refused',
			},
			{
				displayName: 'Price Decimals',
				name: 'priceDecimals',
				type: 'number',
				typeOptions: { minValue: 2, maxValue: 6 },
				default: 3,
				description: 'Decimals of the unit prices sent to Factuursturen',
			},
			{
				displayName: 'Reference Line 3',
				name: 'referenceLine3',
				type: 'string',
				default: '',
				description: 'Free text on the third reference line of every invoice',
			},
			{
				displayName: 'Split Single-Rate Costs Over the Rates',
				name: 'splitUnsplitCosts',
				type: 'boolean',
				default: false,
				description:
					"Whether shipping and payment costs charged at one rate in a basket with several rates are split over the goods' rates in proportion to their value (otherwise they are booked as the shop charged them)",
			},
			{
				displayName: 'Zero-Rated Note',
				name: 'zeroRatedNote',
				type: 'string',
				default: 'Nultarief (0% btw)',
				description: 'Reason printed on an invoice of a zero-rated (0 % in the Netherlands) order',
			},
		],
	},
	{
		displayName: 'Mapping (JSON)',
		name: 'mappingJson',
		type: 'json',
		default: '{}',
		description:
			'The whole mapping as JSON, e.g. from an expression or another workflow; it overrides the settings above key by key: vatRates, ossVatRates ("DE:19"), categories, paymentMethodDebtors, paymentMethodLabels, sendMethod, profile, and the Invoice Options referenceLine3, splitUnsplitCosts, maxRoundingCents, priceDecimals, paidWhen (paid_status_or_payment | always), voucherLines (refuse | book), zeroRatedNote',
	},
	{
		displayName: 'Check Order Status',
		name: 'statusCheck',
		type: 'boolean',
		default: true,
		description:
			'Whether to refuse an order whose status is not one of the Invoiceable Statuses (credit orders always pass): a cancelled or pending order must not become an invoice. Turn off only when the workflow checks the status itself.',
	},
	{
		displayName: 'Invoiceable Statuses',
		name: 'invoiceableStatuses',
		type: 'string',
		default: DEFAULT_INVOICEABLE_STATUSES.join(', '),
		displayOptions: {
			show: { statusCheck: [true] },
		},
		description: 'Mijnwebwinkel status names, comma-separated (case and spacing ignored)',
	},
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		description:
			'Whether to only build and return the invoice payload, without creating anything (the duplicate check still reads)',
	},
];

const displayOptions = { show: { resource: ['invoice'], operation: ['createFromOrder'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export type InvoiceAction = 'created' | 'adopted' | 'dryRun';

const originalOut = (opts: BuildInvoiceOptions): IDataObject =>
	opts.originalInvoiceNumber ? { originalInvoiceNumber: opts.originalInvoiceNumber } : {};

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	// a broken rule for invoices made elsewhere is a setting to fix, said as such (not as an unreadable list)
	foreignRuleOf(run, 0);
	const { ctx, api } = run;
	const orderPath = (i: number) => String(ctx.getNodeParameter('orderProperty', i, ''));

	// One duplicate-check list for all items that do not carry the result of an earlier check; read once per
	// execution, its failure included (a failing list is not fetched again for every item).
	let index: InvoiceIndex | null = null;
	let loadIndex: (() => Promise<InvoiceIndex>) | null = null;
	const needsCheck: string[] = [];
	for (let i = 0; i < run.items.length; i++) {
		if (run.items[i].json.existingInvoice !== undefined) continue;
		const date = (atPath(run.items[i].json, orderPath(i)) as IDataObject | undefined)?.date;
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
			async () =>
				(
					await readInvoiceIndex(
						run,
						needsCheck.length ? needsCheck : [order.date],
						foreignRuleOf(run, i),
						i,
					)
				).index,
		);
		try {
			index = await loadIndex();
		} catch (error) {
			throw listError(run, error, 'invoice list', i);
		}
		const found = index.get(order.number);
		if (found.length === 0) return null;
		const numbers = found.map((f) => String(f.invoicenr ?? f.id));
		return {
			...existingInvoiceOf(found[0]),
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
	 * the bulk list or the booking record (Find By Orders' `originalInvoice`, or this node's own list), or else ONE
	 * reference search: only for an original neither knows, booked before the list's first day or not at all. When
	 * Find By Orders is sure there is none (`originalNotInvoiced`), no search. Not found → refusal.
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
		if (!nr && credited && json.originalNotInvoiced !== true) {
			const inOwnList = index?.get(credited)[0];
			const found = inOwnList ?? (await findInvoiceByReference(run, credited, i));
			nr = found ? nrOf(found) : '';
		}
		if (nr) return nr;
		throw originalInvoiceMissing(order);
	};

	return await forEachItem(
		run,
		async (i) => {
			const json = run.items[i].json;
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
						const c = await fetchClient(run, fixed, i);
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
					...(debtorFromItem(await fetchClient(run, debtor.clientnr!, i), '') ?? {}),
				};
			}
			const forInvoice = debtor as DebtorForInvoice;
			const opts: BuildInvoiceOptions = {};
			if (isCreditOrder(order))
				opts.originalInvoiceNumber = await originalInvoiceOf(order, json, i);
			if (order.vat.regime === 'oss' && forInvoice.country) {
				countries ??= await countryList(run, i);
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
					run,
					pending.outcome,
					`the invoice of order ${order.number}`,
					pending.reference,
					i,
					{ orderNumber: order.number },
				);
			const reference = `reference "${payload.reference.line1}"`;
			const outcome = await createOnceVia(
				run,
				{
					path: '/invoices',
					body: payload as unknown as IDataObject,
					what: `POST /invoices (order ${order.number})`,
					idOf: createdInvoiceNumber,
					find: async () => await invoiceLookup(run, order.number, i),
				},
				i,
			);
			if (outcome.kind === 'rejected') throw toNodeError(ctx.getNode(), outcome.error, i);
			if (outcome.kind === 'unknown') {
				unknownNow.set(order.number, { outcome, reference });
				throw unknownOutcomeError(
					run,
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
		(i) => ({ orderNumber: looseOrderNumber(run.items[i].json, orderPath(i)) }),
	);
}
