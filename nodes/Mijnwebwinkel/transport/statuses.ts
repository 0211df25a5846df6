/**
 * The shop's order statuses, read fresh from `GET /v1/orderstatuses`: the id table is not published, differs
 * between sources, and may differ per shop.
 */
import {
	NodeOperationError,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
} from 'n8n-workflow';
import { mijnwebwinkelRequest, type RequestPolicy } from './request';

export interface OrderStatus {
	status: number | string;
	description: string;
	credit_order?: boolean;
}

export async function fetchStatuses(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	policy?: RequestPolicy,
	itemIndex?: number,
): Promise<OrderStatus[]> {
	const body = await mijnwebwinkelRequest.call(
		this,
		{ method: 'GET', path: '/v1/orderstatuses' },
		policy,
		itemIndex,
	);
	if (!Array.isArray(body)) {
		throw new NodeOperationError(this.getNode(), 'Mijnwebwinkel sent no list of order statuses', {
			itemIndex,
			description:
				'Check the Base URL in the Mijnwebwinkel API credential: it must point at the Mijnwebwinkel API.',
		});
	}
	return body
		.filter((s): s is Record<string, unknown> => !!s && typeof s === 'object')
		.map((s) => ({
			status: s.status as number | string,
			description: String(s.description ?? ''),
			credit_order: s.credit_order === true || s.credit_order === 'true',
		}));
}
