/** Client → Get, Get Many, Search by Email, Delete. */
import type { IDataObject } from 'n8n-workflow';
import { listAnswerProblem } from '../../../../core/booking/complete-list';
import { exactEmailMatches, pickDebtor } from '../../../../core/booking/debtor-choice';
import type { LookupAnswer } from '../../../../core/booking/never-twice';
import { asArray, normalizeRecord } from '../../helpers/normalize';
import { forEachItem, type RunContext } from '../../helpers/items';
import { segment } from '../../transport/client';
import { NodeOperationError } from 'n8n-workflow';

/** GET /clients/{nr}. An unknown number answers 200 with an ARRAY of all clients (verified quirk): not found. */
export async function fetchClient(
	rc: RunContext,
	clientnr: string,
	itemIndex: number,
): Promise<IDataObject> {
	const nr = clientnr.trim();
	if (nr === '')
		throw new NodeOperationError(rc.ctx.getNode(), 'Client Number is empty', {
			itemIndex,
			description: 'Give the Factuursturen client number (clientnr).',
		});
	const body = await rc.api.get(`/clients/${segment(nr)}`, undefined, itemIndex, {
		hint: `Client ${nr} does not exist in Factuursturen. Check the number under Relaties.`,
	});
	const client =
		body && typeof body === 'object' && !Array.isArray(body)
			? (body as IDataObject).client
			: undefined;
	if (!client || typeof client !== 'object' || Array.isArray(client)) {
		throw new NodeOperationError(rc.ctx.getNode(), `Client ${nr} was not found in Factuursturen`, {
			itemIndex,
			description: `Check the client number under Relaties in Factuursturen.`,
		});
	}
	return client as IDataObject;
}

export async function getClient(rc: RunContext) {
	return await forEachItem(rc, async (i) =>
		normalizeRecord(await fetchClient(rc, String(rc.ctx.getNodeParameter('clientnr', i)), i)),
	);
}

export async function getManyClients(rc: RunContext) {
	let list: IDataObject[] | null = null;
	return await forEachItem(rc, async (i) => {
		const returnAll = rc.ctx.getNodeParameter('returnAll', i) as boolean;
		const limit = returnAll ? Infinity : (rc.ctx.getNodeParameter('limit', i) as number);
		// The list does not depend on the item: fetched once per execution.
		list ??= asArray(await rc.api.get('/clients', undefined, i));
		return list.slice(0, limit).map((c) => normalizeRecord(c));
	});
}

/**
 * GET /search/clients/email/{email}: a text search; `[]` or 404 both mean "none". Any other answer cannot be
 * read (`unreadable`): it never means "no debtor".
 */
async function searchAnswer(
	rc: RunContext,
	email: string,
	itemIndex: number,
): Promise<{ clients: IDataObject[] } | { problem: string }> {
	const response = await rc.api.request(
		{
			method: 'GET',
			path: `/search/clients/email/${segment(email)}`,
			accept: [404],
			what: 'GET /search/clients/email',
		},
		itemIndex,
	);
	if (response.statusCode === 404) return { clients: [] };
	const problem = listAnswerProblem(response.body);
	return problem === null ? { clients: response.body as IDataObject[] } : { problem };
}

/** The search's hits; an unreadable answer is an error. */
export async function searchClientsByEmail(
	rc: RunContext,
	email: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const answer = await searchAnswer(rc, email, itemIndex);
	if ('problem' in answer) {
		throw new NodeOperationError(
			rc.ctx.getNode(),
			`The client search for ${email} could not be read: ${answer.problem}`,
			{
				itemIndex,
				description:
					'Factuursturen answered something that is not a list of clients, so nothing was created for this e-mail. Run again later.',
			},
		);
	}
	return answer.clients;
}

/** The look-up that settles a debtor create with an unknown outcome: the debtor with exactly this e-mail. */
export async function clientLookup(
	rc: RunContext,
	email: string,
	itemIndex: number,
): Promise<LookupAnswer> {
	const answer = await searchAnswer(rc, email, itemIndex);
	if ('problem' in answer) return { kind: 'unreadable', detail: answer.problem };
	const matches = exactEmailMatches(answer.clients, email);
	return matches.length
		? { kind: 'found', id: String(pickDebtor(matches).clientnr).trim() }
		: { kind: 'absent' };
}

export { exactEmailMatches };

export async function searchClientsByEmailOp(rc: RunContext) {
	return await forEachItem(rc, async (i) => {
		const email = String(rc.ctx.getNodeParameter('email', i)).trim();
		if (email === '')
			throw new NodeOperationError(rc.ctx.getNode(), 'Email is empty', {
				itemIndex: i,
				description: 'Give the e-mail address to search for.',
			});
		const exact = rc.ctx.getNodeParameter('exactMatch', i) as boolean;
		const found = await searchClientsByEmail(rc, email, i);
		return (exact ? exactEmailMatches(found, email) : found).map((c) => normalizeRecord(c));
	});
}

export async function deleteClient(rc: RunContext) {
	return await forEachItem(rc, async (i) => {
		const nr = String(rc.ctx.getNodeParameter('clientnr', i)).trim();
		await rc.api.request(
			{
				method: 'DELETE',
				path: `/clients/${segment(nr)}`,
				hint: `Client ${nr} does not exist in Factuursturen.`,
			},
			i,
		);
		return { deleted: true, clientnr: nr };
	});
}
