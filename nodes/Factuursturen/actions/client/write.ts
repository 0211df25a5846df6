/** Client → Create, Update. */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { clientBodyFromFields, clientBodyFromRecord } from '../../helpers/clientPayload';
import { fitClientLengths } from '../../helpers/clientPayload';
import { forEachItem, type RunContext } from '../../helpers/items';
import { createdClientNumber } from '../../../../core/booking/created-id';
import { normalizeRecord } from '../../helpers/normalize';
import { segment } from '../../transport/client';
import { fetchClient } from './read';

/** POST /clients → 201 with the new clientnr as plain text. */
export async function postClient(
	rc: RunContext,
	body: IDataObject,
	itemIndex: number,
): Promise<string> {
	const response = await rc.api.request({ method: 'POST', path: '/clients', body }, itemIndex);
	const clientnr = createdClientNumber(response.body);
	if (!clientnr) {
		throw new NodeOperationError(
			rc.ctx.getNode(),
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

export async function createClient(rc: RunContext) {
	return await forEachItem(rc, async (i) => {
		const email = String(rc.ctx.getNodeParameter('email', i)).trim();
		const fields = rc.ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const { body, shortened } = fitClientLengths(clientBodyFromFields({ ...fields, email }));
		if (!body.contact && !body.company) {
			throw new NodeOperationError(
				rc.ctx.getNode(),
				'A client needs a contact name or a company name',
				{
					itemIndex: i,
					description: 'Add Contact or Company under Additional Fields.',
				},
			);
		}
		const clientnr = await postClient(rc, body, i);
		return {
			clientnr,
			...normalizeRecord(body),
			...(shortened.length ? { shortenedFields: shortened } : {}),
		};
	});
}

export async function updateClient(rc: RunContext) {
	return await forEachItem(rc, async (i) => {
		const nr = String(rc.ctx.getNodeParameter('clientnr', i)).trim();
		const updates = clientBodyFromFields(
			rc.ctx.getNodeParameter('updateFields', i, {}) as IDataObject,
		);
		if (Object.keys(updates).length === 0) {
			throw new NodeOperationError(rc.ctx.getNode(), 'No fields to update', {
				itemIndex: i,
				description: 'Add at least one field under Update Fields.',
			});
		}
		// PUT needs every required field, so the update is applied to the current record.
		const current = await fetchClient(rc, nr, i);
		const { body, shortened } = fitClientLengths({ ...clientBodyFromRecord(current), ...updates });
		await rc.api.request({ method: 'PUT', path: `/clients/${segment(nr)}`, body }, i);
		return {
			clientnr: nr,
			...normalizeRecord(body),
			...(shortened.length ? { shortenedFields: shortened } : {}),
		};
	});
}
