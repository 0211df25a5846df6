/**
 * What an operation talks to the API through, once per execution: every request of item `i` runs under that
 * item's Request Options, and the status table is read once per execution however many items use it.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { fetchPaged, type PagingOptions } from './paging';
import { policyFor } from './policy';
import { mijnwebwinkelRequest, type MijnwebwinkelRequest, type RequestPolicy } from './request';
import { fetchStatuses, type OrderStatus } from './statuses';

export class MijnwebwinkelClient {
	private statuses?: Promise<OrderStatus[]>;

	constructor(private readonly ctx: IExecuteFunctions) {}

	policyFor(itemIndex: number): RequestPolicy {
		return policyFor(this.ctx, itemIndex);
	}

	async request(request: MijnwebwinkelRequest, itemIndex: number): Promise<unknown> {
		return await mijnwebwinkelRequest.call(this.ctx, request, this.policyFor(itemIndex), itemIndex);
	}

	/** every page of a list (see ./paging.ts) */
	async paged(options: PagingOptions, itemIndex: number) {
		return await fetchPaged.call(this.ctx, options, this.policyFor(itemIndex), itemIndex);
	}

	async orderStatuses(itemIndex: number): Promise<OrderStatus[]> {
		if (!this.statuses) {
			this.statuses = fetchStatuses.call(this.ctx, this.policyFor(itemIndex), itemIndex);
			// a failed read is not cached: the next item may try again
			this.statuses.catch(() => (this.statuses = undefined));
		}
		return await this.statuses;
	}
}
