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
import type { ErrorCode } from '../../../../core/error-codes';
import { NodeOperationError, type IDataObject } from 'n8n-workflow';
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
import { newDebtorPayload } from '../../helpers/debtor';
import { clientBodyFromFields, fitClientLengths } from '../../helpers/clientPayload';
import {
	createOnceVia,
	listError,
	oncePerRun,
	readList,
	unknownOutcomeError,
} from '../../helpers/booking';
import { forEachItem, toNodeError, type RunContext } from '../../helpers/items';
import { fixedDebtorMapping, invoiceSettingsFor } from '../../helpers/mapping';
import { checkBeforeWrites } from '../../../../core/factuursturen/preflight';
import { asArray, toBoolean } from '../../helpers/normalize';
import { looseOrderNumber, orderOf } from '../../helpers/order';
import { clientLookup, fetchClient, searchClientsByEmail } from './read';

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

export async function getOrCreateByEmail(rc: RunContext) {
	const { ctx, api } = rc;
	const source = ctx.getNodeParameter('debtorSource', 0, 'order') as string;

	const requestOf = (i: number): Request => {
		if (source === 'fields')
			return { order: null, fixed: null, email: emailKey(ctx.getNodeParameter('email', i)) };
		const order = orderOf(
			ctx,
			rc.items[i].json,
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
	for (let i = 0; i < rc.items.length; i++) {
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
	const loadClients = oncePerRun(
		async () =>
			await readList(rc, '/clients', {}, (c) => String(c.clientnr ?? '').trim(), 'client list', 0),
	);
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
				throw listError(rc, error, 'client list', i);
			}
			return exactEmailMatches(allClients, email);
		}
		return exactEmailMatches(await searchClientsByEmail(rc, email, i), email);
	};
	const created = async (email: string, body: IDataObject, i: number): Promise<string> => {
		const outcome = await createOnceVia(
			rc,
			{
				path: '/clients',
				body,
				what: 'POST /clients',
				idOf: createdClientNumber,
				find: async () => await clientLookup(rc, email, i),
			},
			i,
		);
		if (outcome.kind === 'rejected') throw toNodeError(rc, outcome.error, i);
		if (outcome.kind === 'unknown') {
			unknownByEmail.set(email, outcome);
			throw unknownOutcomeError(rc, outcome, `the debtor ${email}`, `e-mail ${email}`, i);
		}
		return outcome.id;
	};

	const includeInput = ctx.getNodeParameter('includeInput', 0, true) as boolean;

	return await forEachItem(
		rc,
		async (i) => {
			const request = requestOf(i);
			let resolved: Resolved;
			if (request.fixed) {
				const nr = request.fixed;
				if (!fixedCache.has(nr)) {
					const known = allClients?.find((c) => String(c.clientnr) === nr);
					fixedCache.set(nr, fromRecord(known ?? (await fetchClient(rc, nr, i)), 'fixed', ''));
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
					throw unknownOutcomeError(rc, unknown, `the debtor ${email}`, `e-mail ${email}`, i);
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
							countries ??= asArray(await api.getReference('/countrylist/nl', i));
							body = await newDebtorPayload(rc, i, request.order, countries);
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
			const base = includeInput ? { ...rc.items[i].json } : {};
			return { ...base, ...resolved } as IDataObject;
		},
		(i) => ({
			orderNumber:
				source === 'order'
					? looseOrderNumber(rc.items[i].json, String(ctx.getNodeParameter('orderProperty', i, '')))
					: null,
		}),
	);
}
