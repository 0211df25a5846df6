import { DateTime } from 'luxon';
import {
	startMijnwebwinkelSandbox,
	type RunningMijnwebwinkelSandbox,
} from '../../../sandbox/mijnwebwinkel';
import {
	context,
	isTestNumber,
	jsonOf,
	requestLog,
	resetSandbox,
	run,
	runError,
	sandboxForTests,
	sandboxOrders,
	statusIdOf,
} from './harness';
import { Mijnwebwinkel } from '../../../nodes/Mijnwebwinkel/Mijnwebwinkel.node';

jest.setTimeout(60_000);

let sb: RunningMijnwebwinkelSandbox;
sandboxForTests({ seed: 7, shop: { orderCount: 1200 } }, (started) => (sb = started));

const numbers = (items: Array<{ json: Record<string, unknown> }>) =>
	items.map((i) => String(i.json.number));
const num = (n: unknown) => Number(String(n).replace(/^T-/, ''));
const listed = () => sandboxOrders(sb).filter((o) => !isTestNumber(o.number));
const getMany = (extra: Record<string, unknown> = {}) => ({
	resource: 'order',
	operation: 'getAll',
	returnAll: true,
	...extra,
});

describe('Order > Get Many', () => {
	test('Return All pages through 1,000+ orders 100 at a time, without test orders, ascending, no duplicates', async () => {
		const out = await run(sb, getMany());
		const expected = listed()
			.map((o) => String(o.number))
			.sort((a, b) => num(a) - num(b));
		expect(expected.length).toBeGreaterThan(1000);
		expect(numbers(out)).toEqual(expected);
		expect(new Set(numbers(out)).size).toBe(out.length);
		out.forEach((item) => expect(item.pairedItem).toEqual({ item: 0 }));

		// two complete passes that agree (a change during the read would need a third)
		const pages = (await requestLog(sb)).filter((r) => r.path === '/v1/orders');
		const perPass = Math.floor(expected.length / 100) + 1;
		expect(pages.length).toBe(2 * perPass);
		pages.forEach((p, i) => {
			expect(p.query.limit).toBe('100');
			expect(p.query.offset).toBe(String((i % perPass) * 100));
			expect(p.query.ordering).toBe('asc');
			expect(p.query).not.toHaveProperty('archived'); // omitted: archived paid orders are still seen
			expect(p.query).not.toHaveProperty('test');
			expect(p.query.token).toBe('***'); // the sandbox saw the tokens (its log redacts them)
			expect(p.query.partner_token).toBe('***');
			expect(p.query.language).toBe('nl_NL');
		});
	});

	test('Limit returns the first N orders with one small page', async () => {
		const out = await run(sb, getMany({ returnAll: false, limit: 7 }));
		const expected = listed()
			.map((o) => String(o.number))
			.sort((a, b) => num(a) - num(b))
			.slice(0, 7);
		expect(numbers(out)).toEqual(expected);
		const pages = (await requestLog(sb)).filter((r) => r.path === '/v1/orders');
		expect(pages).toHaveLength(1);
		expect(pages[0].query.limit).toBe('7');
	});

	test('Limit above 100 takes several pages and stops when it has enough', async () => {
		const out = await run(sb, getMany({ returnAll: false, limit: 250 }));
		expect(out).toHaveLength(250);
		const pages = (await requestLog(sb)).filter((r) => r.path === '/v1/orders');
		expect(pages.map((p) => p.query.offset)).toEqual(['0', '100', '200']);
	});

	test('descending order', async () => {
		const out = await run(sb, getMany({ ordering: 'desc', returnAll: false, limit: 120 }));
		const expected = listed()
			.map((o) => String(o.number))
			.sort((a, b) => num(b) - num(a))
			.slice(0, 120);
		expect(numbers(out)).toEqual(expected);
	});

	test('statuses chosen by name: one query per status, resolved through a fresh status table, merged and sorted', async () => {
		const names = ['Betaald', 'Verzonden', 'Betaald en afgehaald'];
		const out = await run(sb, getMany({ filters: { statuses: names } }));
		const ids = names.map((n) => statusIdOf(sb, n));
		const expected = listed()
			.filter((o) => ids.includes(o.status as number))
			.map((o) => String(o.number))
			.sort((a, b) => num(a) - num(b));
		expect(expected.length).toBeGreaterThan(300);
		expect(numbers(out)).toEqual(expected);

		const log = await requestLog(sb);
		expect(log.filter((r) => r.path === '/v1/orderstatuses')).toHaveLength(1);
		const queried = [
			...new Set(log.filter((r) => r.path === '/v1/orders').map((r) => r.query.status_id)),
		];
		expect(queried).toEqual(ids.map(String));
	});

	test('Include Credit Orders adds every credit-order status of the status table to the chosen ones', async () => {
		const names = ['Betaald', 'Verzonden'];
		const creditIds = sb
			.statuses()
			.filter((s) => s.credit_order)
			.map((s) => s.status);
		expect(creditIds.length).toBeGreaterThan(0);
		const out = await run(sb, getMany({ filters: { statuses: names, includeCreditOrders: true } }));
		const ids = [...names.map((n) => statusIdOf(sb, n)), ...creditIds];
		const expected = listed()
			.filter((o) => ids.includes(o.status as number))
			.map((o) => String(o.number))
			.sort((a, b) => num(a) - num(b));
		const credits = listed().filter((o) => creditIds.includes(o.status as number));
		expect(credits.length).toBeGreaterThan(0);
		expect(numbers(out)).toEqual(expected);
		for (const c of credits) expect(numbers(out)).toContain(String(c.number));

		const log = await requestLog(sb);
		expect(log.filter((r) => r.path === '/v1/orderstatuses')).toHaveLength(1); // the same call that resolves the names
		const queried = [
			...new Set(log.filter((r) => r.path === '/v1/orders').map((r) => r.query.status_id)),
		];
		expect(queried).toEqual(ids.map(String));
	});

	test('without Include Credit Orders (the default) credit orders are not listed', async () => {
		const creditIds = sb
			.statuses()
			.filter((s) => s.credit_order)
			.map((s) => s.status);
		const out = await run(sb, getMany({ filters: { statuses: ['Betaald', 'Verzonden'] } }));
		expect(out.length).toBeGreaterThan(0);
		for (const item of out) expect(creditIds).not.toContain(item.json.status);
	});

	test('a credit-order status also chosen by name is queried once per pass', async () => {
		const credit = sb.statuses().find((s) => s.credit_order)!;
		await run(
			sb,
			getMany({
				filters: { statuses: ['Betaald', credit.description], includeCreditOrders: true },
			}),
		);
		const queried = (await requestLog(sb))
			.filter((r) => r.path === '/v1/orders')
			.map((r) => r.query.status_id);
		// Return All reads twice (until two passes agree): the credit status once in each
		expect(queried.filter((id) => id === String(credit.status)).length).toBe(2);
	});

	test('a status name that the shop does not have fails with the list of names', async () => {
		const error = await runError(sb, getMany({ filters: { statuses: ['Betaald', 'Paid-ish'] } }));
		expect(error.message).toContain('Order status "Paid-ish" does not exist');
		expect(String(error.description)).toContain('Betaald en verzonden');
		expect((await requestLog(sb)).filter((r) => r.path === '/v1/orders')).toHaveLength(0);
	});

	test('a status ID given by expression (the dropdown offers "or specify IDs") is taken as that status', async () => {
		const afgehaald = sb.statuses().find((s) => s.description === 'Afgehaald')!;
		await run(sb, getMany({ filters: { statuses: ['Betaald', String(afgehaald.status)] } }));
		const queried = (await requestLog(sb))
			.filter((r) => r.path === '/v1/orders')
			.map((r) => r.query.status_id);
		const betaald = sb.statuses().find((s) => s.description === 'Betaald')!;
		expect(new Set(queried)).toEqual(new Set([String(betaald.status), String(afgehaald.status)]));
	});

	test('status names are matched case-insensitively and a comma-separated expression value works', async () => {
		const out = await run(sb, getMany({ filters: { statuses: ' betaald , AFGEHAALD' } }));
		const ids = [statusIdOf(sb, 'Betaald'), statusIdOf(sb, 'Afgehaald')];
		expect(out.length).toBe(listed().filter((o) => ids.includes(o.status as number)).length);
	});

	test('order date range is sent as shop-local days and is inclusive', async () => {
		const out = await run(
			sb,
			getMany({ filters: { orderDateFrom: '2026-03-01T00:00:00', orderDateTo: '2026-03-10' } }),
		);
		const expected = listed().filter(
			(o) => String(o.date) >= '2026-03-01' && String(o.date) <= '2026-03-10',
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(numbers(out).sort()).toEqual(expected.map((o) => String(o.number)).sort());
		const q = (await requestLog(sb)).find((r) => r.path === '/v1/orders')!.query;
		expect(q.start_date).toBe('2026-03-01');
		expect(q.end_date).toBe('2026-03-10');
	});

	test('a UTC moment is converted to the Amsterdam day (23:30Z in winter is the next day there)', async () => {
		await run(
			sb,
			getMany({ returnAll: false, limit: 1, filters: { orderDateFrom: '2026-02-28T23:30:00Z' } }),
		);
		const q = (await requestLog(sb)).find((r) => r.path === '/v1/orders')!.query;
		expect(q.start_date).toBe('2026-03-01');
	});

	test('status changed since/until: shop-local moments, a bare end date means the end of that day', async () => {
		const out = await run(
			sb,
			getMany({
				filters: {
					statusChangedSince: '2026-03-15T12:00:00+02:00',
					statusChangedUntil: '2026-03-20',
				},
			}),
		);
		const q = (await requestLog(sb)).find((r) => r.path === '/v1/orders')!.query;
		// 12:00 at +02:00 is 11:00 in Amsterdam on 15 March (still winter time, +01:00)
		expect(q.status_changed_start_date).toBe('2026-03-15 11:00:00');
		expect(q.status_changed_end_date).toBe('2026-03-20 23:59:59');
		const changed = (o: Record<string, unknown>) =>
			`${o.status_changed_date} ${o.status_changed_time}`;
		const expected = listed().filter(
			(o) => changed(o) >= '2026-03-15 11:00:00' && changed(o) <= '2026-03-20 23:59:59',
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(numbers(out).sort()).toEqual(expected.map((o) => String(o.number)).sort());
	});

	test('status changed in the last N days starts at midnight Europe/Amsterdam N days ago', async () => {
		const before = DateTime.now().setZone('Europe/Amsterdam').startOf('day').minus({ days: 3 });
		await run(sb, getMany({ filters: { statusChangedLastDays: 3 } }));
		const after = DateTime.now().setZone('Europe/Amsterdam').startOf('day').minus({ days: 3 });
		const q = (await requestLog(sb)).find((r) => r.path === '/v1/orders')!.query;
		expect([before, after].map((d) => d.toFormat('yyyy-MM-dd HH:mm:ss'))).toContain(
			q.status_changed_start_date,
		);
		expect(q.status_changed_start_date).toMatch(/ 00:00:00$/);
	});

	test('"since" and "last N days" together are refused with a hint', async () => {
		const error = await runError(
			sb,
			getMany({ filters: { statusChangedLastDays: 2, statusChangedSince: '2026-03-01' } }),
		);
		expect(error.message).toContain(
			'Both "Status Changed Since" and "Status Changed in the Last N Days"',
		);
		expect(String(error.description)).toContain('Remove one');
	});

	test('a date that is not a date is refused with a hint', async () => {
		const error = await runError(sb, getMany({ filters: { orderDateFrom: 'next tuesday' } }));
		expect(error.message).toContain('Order Date From: "next tuesday" is not a date');
		expect(String(error.description)).toContain('date picker');
	});

	test.each([
		['both', undefined, () => true],
		['archived', 'true', (o: Record<string, unknown>) => o.archived === true],
		['notArchived', 'false', (o: Record<string, unknown>) => o.archived === false],
	])('archived = %s', async (archived, sent, keep) => {
		const out = await run(sb, getMany({ filters: { archived } }));
		const expected = listed().filter(keep);
		expect(out.length).toBe(expected.length);
		const q = (await requestLog(sb)).find((r) => r.path === '/v1/orders')!.query;
		expect(q.archived).toBe(sent);
		if (archived === 'both') expect(out.some((i) => i.json.archived === true)).toBe(true);
	});

	test('test orders only when asked for', async () => {
		const out = await run(sb, getMany({ filters: { includeTestOrders: true } }));
		const tests = numbers(out).filter(isTestNumber);
		expect(tests.length).toBe(sandboxOrders(sb).filter((o) => isTestNumber(o.number)).length);
		expect(tests.length).toBeGreaterThan(0);
		expect(out.length).toBe(sandboxOrders(sb).length);
		const q = (await requestLog(sb)).find((r) => r.path === '/v1/orders')!.query;
		expect(q.test).toBe('true');
	});

	test('customer e-mail filter', async () => {
		const target = listed().find((o) =>
			/[A-Z]/.test(String((o.debtor as { email: string }).email)),
		)!;
		const email = String((target.debtor as { email: string }).email)
			.trim()
			.toLowerCase();
		const out = await run(sb, getMany({ filters: { customerEmail: `  ${email}  ` } }));
		expect(out.length).toBeGreaterThan(0);
		const q = (await requestLog(sb)).find((r) => r.path === '/v1/orders')!.query;
		expect(q.debtor_email).toBe(email);
		for (const item of out) {
			expect(
				String((item.json.debtor as { email: string }).email)
					.trim()
					.toLowerCase(),
			).toBe(email);
		}
	});
});

describe('Order > Count', () => {
	test('all orders (test orders excluded)', async () => {
		const out = await run(sb, { resource: 'order', operation: 'count' });
		expect(jsonOf(out)).toEqual([{ count: listed().length }]);
		expect(out[0].pairedItem).toEqual({ item: 0 });
	});

	test('per status by name, summed', async () => {
		const names = ['Betaald', 'Verzonden'];
		const out = await run(sb, {
			resource: 'order',
			operation: 'count',
			filters: { statuses: names, archived: 'notArchived' },
		});
		const per = Object.fromEntries(
			names.map((n) => [
				n,
				listed().filter((o) => o.status === statusIdOf(sb, n) && o.archived === false).length,
			]),
		);
		expect(out[0].json).toEqual({ count: per.Betaald + per.Verzonden, byStatus: per });
		const counts = (await requestLog(sb)).filter((r) => r.path === '/v1/orders/count');
		expect(counts.map((r) => r.query.status_id)).toEqual(
			names.map((n) => String(statusIdOf(sb, n))),
		);
		counts.forEach((r) => expect(r.query.archived).toBe('false'));
	});
});

describe('Order > Get', () => {
	test('by number, as the API returns it', async () => {
		const order = listed()[42];
		const out = await run(sb, {
			resource: 'order',
			operation: 'get',
			orderNumber: ` ${order.number} `,
		});
		expect(out).toHaveLength(1);
		expect(out[0].json).toEqual(order);
		expect((await requestLog(sb)).map((r) => r.path)).toEqual([`/v1/orders/${order.number}`]);
	});

	test('a test order by its T- number', async () => {
		const order = sandboxOrders(sb).find((o) => isTestNumber(o.number))!;
		const out = await run(sb, {
			resource: 'order',
			operation: 'get',
			orderNumber: String(order.number),
		});
		expect(out[0].json.number).toBe(order.number);
	});

	test('an unknown number fails with HTTP 404 and a hint', async () => {
		const error = await runError(sb, {
			resource: 'order',
			operation: 'get',
			orderNumber: '99999999',
		});
		expect(error.message).toBe('Mijnwebwinkel answered HTTP 404 to GET /v1/orders/99999999');
		expect(error.httpCode).toBe('404');
		expect(String(error.description)).toContain('check the number');
	});

	test('an empty number is refused before any request', async () => {
		const error = await runError(sb, { resource: 'order', operation: 'get', orderNumber: '  ' });
		expect(error.message).toBe('No order number given');
		expect(await requestLog(sb)).toHaveLength(0);
	});

	test('several input items: one output per item, each paired with its item', async () => {
		const picks = listed().slice(10, 13);
		const out = await run(
			sb,
			(i) => ({ resource: 'order', operation: 'get', orderNumber: String(picks[i].number) }),
			{
				items: picks.map(() => ({ json: {} })),
			},
		);
		expect(numbers(out)).toEqual(picks.map((o) => String(o.number)));
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('Order > Update', () => {
	test('status by name, archived and internal comment in one PATCH; the sandbox stores them', async () => {
		const order = listed().find(
			(o) => o.status === statusIdOf(sb, 'Betaald') && o.archived === false,
		)!;
		const out = await run(sb, {
			resource: 'order',
			operation: 'update',
			orderNumber: String(order.number),
			updateFields: { status: 'Verzonden', archived: true, internalComment: 'PostNL 3SABCD' },
		});
		const stored = sandboxOrders(sb).find((o) => o.number === order.number)!;
		expect(stored.status).toBe(statusIdOf(sb, 'Verzonden'));
		expect(stored.archived).toBe(true);
		expect((stored.comments as { internal: string }).internal).toBe('PostNL 3SABCD');
		expect(out[0].json.status).toBe(statusIdOf(sb, 'Verzonden'));

		const patch = (await requestLog(sb)).find((r) => r.method === 'PATCH')!;
		expect(patch.body).toEqual({
			status: statusIdOf(sb, 'Verzonden'),
			archived: true,
			comments: { internal: 'PostNL 3SABCD' },
		});
	});

	test('only the fields that were set are sent', async () => {
		const order = listed()[5];
		await run(sb, {
			resource: 'order',
			operation: 'update',
			orderNumber: String(order.number),
			updateFields: { archived: false },
		});
		const log = await requestLog(sb);
		expect(log.find((r) => r.method === 'PATCH')!.body).toEqual({ archived: false });
		expect(log.some((r) => r.path === '/v1/orderstatuses')).toBe(false);
	});

	test('nothing to update is refused without a request', async () => {
		const error = await runError(sb, {
			resource: 'order',
			operation: 'update',
			orderNumber: '1',
			updateFields: {},
		});
		expect(error.message).toContain('Nothing to update');
		expect(await requestLog(sb)).toHaveLength(0);
	});
});

describe('status ids are never assumed', () => {
	let shuffled: RunningMijnwebwinkelSandbox;
	beforeAll(async () => {
		shuffled = await startMijnwebwinkelSandbox({
			seed: 7,
			shop: { orderCount: 300 },
			shuffleStatusIds: true,
		});
	});
	afterAll(async () => shuffled?.close());

	test('the shuffled table really moved the ids', () => {
		for (const name of ['Betaald', 'Verzonden', 'Afgehaald'])
			expect(statusIdOf(shuffled, name)).not.toBe(statusIdOf(sb, name));
	});

	test('Get Many by name returns the orders in those statuses, whatever their ids', async () => {
		const out = await run(shuffled, getMany({ filters: { statuses: ['Betaald', 'Afgehaald'] } }));
		const ids = [statusIdOf(shuffled, 'Betaald'), statusIdOf(shuffled, 'Afgehaald')];
		const expected = (shuffled.orders() as Array<Record<string, unknown>>).filter(
			(o) => !isTestNumber(o.number) && ids.includes(o.status as number),
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(numbers(out).sort()).toEqual(expected.map((o) => String(o.number)).sort());
	});

	test('Include Credit Orders finds the credit statuses by flag, whatever their ids and the language', async () => {
		await resetSandbox(shuffled);
		const creditIds = shuffled
			.statuses()
			.filter((s) => s.credit_order)
			.map((s) => s.status);
		expect(creditIds).not.toEqual(
			sb
				.statuses()
				.filter((s) => s.credit_order)
				.map((s) => s.status),
		);
		// English status names: "Paid" is Betaald; the credit status is found without knowing its name
		const out = await run(
			shuffled,
			getMany({ filters: { statuses: ['Paid'], includeCreditOrders: true } }),
			{
				credentials: { language: 'en_US' },
			},
		);
		const ids = [statusIdOf(shuffled, 'Betaald'), ...creditIds];
		const all = (shuffled.orders() as Array<Record<string, unknown>>).filter(
			(o) => !isTestNumber(o.number),
		);
		const expected = all.filter((o) => ids.includes(o.status as number));
		expect(all.some((o) => creditIds.includes(o.status as number))).toBe(true);
		expect(out.map((i) => String(i.json.number)).sort()).toEqual(
			expected.map((o) => String(o.number)).sort(),
		);
		const queried = [
			...new Set(
				(await requestLog(shuffled))
					.filter((r) => r.path === '/v1/orders')
					.map((r) => r.query.status_id),
			),
		];
		expect(queried).toEqual(ids.map(String));
	});

	test('Update by name writes the shuffled id', async () => {
		const order = (shuffled.orders() as Array<Record<string, unknown>>).find(
			(o) => !isTestNumber(o.number),
		)!;
		await run(shuffled, {
			resource: 'order',
			operation: 'update',
			orderNumber: String(order.number),
			updateFields: { status: 'Afgehandeld' },
		});
		const stored = (shuffled.orders() as Array<Record<string, unknown>>).find(
			(o) => o.number === order.number,
		)!;
		expect(stored.status).toBe(statusIdOf(shuffled, 'Afgehandeld'));
	});

	test('the dropdown offers names, and the values are names', async () => {
		const ctx = context(shuffled, {});
		const options = await new Mijnwebwinkel().methods.loadOptions.getOrderStatuses.call(
			ctx.loadOptions,
		);
		expect(options.map((o) => o.value)).toEqual(shuffled.statuses().map((s) => s.description));
		expect(options.map((o) => o.name)).toEqual(options.map((o) => o.value));
		expect(options.find((o) => o.name === 'Gecrediteerd')!.description).toBe(
			'A credit-order status',
		);
	});
});

type RequestOptions = { url: string; qs: Record<string, unknown> };

/** Every request of the node goes through `around`, which sends it (with the options as it left them) via `send`. */
function interceptRequests(
	ctx: ReturnType<typeof context>,
	around: (send: () => Promise<unknown>, options: RequestOptions) => Promise<unknown>,
): void {
	const helpers = ctx.execute.helpers as unknown as {
		httpRequestWithAuthentication: (...a: unknown[]) => Promise<unknown>;
	};
	const original = helpers.httpRequestWithAuthentication;
	helpers.httpRequestWithAuthentication = async function (this: unknown, ...args: unknown[]) {
		return await around(async () => await original.apply(this, args), args[1] as RequestOptions);
	};
}

/** Another actor changes one order in the shop right after the node has read page 1 of an order list. */
function changeOrderAfterFirstPage(
	ctx: ReturnType<typeof context>,
	orderNumber: unknown,
	change: Record<string, unknown>,
): { done: () => boolean } {
	let moved = false;
	interceptRequests(ctx, async (send, options) => {
		const result = await send();
		if (!moved && options.url === '/v1/orders' && options.qs.offset === 0) {
			moved = true;
			await fetch(
				`${sb.url}/v1/orders/${String(orderNumber)}?token=${sb.storeToken}&partner_token=${sb.partnerToken}`,
				{
					method: 'PATCH',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify(change),
				},
			);
		}
		return result;
	});
	return { done: () => moved };
}

describe('offset paging is not snapshot-stable', () => {
	test('an order that moves into an earlier page while paging does not come out twice', async () => {
		const archivedBefore = listed().filter((o) => o.archived === true);
		expect(archivedBefore.length).toBeGreaterThan(150);
		const hundredth = num(archivedBefore.map((o) => o.number).sort((a, b) => num(a) - num(b))[99]);
		// another actor archives an order numbered below the 100th archived one, right after page 1 was read:
		// it slides into page 1's range, so page 2 (offset 100) starts with page 1's last order once more
		const mover = listed().find((o) => o.archived === false && num(o.number) < hundredth)!;
		const ctx = context(sb, getMany({ filters: { archived: 'archived' } }));
		const change = changeOrderAfterFirstPage(ctx, mover.number, { archived: true });
		const [out] = await new Mijnwebwinkel().execute.call(ctx.execute);
		expect(change.done()).toBe(true);
		const got = numbers(out);
		expect(new Set(got).size).toBe(got.length);
		// every order archived before, and the one archived during the read (the next pass sees it)
		expect(got.sort()).toEqual(
			[...archivedBefore.map((o) => String(o.number)), String(mover.number)].sort(),
		);
	});

	test('a server that ignores offset (the same full page again) is an error, not a list of the first 100 orders', async () => {
		const ctx = context(sb, getMany());
		interceptRequests(ctx, async (send, options) => {
			if (options.url === '/v1/orders') options.qs = { ...options.qs, offset: 0 };
			return await send();
		});
		const error = await new Mijnwebwinkel().execute.call(ctx.execute).catch((e: unknown) => e);
		expect((error as Error).message).toMatch(/answered the same orders again for offset 100/);
	});

	test('an order that leaves the list while paging shifts the next page: the order on the boundary is not skipped', async () => {
		const betaald = sb.statuses().find((s) => s.description === 'Betaald')!;
		const verzonden = sb.statuses().find((s) => s.description === 'Verzonden')!;
		const paid = listed()
			.filter((o) => o.status === betaald.status)
			.sort((a, b) => num(a.number) - num(b.number));
		expect(paid.length).toBeGreaterThan(110);
		// after page 1 of the Betaald list, its first order is shipped (status Verzonden, a list not chosen here):
		// every later paid order moves up one place, and the 101st would be skipped by a single read
		const leaver = paid[0];
		const boundary = paid[100];
		const ctx = context(sb, getMany({ filters: { statuses: ['Betaald'] } }));
		const change = changeOrderAfterFirstPage(ctx, leaver.number, { status: verzonden.status });
		const [out] = await new Mijnwebwinkel().execute.call(ctx.execute);
		expect(change.done()).toBe(true);
		const got = numbers(out);
		expect(got).toContain(String(boundary.number));
		// the order that left was listed when it was paid: kept, not dropped
		expect(got).toContain(String(leaver.number));
		expect(got.sort()).toEqual(paid.map((o) => String(o.number)).sort());
		expect(new Set(got).size).toBe(got.length);
	});
});
