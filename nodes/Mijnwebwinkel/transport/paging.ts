/**
 * Offset paging. The API has no envelope, total or next link: pages of `limit` until a short page. Offset
 * paging is not snapshot-stable (an order that changes while we page can shift by one), so results are
 * de-duplicated by key and the caller sorts.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { mijnwebwinkelRequest, type RequestPolicy } from './request';

export const MAX_PAGE_SIZE = 100;

export interface PagingOptions {
	path: string;
	qs: IDataObject;
	/** stop after this many distinct records (undefined = all) */
	max?: number;
	keyOf: (record: IDataObject) => string;
	/** records it rejects are read and dropped: they neither count towards `max` nor stay in memory */
	accept?: (record: IDataObject) => boolean;
}

export async function fetchPaged(
	this: IExecuteFunctions,
	o: PagingOptions,
	policy: RequestPolicy,
	itemIndex: number,
): Promise<IDataObject[]> {
	const pageSize =
		o.max === undefined ? MAX_PAGE_SIZE : Math.max(1, Math.min(o.max, MAX_PAGE_SIZE));
	const seen = new Set<string>();
	const out: IDataObject[] = [];
	for (let offset = 0; ; offset += pageSize) {
		const page = await mijnwebwinkelRequest.call(
			this,
			{ method: 'GET', path: o.path, qs: { ...o.qs, limit: pageSize, offset } },
			policy,
			itemIndex,
		);
		if (!Array.isArray(page)) {
			throw new NodeOperationError(this.getNode(), `Mijnwebwinkel sent no list for GET ${o.path}`, {
				itemIndex,
				description:
					'Check the Base URL in the Mijnwebwinkel API credential: it must point at the Mijnwebwinkel API.',
			});
		}
		let added = 0;
		for (const record of page as IDataObject[]) {
			const key = o.keyOf(record);
			if (seen.has(key)) continue;
			seen.add(key);
			added++;
			if (o.accept && !o.accept(record)) continue;
			out.push(record);
			if (o.max !== undefined && out.length >= o.max) return out;
		}
		if (page.length < pageSize) return out;
		// a full page with nothing new means the server ignores `offset`: reading on would loop forever, and stopping
		// would pass a short list off as complete (the orders after the first page would never be booked)
		if (added === 0) {
			throw new NodeOperationError(
				this.getNode(),
				`Mijnwebwinkel answered the same orders again for offset ${offset} of GET ${o.path}`,
				{
					itemIndex,
					description:
						'The list cannot be read completely, so nothing was passed on. Check the Base URL in the Mijnwebwinkel API credential; if it is right, run again later.',
				},
			);
		}
	}
}
