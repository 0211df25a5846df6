/**
 * Failures: each one ends in a clear error that says what to do, retries stay bounded, a PATCH is never
 * retried blindly, and neither token ever appears in anything the node throws or returns.
 */
import { NodeApiError } from 'n8n-workflow';
import type { Fault } from '../../../sandbox/common/server';
import {
	startMijnwebwinkelSandbox,
	type RunningMijnwebwinkelSandbox,
} from '../../../sandbox/mijnwebwinkel';
import { Mijnwebwinkel } from '../../../nodes/Mijnwebwinkel/Mijnwebwinkel.node';
import {
	context,
	isTestNumber,
	requestLog,
	resetSandbox,
	routesToErrorOutput,
	run,
	runError,
	sandboxOrders,
} from './harness';

jest.setTimeout(60_000);

const STORE = 'SECRET-store-7f3a9b1c';
const PARTNER = 'SECRET-partner-c21e55d0';
const WRONG = 'WRONG-store-d00d1e';

let sb: RunningMijnwebwinkelSandbox;
beforeAll(async () => {
	sb = await startMijnwebwinkelSandbox({
		seed: 3,
		storeToken: STORE,
		partnerToken: PARTNER,
		shop: { orderCount: 150 },
	});
});
afterAll(async () => {
	// let the sandbox's delayed answers of the 'slow' faults run out before closing
	await new Promise((resolve) => setTimeout(resolve, 1200));
	await sb?.close();
});
beforeEach(async () => {
	await resetSandbox(sb);
	sb.setRateLimit(null);
});

const setFaults = async (faults: Fault[]) => {
	await fetch(`${sb.url}/__sandbox/faults`, {
		method: 'POST',
		body: JSON.stringify(faults),
		headers: { 'Content-Type': 'application/json' },
	});
};

/**
 * Everything a user, a log or an execution record could see of this value: every string reachable from it,
 * through non-enumerable properties too (an Error's `cause` and `stack` are not enumerable).
 */
function exposed(value: unknown): string {
	const found: string[] = [JSON.stringify(value) ?? ''];
	const seen = new Set<unknown>();
	const visit = (v: unknown, depth: number) => {
		if (typeof v === 'string') return void found.push(v);
		if (!v || typeof v !== 'object' || seen.has(v) || depth > 12) return;
		seen.add(v);
		for (const key of Object.getOwnPropertyNames(v)) {
			let child: unknown;
			try {
				child = (v as Record<string, unknown>)[key];
			} catch {
				continue;
			}
			visit(child, depth + 1);
		}
	};
	visit(value, 0);
	return found.join('\n');
}

function expectNoSecrets(value: unknown, extra: string[] = []) {
	const text = exposed(value);
	for (const secret of [STORE, PARTNER, ...extra]) {
		expect(text).not.toContain(secret);
		expect(text).not.toContain(encodeURIComponent(secret));
	}
}

const firstOrder = () => sandboxOrders(sb).find((o) => !isTestNumber(o.number))!;
const getOrder = (over: Record<string, unknown> = {}) => ({
	resource: 'order',
	operation: 'get',
	orderNumber: String(firstOrder().number),
	...over,
});

describe('authentication failures', () => {
	test('wrong store token → 401 with how to make a new token', async () => {
		const error = await runError(sb, getOrder(), { credentials: { storeToken: WRONG } });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('401');
		expect(error.message).toContain('HTTP 401');
		expect(String(error.description)).toContain('Instellingen > API > Token toevoegen');
		expect(String(error.description)).toContain('Invalid token');
		expectNoSecrets(error, [WRONG]);
	});

	test('Payment Method > Get Many: a wrong token fails the same way, with no token in the error', async () => {
		for (const source of ['store', 'all']) {
			const error = await runError(
				sb,
				{ resource: 'paymentMethod', operation: 'getAll', source },
				{ credentials: { storeToken: WRONG, partnerToken: 'WRONG-partner-0000' } },
			);
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.httpCode).toBe('401');
			expect(String(error.description)).toContain('partner token is wrong');
			expectNoSecrets(error, [WRONG, 'WRONG-partner-0000']);
		}
		const error = await runError(
			sb,
			{ resource: 'paymentMethod', operation: 'getAll' },
			{ credentials: { storeToken: WRONG } },
		);
		expect(String(error.description)).toContain('Instellingen > API > Token toevoegen');
		expectNoSecrets(error, [WRONG]);
	});

	test('wrong partner token → 401 that names the partner token', async () => {
		const error = await runError(sb, getOrder(), {
			credentials: { partnerToken: 'WRONG-partner-0000' },
		});
		expect(error.httpCode).toBe('401');
		expect(String(error.description)).toContain('partner token is wrong');
		expectNoSecrets(error, ['WRONG-partner-0000']);
	});

	test('token made for another partner → 403 that says to choose the right partner', async () => {
		const error = await runError(sb, getOrder(), {
			credentials: { storeToken: sb.foreignPartnerStoreToken },
		});
		expect(error.httpCode).toBe('403');
		expect(String(error.description)).toContain('made for another partner');
		expect(String(error.description)).toContain('Token toevoegen');
		expectNoSecrets(error, [sb.foreignPartnerStoreToken]);
	});

	test('shop without API access → 403 that names the PREMIUM plan', async () => {
		const error = await runError(sb, getOrder(), {
			credentials: { storeToken: sb.noApiAccessStoreToken },
		});
		expect(error.httpCode).toBe('403');
		expect(String(error.description)).toContain('PREMIUM');
		expectNoSecrets(error, [sb.noApiAccessStoreToken]);
	});

	test('the status dropdown fails the same clean way', async () => {
		const ctx = context(sb, {}, { credentials: { partnerToken: 'WRONG-partner-0000' } });
		let error: unknown;
		try {
			await new Mijnwebwinkel().methods.loadOptions.getOrderStatuses.call(ctx.loadOptions);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(NodeApiError);
		expectNoSecrets(error, ['WRONG-partner-0000']);
	});
});

describe('404', () => {
	test('unknown order: clean error, no secrets', async () => {
		const error = await runError(sb, getOrder({ orderNumber: '424242' }));
		expect(error.httpCode).toBe('404');
		expectNoSecrets(error);
	});
});

describe('rate limit (429)', () => {
	test('waits as Retry-After says and then succeeds', async () => {
		// a wide window, so that even a slow machine sends the second page inside it and meets the 429
		sb.setRateLimit({ requestsPerWindow: 1, windowMs: 3000 });
		const out = await run(sb, {
			resource: 'order',
			operation: 'getAll',
			returnAll: false,
			limit: 120,
		});
		expect(out).toHaveLength(120);
		const log = await requestLog(sb);
		const statuses = log.filter((r) => r.path === '/v1/orders').map((r) => r.status);
		expect(statuses).toContain(429);
		expect(statuses[statuses.length - 1]).toBe(200);
		expect(statuses.filter((s) => s === 200)).toHaveLength(2);
	});

	test('gives up after N retries with a clear message', async () => {
		sb.setRateLimit({ requestsPerWindow: 0, windowMs: 1000 }); // every request: 429, Retry-After: 1
		const error = await runError(
			sb,
			getOrder({ requestOptions: { rateLimitRetries: 2, maxWaitSeconds: 30 } }),
		);
		expect(error.message).toBe(
			'Mijnwebwinkel rate limit: retried 2 times; try again later or lower the frequency',
		);
		expect(error.httpCode).toBe('429');
		expect((await requestLog(sb)).filter((r) => r.status === 429)).toHaveLength(3);
		expectNoSecrets(error);
	});

	test('does not wait beyond the total wait budget', async () => {
		sb.setRateLimit({ requestsPerWindow: 0, windowMs: 3_600_000 }); // asks to wait an hour
		const error = await runError(
			sb,
			getOrder({ requestOptions: { rateLimitRetries: 5, maxWaitSeconds: 10 } }),
		);
		expect(error.message).toContain('Mijnwebwinkel rate limit: retried 0 times');
		expect(error.message).toContain('asked to wait 3600 s');
		expect(error.message).toContain('try again later or lower the frequency');
		// one request, no retry: had it slept the hour, jest's timeout would have failed this test
		expect((await requestLog(sb)).filter((r) => r.status === 429)).toHaveLength(1);
	});
});

describe('server errors and lost connections', () => {
	test('a 5xx on a read is retried (bounded) and then succeeds', async () => {
		await setFaults([{ route: 'GET /v1/orders/:number', kind: 'error', status: 503, times: 1 }]);
		const out = await run(sb, getOrder());
		expect(out[0].json.number).toBe(firstOrder().number);
		expect((await requestLog(sb)).map((r) => r.status)).toEqual([503, 200]);
	});

	test('a 5xx that persists fails with what to do, after the configured retries', async () => {
		await setFaults([{ route: 'GET /v1/orders/:number', kind: 'error', status: 502 }]);
		const error = await runError(sb, getOrder({ requestOptions: { serverErrorRetries: 1 } }));
		expect(error.message).toBe(
			`Mijnwebwinkel answered HTTP 502 to GET /v1/orders/${firstOrder().number} (retried 1 times)`,
		);
		expect(String(error.description)).toContain('Try again later');
		expect((await requestLog(sb)).map((r) => r.status)).toEqual([502, 502]);
		expectNoSecrets(error);
	});

	test('a PATCH that gets a 5xx is not retried', async () => {
		await setFaults([{ route: 'PATCH /v1/orders/:number', kind: 'error', status: 500, times: 1 }]);
		const error = await runError(sb, {
			resource: 'order',
			operation: 'update',
			orderNumber: String(firstOrder().number),
			updateFields: { archived: true },
		});
		expect(error.httpCode).toBe('500');
		expect((await requestLog(sb)).filter((r) => r.method === 'PATCH')).toHaveLength(1);
		expectNoSecrets(error);
	});

	test('a PATCH whose answer is lost is not retried and says the change may have been applied', async () => {
		const order = firstOrder();
		await setFaults([{ route: 'PATCH /v1/orders/:number', kind: 'commit-then-drop', times: 1 }]);
		const error = await runError(sb, {
			resource: 'order',
			operation: 'update',
			orderNumber: String(order.number),
			updateFields: { internalComment: 'booked' },
		});
		expect(error.message).toContain('The connection to Mijnwebwinkel was lost');
		expect(String(error.description)).toContain('may or may not have been applied');
		expect((await requestLog(sb)).filter((r) => r.method === 'PATCH')).toHaveLength(1);
		// the sandbox did store it: which is exactly why it must not be sent again blindly
		expect(
			(sandboxOrders(sb).find((o) => o.number === order.number)!.comments as { internal: string })
				.internal,
		).toBe('booked');
		expectNoSecrets(error);
	});

	test('a reset connection on a read is retried, then reported cleanly', async () => {
		await setFaults([{ route: 'GET /v1/orders/:number', kind: 'reset' }]);
		const error = await runError(sb, getOrder({ requestOptions: { serverErrorRetries: 1 } }));
		expect(error.message).toBe(
			'The connection to Mijnwebwinkel was lost before an answer came (retried 1 times)',
		);
		expect((await requestLog(sb)).filter((r) => r.fault === 'reset')).toHaveLength(2);
		expectNoSecrets(error);
	});

	test('a timeout is reported with the timeout used', async () => {
		await setFaults([{ route: 'GET /v1/orders/:number', kind: 'slow', delayMs: 1000 }]);
		const error = await runError(
			sb,
			getOrder({ requestOptions: { serverErrorRetries: 0, timeoutMs: 200 } }),
		);
		expect(error.message).toBe('Mijnwebwinkel did not answer within 0.2 s');
		expect(String(error.description)).toContain('Timeout');
		expectNoSecrets(error);
	});

	test('an unreachable base URL says to check it', async () => {
		const error = await runError(sb, getOrder({ requestOptions: { serverErrorRetries: 0 } }), {
			credentials: { baseUrl: 'http://127.0.0.1:1' },
		});
		expect(error.message).toBe('Could not reach Mijnwebwinkel at http://127.0.0.1:1');
		expect(String(error.description)).toContain('Base URL');
		expectNoSecrets(error);
	});
});

describe('continueOnFail', () => {
	test('a failing item becomes an error item; the others go on; all paired; no secrets anywhere', async () => {
		const good = firstOrder();
		const numbers = ['999999', String(good.number)];
		const out = await run(
			sb,
			(i) => ({ resource: 'order', operation: 'get', orderNumber: numbers[i] }),
			{
				continueOnFail: true,
				items: [{ json: {} }, { json: {} }],
			},
		);
		expect(out).toHaveLength(2);
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out[0].json.details).toMatchObject({
			code: 'not_found',
			httpCode: '404',
			orderNumber: '999999',
		});
		expect(String(out[0].json.error)).toContain('HTTP 404');
		expect(String((out[0].json.details as { hint: string }).hint)).toContain('check the number');
		expect(routesToErrorOutput(out[0])).toBe(true);
		expect(out[1]).toEqual({ json: good, pairedItem: { item: 1 } });
		expect(routesToErrorOutput(out[1])).toBe(false);
		expectNoSecrets(out);
	});

	test.each([
		['401', { credentials: { storeToken: WRONG } }, []],
		['429', {}, [{ rate: true }]],
		['5xx', {}, [{ route: 'GET /v1/orders/:number', kind: 'error', status: 500 }]],
		['reset', {}, [{ route: 'GET /v1/orders/:number', kind: 'reset' }]],
		['timeout', {}, [{ route: 'GET /v1/orders/:number', kind: 'slow', delayMs: 1000 }]],
	] as Array<[string, { credentials?: Record<string, string> }, Array<Fault | { rate: true }>]>)(
		'%s as an error item carries no secrets',
		async (_name, o, faults) => {
			const real = faults.filter((f): f is Fault => !('rate' in f));
			if (real.length) await setFaults(real);
			if (faults.some((f) => 'rate' in f))
				sb.setRateLimit({ requestsPerWindow: 0, windowMs: 3_600_000 });
			const out = await run(
				sb,
				getOrder({ requestOptions: { serverErrorRetries: 0, timeoutMs: 200 } }),
				{
					...o,
					continueOnFail: true,
				},
			);
			expect(out).toHaveLength(1);
			expect(out[0].json.error).toEqual(expect.any(String));
			expect((out[0].json.details as { hint: string }).hint).toEqual(expect.any(String));
			expect(routesToErrorOutput(out[0])).toBe(true);
			expect(out[0].pairedItem).toEqual({ item: 0 });
			expectNoSecrets(out, [WRONG]);
		},
	);
});
