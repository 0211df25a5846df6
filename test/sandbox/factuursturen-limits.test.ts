/**
 * Factuursturen sandbox: the hourly request budget (X-RateLimit-Remaining on every response, 403/429 when
 * spent, renewal at the window boundary) and each fault kind on POST /invoices, including commit-then-drop.
 */
import {
	startFactuursturenSandbox,
	type RunningFactuursturenSandbox,
} from '../../sandbox/factuursturen';
import { basicAuth, fsClient } from '../../sandbox/factuursturen/http-client';

const clients = [{ clientnr: '58', contact: 'Jan Jansen', email: 'jan@example.nl' }];
const invoiceBody = (ref: string) => ({
	action: 'send',
	sendmethod: 'mail',
	clientnr: 58,
	reference: { line1: `Bestelling ${ref}` },
	lines: [{ amount: 1, price: '10.00', tax_rate: 21, description: 'x' }],
});

describe('rate limit (controlled clock)', () => {
	let now = 0;
	let sb: RunningFactuursturenSandbox;
	let api: ReturnType<typeof fsClient>;
	beforeAll(async () => {
		sb = await startFactuursturenSandbox({
			clients,
			now: () => now,
			rateLimit: { budget: 3, windowMs: 1000 },
		});
		api = fsClient(sb);
	});
	afterAll(() => sb.close());
	beforeEach(async () => {
		now = 5000; // a window boundary
		await api.request('POST', '/__sandbox/reset');
	});

	it('reports the remaining budget on every response and decreases it per request', async () => {
		const seen: Array<[number, number | null]> = [];
		for (const res of [
			await api.get('/clients'),
			await api.get('/clients/58'),
			await api.post('/clients', {}),
		]) {
			seen.push([res.status, res.remaining]);
		}
		expect(seen).toEqual([
			[200, 2],
			[200, 1],
			[400, 0],
		]);
	});

	it('answers 403 with remaining 0 and a plain-text body when spent, until the next window boundary', async () => {
		for (let i = 0; i < 3; i++) expect((await api.get('/taxes')).status).toBe(200);
		const over = await api.post('/invoices', invoiceBody('1'));
		expect([over.status, over.remaining]).toEqual([403, 0]);
		expect(over.contentType).toMatch(/^text\/plain/);
		expect(over.text).toMatch(/API limit reached/);
		expect((await api.state()).invoices).toHaveLength(0);

		now = 5999; // still the same window
		expect((await api.get('/taxes')).status).toBe(403);
		now = 6000; // the boundary: budget renewed
		const renewed = await api.get('/taxes');
		expect([renewed.status, renewed.remaining]).toEqual([200, 2]);
	});

	it('renews at the aligned boundary, not a full window after the first request', async () => {
		now = 5900;
		for (let i = 0; i < 3; i++) await api.get('/taxes');
		expect((await api.get('/taxes')).status).toBe(403);
		now = 6001; // 101 ms later, but past the boundary
		expect((await api.get('/taxes')).remaining).toBe(2);
	});

	it('switches to 429 via control, and inspection and unauthenticated requests do not count', async () => {
		const settings = await api.control({ rateLimit: { overLimitStatus: 429 } });
		expect(settings.rateLimit).toMatchObject({
			budget: 3,
			windowMs: 1000,
			overLimitStatus: 429,
			remaining: 3,
		});
		await api.get('/__sandbox/state');
		await api.get('/__sandbox/requests');
		const unauth = await api.get('/clients', { authorization: basicAuth('demo', 'nope') });
		expect([unauth.status, unauth.remaining]).toEqual([401, 3]);
		expect((await api.state()).rateLimit.remaining).toBe(3);
		for (let i = 0; i < 3; i++) await api.get('/taxes');
		const over = await api.get('/taxes');
		expect([over.status, over.remaining]).toEqual([429, 0]);
		expect((await api.state()).rateLimit).toEqual({
			remaining: 0,
			windowEndsAt: new Date(6000).toISOString(),
		});
	});

	it('control sets budget and remaining; advanceClockMs jumps to the next window', async () => {
		await api.control({ rateLimit: { budget: 10, remaining: 1 } });
		expect((await api.get('/taxes')).remaining).toBe(0);
		expect((await api.get('/taxes')).status).toBe(403);
		const after = await api.control({ advanceClockMs: 1000 });
		expect(after.rateLimit).toMatchObject({ remaining: 10 });
		expect((await api.get('/taxes')).remaining).toBe(9);
		const bad = await api.control({ rateLimit: { overLimitStatus: 500 } });
		expect(bad.errors).toEqual(['rateLimit.overLimitStatus must be 403 or 429']);
	});

	it('defaults to a 1000-request budget per clock hour with 403', async () => {
		const dflt = await startFactuursturenSandbox({ now: () => Date.UTC(2024, 4, 9, 10, 15) });
		try {
			const c = fsClient(dflt);
			expect((await c.get('/taxes')).remaining).toBe(999);
			const ctl = await c.control({});
			expect(ctl.rateLimit).toMatchObject({
				budget: 1000,
				windowMs: 3_600_000,
				overLimitStatus: 403,
				windowEndsAt: '2024-05-09T11:00:00.000Z',
			});
		} finally {
			await dflt.close();
		}
	});
});

describe('rate limit (real clock, compressed window)', () => {
	it('refuses when spent and serves again after the window passes', async () => {
		const sb = await startFactuursturenSandbox({ rateLimit: { budget: 2, windowMs: 1500 } });
		try {
			const api = fsClient(sb);
			// Spend the budget; a boundary may pass meanwhile, so keep asking until a refusal is seen.
			let refused = false;
			for (let i = 0; i < 50 && !refused; i++) {
				const res = await api.get('/taxes');
				if (res.status === 403) {
					expect(res.remaining).toBe(0);
					refused = true;
				}
			}
			expect(refused).toBe(true);
			let served = false;
			const deadline = Date.now() + 20_000;
			while (!served && Date.now() < deadline) {
				await new Promise((r) => setTimeout(r, 100));
				served = (await api.get('/taxes')).status === 200;
			}
			expect(served).toBe(true);
		} finally {
			await sb.close();
		}
	}, 30_000);
});

describe('faults on POST /invoices', () => {
	let sb: RunningFactuursturenSandbox;
	let api: ReturnType<typeof fsClient>;
	beforeAll(async () => {
		sb = await startFactuursturenSandbox({ clients, seed: 3 });
		api = fsClient(sb);
	});
	afterAll(() => sb.close());
	beforeEach(async () => {
		await api.request('POST', '/__sandbox/reset');
	});
	const route = 'POST /api/v1/invoices';
	const stored = async (): Promise<number> => (await api.state()).invoices.length;

	it('error: answers the status without creating anything, with the rate-limit header', async () => {
		await api.faults([{ route, kind: 'error', status: 502, times: 1 }]);
		const res = await api.post('/invoices', invoiceBody('1'));
		expect(res.status).toBe(502);
		expect(res.remaining).not.toBeNull();
		expect(await stored()).toBe(0);
		expect((await api.post('/invoices', invoiceBody('1'))).status).toBe(201);
		expect(await stored()).toBe(1);
	});

	it('reset: the connection drops before anything is stored', async () => {
		await api.faults([{ route, kind: 'reset', times: 1 }]);
		await expect(api.post('/invoices', invoiceBody('2'))).rejects.toThrow();
		expect(await stored()).toBe(0);
		const log = (await api.get('/__sandbox/requests')).json<
			Array<{ fault: string | null; route: string }>
		>();
		expect(log.filter((r) => r.route === route).map((r) => r.fault)).toEqual(['reset']);
	});

	it('commit-then-drop: the client sees a dropped connection, yet the invoice exists and is found by reference', async () => {
		await api.faults([{ route, kind: 'commit-then-drop', times: 1 }]);
		await expect(api.post('/invoices', invoiceBody('100234'))).rejects.toThrow();
		const state = await api.state();
		expect(state.invoices).toHaveLength(1);
		const hits = (await api.get('/search/invoices/all/Bestelling%20100234')).json<
			Array<{ invoicenr: string }>
		>();
		expect(hits.map((h) => h.invoicenr)).toEqual([state.invoices[0].invoicenr]);
		// a blind retry would create a duplicate: the API has no idempotency
		expect((await api.post('/invoices', invoiceBody('100234'))).status).toBe(201);
		expect(await stored()).toBe(2);
	});

	it('slow: the client times out, and the invoice is created anyway once the delay passes', async () => {
		await api.faults([{ route, kind: 'slow', delayMs: 600, times: 1 }]);
		await expect(api.post('/invoices', invoiceBody('3'), { timeoutMs: 100 })).rejects.toThrow();
		const deadline = Date.now() + 15_000;
		while ((await stored()) === 0 && Date.now() < deadline)
			await new Promise((r) => setTimeout(r, 100));
		expect(await stored()).toBe(1);
	}, 20_000);

	it('probabilistic faults are deterministic under the seed', async () => {
		const pattern = async (): Promise<number[]> => {
			const s = await startFactuursturenSandbox({ clients, seed: 99 });
			try {
				const c = fsClient(s);
				await c.faults([{ route, kind: 'error', status: 503, probability: 0.5 }]);
				const statuses: number[] = [];
				for (let i = 0; i < 12; i++)
					statuses.push((await c.post('/invoices', invoiceBody(String(i)))).status);
				return statuses;
			} finally {
				await s.close();
			}
		};
		const first = await pattern();
		expect(await pattern()).toEqual(first);
		expect(first).toContain(503);
		expect(first).toContain(201);
	});
});
