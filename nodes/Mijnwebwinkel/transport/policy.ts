import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { DEFAULT_POLICY, type RequestPolicy } from './request';

const count = (value: unknown, fallback: number) => {
	const n = Number(value);
	return Number.isFinite(n) && n >= 0 ? n : fallback;
};

/** The Request Options collection of one item, with defaults for what is not set. */
export function policyFor(ctx: IExecuteFunctions, itemIndex: number): RequestPolicy {
	const o = ctx.getNodeParameter('requestOptions', itemIndex, {}) as IDataObject;
	return {
		rateLimitRetries: Math.floor(count(o.rateLimitRetries, DEFAULT_POLICY.rateLimitRetries)),
		maxWaitSeconds: count(o.maxWaitSeconds, DEFAULT_POLICY.maxWaitSeconds),
		serverErrorRetries: Math.floor(count(o.serverErrorRetries, DEFAULT_POLICY.serverErrorRetries)),
		timeoutMs: Math.max(1, count(o.timeoutMs, DEFAULT_POLICY.timeoutMs)),
	};
}
