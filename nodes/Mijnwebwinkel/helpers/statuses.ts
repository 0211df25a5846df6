/**
 * Order statuses are chosen BY NAME in the workflow and turned into ids at run time from a fresh
 * `GET /v1/orderstatuses`: the id table is not published, differs between sources, and may differ per shop.
 */
import {
	NodeOperationError,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
} from 'n8n-workflow';
import { mijnwebwinkelRequest, type RequestPolicy } from '../transport/request';

export interface OrderStatus {
	status: number | string;
	description: string;
	credit_order?: boolean;
}

const norm = (name: string) => name.trim().toLowerCase();

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

/**
 * Names → ids. A value that is no name but one of the table's ids is taken as that id (the dropdowns offer
 * "or specify an ID"); anything else is an error that lists the names that are.
 */
export function resolveStatusIds(
	this: IExecuteFunctions,
	table: readonly OrderStatus[],
	names: readonly string[],
	itemIndex: number,
): Array<number | string> {
	const ids: Array<number | string> = [];
	for (const name of names) {
		const match =
			table.find((s) => norm(s.description) === norm(name)) ??
			table.find((s) => String(s.status) === name.trim());
		if (!match) {
			throw new NodeOperationError(
				this.getNode(),
				`Order status "${name}" does not exist in this shop`,
				{
					itemIndex,
					description: `The shop's statuses are: ${table.map((s) => s.description).join(', ')}. Pick the statuses again from the list. Status names follow the Language of the Mijnwebwinkel API credential.`,
				},
			);
		}
		if (!ids.includes(match.status)) ids.push(match.status);
	}
	return ids;
}

/** Per-execution cache: the status table is fetched once per run, however many items and operations use it. */
export class RunState {
	private statuses?: Promise<OrderStatus[]>;

	getStatuses(
		ctx: IExecuteFunctions,
		policy: RequestPolicy,
		itemIndex: number,
	): Promise<OrderStatus[]> {
		if (!this.statuses) {
			this.statuses = fetchStatuses.call(ctx, policy, itemIndex);
			// a failed fetch is not cached: the next item may try again
			this.statuses.catch(() => (this.statuses = undefined));
		}
		return this.statuses;
	}
}
