/** Factuursturen's client (debtor) endpoints, as the operations use them. */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { createdClientNumber } from '../../../core/booking/created-id';
import { listAnswerProblem } from '../../../core/booking/complete-list';
import { exactEmailMatches, pickDebtor } from '../../../core/booking/debtor-choice';
import type { LookupAnswer } from '../../../core/booking/never-twice';
import type { FactuursturenRun } from '../actions/node.type';
import { asArray } from '../helpers/normalize';
import { readList } from './booking';
import { segment } from './client';

/** GET /clients/{nr}. An unknown number answers 200 with an ARRAY of all clients (verified quirk): not found. */
export async function fetchClient(
	run: FactuursturenRun,
	clientnr: string,
	itemIndex: number,
): Promise<IDataObject> {
	const nr = clientnr.trim();
	if (nr === '')
		throw new NodeOperationError(run.ctx.getNode(), 'Client Number is empty', {
			itemIndex,
			description: 'Give the Factuursturen client number (clientnr).',
		});
	const body = await run.api.get(`/clients/${segment(nr)}`, undefined, itemIndex, {
		hint: `Client ${nr} does not exist in Factuursturen. Check the number under Relaties.`,
	});
	const client =
		body && typeof body === 'object' && !Array.isArray(body)
			? (body as IDataObject).client
			: undefined;
	if (!client || typeof client !== 'object' || Array.isArray(client)) {
		throw new NodeOperationError(run.ctx.getNode(), `Client ${nr} was not found in Factuursturen`, {
			itemIndex,
			description: `Check the client number under Relaties in Factuursturen.`,
		});
	}
	return client as IDataObject;
}

/** GET /clients: one answer, as Get Many shows it. */
export async function listClients(
	run: FactuursturenRun,
	itemIndex: number,
): Promise<IDataObject[]> {
	return asArray(await run.api.get('/clients', undefined, itemIndex));
}

/** GET /clients page by page into one validated list (the never-twice match needs every client). */
export async function readAllClients(
	run: FactuursturenRun,
	itemIndex: number,
): Promise<IDataObject[]> {
	return await readList(
		run,
		'/clients',
		{},
		(c) => String(c.clientnr ?? '').trim(),
		'client list',
		itemIndex,
	);
}

/**
 * GET /search/clients/email/{email}: a text search; `[]` or 404 both mean "none". Any other answer cannot be
 * read (`unreadable`): it never means "no debtor".
 */
async function searchAnswer(
	run: FactuursturenRun,
	email: string,
	itemIndex: number,
): Promise<{ clients: IDataObject[] } | { problem: string }> {
	const response = await run.api.request(
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
	run: FactuursturenRun,
	email: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const answer = await searchAnswer(run, email, itemIndex);
	if ('problem' in answer) {
		throw new NodeOperationError(
			run.ctx.getNode(),
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
	run: FactuursturenRun,
	email: string,
	itemIndex: number,
): Promise<LookupAnswer> {
	const answer = await searchAnswer(run, email, itemIndex);
	if ('problem' in answer) return { kind: 'unreadable', detail: answer.problem };
	const matches = exactEmailMatches(answer.clients, email);
	return matches.length
		? { kind: 'found', id: String(pickDebtor(matches).clientnr).trim() }
		: { kind: 'absent' };
}

/** POST /clients → 201 with the new clientnr as plain text. */
export async function postClient(
	run: FactuursturenRun,
	body: IDataObject,
	itemIndex: number,
): Promise<string> {
	const response = await run.api.request({ method: 'POST', path: '/clients', body }, itemIndex);
	const clientnr = createdClientNumber(response.body);
	if (!clientnr) {
		throw new NodeOperationError(
			run.ctx.getNode(),
			'Factuursturen answered the create without a client number',
			{
				itemIndex,
				description:
					'Look the client up by e-mail in Factuursturen (Relaties) before running again.',
			},
		);
	}
	return clientnr;
}

/** PUT /clients/{nr} with the full body (PUT needs every required field). */
export async function putClient(
	run: FactuursturenRun,
	clientnr: string,
	body: IDataObject,
	itemIndex: number,
): Promise<void> {
	await run.api.request({ method: 'PUT', path: `/clients/${segment(clientnr)}`, body }, itemIndex);
}

export async function deleteClient(
	run: FactuursturenRun,
	clientnr: string,
	itemIndex: number,
): Promise<void> {
	await run.api.request(
		{
			method: 'DELETE',
			path: `/clients/${segment(clientnr)}`,
			hint: `Client ${clientnr} does not exist in Factuursturen.`,
		},
		itemIndex,
	);
}
