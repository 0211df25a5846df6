/**
 * Client → Get or Create by Email. The debtor is matched on the trimmed, case-insensitive, EXACT e-mail
 * among Factuursturen's (text) search results, created when absent and NEVER modified when present (this
 * operation sends no PUT). Orders paid with a mapped payment method go to a fixed debtor without lookup.
 *
 * API economy: with more than a few e-mails (Lookup Strategy: Auto) all clients are read ONCE (every page)
 * and matched locally; an e-mail seen twice in one execution is looked up or created once.
 *
 * Never twice: a client list or search that cannot be read is an error for the item, never "no debtor"; a
 * create follows the core's never-twice protocol (core/booking/never-twice) with the e-mail search as its
 * look-up. A create whose outcome stays unknown is reported (outcome_unknown) for its order AND every other
 * order of the same e-mail in the execution: none of them creates a second debtor.
 */
import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import type { ErrorCode } from '../../../../core/error-codes';
import { createdClientNumber } from '../../../../core/booking/created-id';
import {
	emailKey,
	exactEmailMatches,
	pickDebtor,
	taxTypeOf,
} from '../../../../core/booking/debtor-choice';
import type { BookingOutcome } from '../../../../core/booking/never-twice';
import { fixedDebtorFor } from '../../../../core/factuursturen/invoice-builder';
import type { CanonicalOrder } from '../../../../core/canonical-order';
import { checkBeforeWrites } from '../../../../core/factuursturen/preflight';
import { toNodeError } from '../../../common/errorItem';
import { clientBodyFromFields, fitClientLengths } from '../../helpers/clientPayload';
import { newDebtorPayload } from '../../helpers/debtor';
import { forEachItem } from '../../helpers/forEachItem';
import { fixedDebtorMapping, invoiceSettingsFor } from '../../helpers/mappingParameters';
import { toBoolean } from '../../helpers/normalize';
import { looseOrderNumber, orderOf } from '../../helpers/order';
import { createOnceVia, listError, oncePerRun, unknownOutcomeError } from '../../transport/booking';
import {
	clientLookup,
	fetchClient,
	readAllClients,
	searchClientsByEmail,
} from '../../transport/clients';
import { countries as countryList } from '../../transport/referenceLists';
import { paymentMethodDebtors } from '../common.descriptions';
import type { FactuursturenRun } from '../node.type';
import { clientFieldOptions } from './clientFields.descriptions';
import { emailProperty } from '../../../common/email.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Debtor Source',
		name: 'debtorSource',
		type: 'options',
		options: [
			{
				name: 'Order From Input',
				value: 'order',
				description: 'The input item is an order as the Mijnwebwinkel node outputs it (Normalized)',
			},
			{
				name: 'Fields Below',
				value: 'fields',
				description: 'E-mail and client fields set in this node',
			},
		],
		default: 'order',
	},
	{
		displayName: 'Order Field',
		name: 'orderProperty',
		type: 'string',
		default: '',
		placeholder: 'e.g. order',
		displayOptions: {
			show: { debtorSource: ['order'] },
		},
		description:
			'Where the order is in the input item: leave empty when the whole item is the order, or give a dot path such as "order"',
	},
	{
		...emailProperty,
		displayOptions: {
			show: { debtorSource: ['fields'] },
		},
		description: 'Matched trimmed and case-insensitive, exactly',
	},
	{
		displayName: 'Fields for a New Client',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: {
			show: { debtorSource: ['fields'] },
		},
		description: 'Used only when the client has to be created; an existing client is never changed',
		options: clientFieldOptions,
	},
	{
		displayName: 'Invoice Settings',
		name: 'invoiceSettings',
		type: 'json',
		default: '{}',
		displayOptions: {
			show: { debtorSource: ['order'] },
		},
		description:
			"The settings of the Invoice → Create From Order node that books these orders, as an object of its parameters (mappingJson, vatRates, ossVatRates, invoiceableStatuses, sendMethod, …): the same values or expressions that node uses, or {{ $('Create invoice').params }} when its parameters hold no expressions. An order it would refuse (status, currency, unmapped VAT or OSS rate, voucher line, …) is refused here, before a debtor is created, and its Send Method applies to new debtors. Empty: only the checks that need no settings.",
	},
	{
		displayName: 'New Consumer Debtors',
		name: 'newConsumerTaxType',
		type: 'options',
		options: [
			{
				name: 'Prices Incl. VAT',
				value: 'intax',
				description:
					'As a consumer shop shows them: the invoice lands on the order total without rounding lines',
			},
			{ name: 'Prices Excl. VAT', value: 'extax' },
		],
		default: 'intax',
		displayOptions: {
			show: { debtorSource: ['order'] },
		},
		description:
			'Tax type (tax_type) of a debtor created for a customer without company or VAT number',
	},
	{
		displayName: 'New Business Debtors',
		name: 'newBusinessTaxType',
		type: 'options',
		options: [
			{ name: 'Prices Excl. VAT', value: 'extax', description: 'As businesses read and book them' },
			{ name: 'Prices Incl. VAT', value: 'intax' },
		],
		default: 'extax',
		displayOptions: {
			show: { debtorSource: ['order'] },
		},
		description:
			'Tax type (tax_type) of a debtor created for a customer with a company or VAT number',
	},
	paymentMethodDebtors,
	{
		displayName: 'Mapping (JSON)',
		name: 'mappingJson',
		type: 'json',
		default: '{}',
		displayOptions: {
			show: { debtorSource: ['order'] },
		},
		description:
			'The same mapping as Invoice → Create From Order takes, so one expression can feed both nodes; here only paymentMethodDebtors is used, e.g. {"paymentMethodDebtors": {"cash": "1001"}} (the keys are the mappingKey values of Mijnwebwinkel › Payment Method › Get Many). Overrides Fixed Debtors by Payment Method.',
	},
	{
		displayName: 'Lookup Strategy',
		name: 'lookupStrategy',
		type: 'options',
		options: [
			{
				name: 'Auto',
				value: 'auto',
				description:
					'Fetch all clients once when more than 3 e-mails are looked up, else search per e-mail',
			},
			{
				name: 'Fetch All Clients',
				value: 'all',
				description: 'One request for all clients, matched locally',
			},
			{
				name: 'Search per Email',
				value: 'search',
				description: 'One search request per distinct e-mail',
			},
		],
		default: 'auto',
		description: 'How to spend the hourly Factuursturen request budget',
	},
	{
		displayName: 'Include Input Data',
		name: 'includeInput',
		type: 'boolean',
		default: true,
		description:
			'Whether to pass the input item through with the debtor fields added, so Invoice → Create From Order can follow directly',
	},
];

const displayOptions = { show: { resource: ['client'], operation: ['getOrCreateByEmail'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** With more distinct e-mails than this, Auto fetches all clients once. */
export const BULK_THRESHOLD = 3;

export type DebtorAction = 'matched' | 'created' | 'fixed';

interface Resolved {
	clientnr: string;
	debtorAction: DebtorAction;
	tax_type: 'extax' | 'intax';
	tax_shifted: boolean;
	taxnumber: string;
	/** Factuursturen country id of the debtor ('' when the record has none): Create From Order checks OSS orders against it */
	country: string;
	debtorEmail: string;
	createdInThisRun?: boolean;
	duplicateClientnrs?: string[];
	shortenedFields?: IDataObject[];
}

interface Request {
	order: CanonicalOrder | null;
	fixed: string | null;
	email: string;
}

function fromRecord(client: IDataObject, action: DebtorAction, email: string): Resolved {
	return {
		clientnr: String(client.clientnr).trim(),
		debtorAction: action,
		tax_type: taxTypeOf(client),
		tax_shifted: toBoolean(client.tax_shifted) === true,
		taxnumber: String(client.taxnumber ?? ''),
		country: String(client.country ?? '').trim(),
		debtorEmail: email || String(client.email ?? ''),
	};
}

export async function execute(run: FactuursturenRun): Promise<INodeExecutionData[]> {
	const { ctx } = run;
	const source = ctx.getNodeParameter('debtorSource', 0, 'order') as string;

	const requestOf = (i: number): Request => {
		if (source === 'fields')
			return { order: null, fixed: null, email: emailKey(ctx.getNodeParameter('email', i)) };
		const order = orderOf(
			ctx,
			run.items[i].json,
			String(ctx.getNodeParameter('orderProperty', i, '')),
			i,
		);
		// a refused order must leave nothing behind: checked before any lookup or create
		checkBeforeWrites(order, invoiceSettingsFor(ctx, i));
		const fixed = fixedDebtorFor(order, fixedDebtorMapping(ctx, i));
		return { order, fixed, email: emailKey(order.customer.email) };
	};

	// Pre-pass: how many e-mails will need a lookup decides the strategy. Invalid items are skipped
	// here; the main pass reports them.
	const distinct = new Set<string>();
	for (let i = 0; i < run.items.length; i++) {
		try {
			const r = requestOf(i);
			if (!r.fixed && r.email) distinct.add(r.email);
		} catch {
			// reported per item below
		}
	}
	const strategy = ctx.getNodeParameter('lookupStrategy', 0, 'auto') as string;
	const bulk = strategy === 'all' || (strategy === 'auto' && distinct.size > BULK_THRESHOLD);

	let allClients: IDataObject[] | null = null;
	const loadClients = oncePerRun(async () => await readAllClients(run, 0));
	const byEmail = new Map<string, Resolved>();
	// e-mails whose debtor create had an unknown outcome: no second create for any order of that e-mail
	const unknownByEmail = new Map<string, Extract<BookingOutcome, { kind: 'unknown' }>>();
	const fixedCache = new Map<string, Resolved>();
	let countries: IDataObject[] | null = null;

	const lookup = async (email: string, i: number): Promise<IDataObject[]> => {
		if (bulk) {
			try {
				allClients ??= await loadClients();
			} catch (error) {
				throw listError(run, error, 'client list', i);
			}
			return exactEmailMatches(allClients, email);
		}
		return exactEmailMatches(await searchClientsByEmail(run, email, i), email);
	};
	const created = async (email: string, body: IDataObject, i: number): Promise<string> => {
		const outcome = await createOnceVia(
			run,
			{
				path: '/clients',
				body,
				what: 'POST /clients',
				idOf: createdClientNumber,
				find: async () => await clientLookup(run, email, i),
			},
			i,
		);
		if (outcome.kind === 'rejected') throw toNodeError(ctx.getNode(), outcome.error, i);
		if (outcome.kind === 'unknown') {
			unknownByEmail.set(email, outcome);
			throw unknownOutcomeError(run, outcome, `the debtor ${email}`, `e-mail ${email}`, i);
		}
		return outcome.id;
	};

	const includeInput = ctx.getNodeParameter('includeInput', 0, true) as boolean;

	return await forEachItem(
		run,
		async (i) => {
			const request = requestOf(i);
			let resolved: Resolved;
			if (request.fixed) {
				const nr = request.fixed;
				if (!fixedCache.has(nr)) {
					const known = allClients?.find((c) => String(c.clientnr) === nr);
					fixedCache.set(nr, fromRecord(known ?? (await fetchClient(run, nr, i)), 'fixed', ''));
				}
				resolved = fixedCache.get(nr)!;
			} else {
				const email = request.email;
				if (!email) {
					const e = new NodeOperationError(
						ctx.getNode(),
						'The order has no customer e-mail address to match a debtor on',
						{
							itemIndex: i,
							description:
								'Add the e-mail to the order in Mijnwebwinkel, or book this payment method on a fixed debtor (Fixed Debtors by Payment Method).',
						},
					);
					e.context.code = 'missing_email' satisfies ErrorCode;
					throw e;
				}
				const seen = byEmail.get(email);
				const unknown = unknownByEmail.get(email);
				if (unknown)
					throw unknownOutcomeError(run, unknown, `the debtor ${email}`, `e-mail ${email}`, i);
				if (seen) {
					resolved = { ...seen, debtorAction: 'matched' };
				} else {
					const matches = await lookup(email, i);
					if (matches.length > 0) {
						const chosen = pickDebtor(matches);
						resolved = fromRecord(chosen, 'matched', email);
						if (matches.length > 1)
							resolved.duplicateClientnrs = matches.map((c) => String(c.clientnr));
					} else {
						let body: IDataObject;
						let shortened: IDataObject[] = [];
						if (request.order) {
							countries ??= await countryList(run, i);
							body = await newDebtorPayload(run, i, request.order, countries);
						} else {
							const fitted = fitClientLengths(
								clientBodyFromFields({
									...(ctx.getNodeParameter('additionalFields', i, {}) as IDataObject),
									email,
								}),
							);
							body = fitted.body;
							shortened = fitted.shortened;
							if (!body.contact && !body.company) body.contact = email.split('@')[0].slice(0, 50);
						}
						const clientnr = await created(email, body, i);
						resolved = {
							...fromRecord({ ...body, clientnr }, 'created', email),
							createdInThisRun: true,
						};
						if (shortened.length) resolved.shortenedFields = shortened;
						allClients?.push({ ...body, clientnr });
					}
					byEmail.set(email, resolved);
				}
			}
			const base = includeInput ? { ...run.items[i].json } : {};
			return { ...base, ...resolved } as IDataObject;
		},
		(i) => ({
			orderNumber:
				source === 'order'
					? looseOrderNumber(
							run.items[i].json,
							String(ctx.getNodeParameter('orderProperty', i, '')),
						)
					: null,
		}),
	);
}
