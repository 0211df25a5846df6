/**
 * The router runs exactly the operations the node offers, and a failing item of any of them becomes the one
 * error item both nodes share.
 */
import type { INodeProperties } from 'n8n-workflow';
import { Mijnwebwinkel } from '../../../nodes/Mijnwebwinkel/Mijnwebwinkel.node';
import type { RunningMijnwebwinkelSandbox } from '../../../sandbox/mijnwebwinkel';
import { requestLog, routesToErrorOutput, run, runError, sandboxForTests } from './harness';

jest.setTimeout(60_000);

let sb: RunningMijnwebwinkelSandbox;
sandboxForTests({ seed: 5, shop: { orderCount: 30 } }, (started) => (sb = started));

const values = (p: INodeProperties) => (p.options as Array<{ value: string }>).map((o) => o.value);

/** every resource and operation the editor offers */
function offered(): Array<[string, string]> {
	const props = new Mijnwebwinkel().description.properties;
	const resources = values(props.find((p) => p.name === 'resource')!);
	return resources.flatMap((resource) => {
		const selectors = props.filter(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
		);
		expect(selectors).toHaveLength(1);
		return values(selectors[0]).map((operation): [string, string] => [resource, operation]);
	});
}

test('every offered operation runs: none is refused as unknown', async () => {
	const pairs = offered();
	expect(pairs).toHaveLength(12);
	for (const [resource, operation] of pairs) {
		const out = await run(sb, { resource, operation, limit: 2 }, { continueOnFail: true });
		for (const item of out) expect(String(item.json.error ?? '')).not.toMatch(/not supported/);
	}
});

test.each([
	['order', 'delete'],
	['order', 'description'],
	['invoice', 'get'],
])('%s / %s is refused before any request', async (resource, operation) => {
	const error = await runError(sb, { resource, operation });
	expect(error.message).toBe(`The operation "${operation}" of "${resource}" is not supported`);
	expect(await requestLog(sb)).toEqual([]);
});

test('bad input becomes the shared error item: invalid_input, with resource, operation and order number', async () => {
	const numbers = [' ', ' 424242 '];
	const out = await run(
		sb,
		(i) => ({ resource: 'order', operation: 'get', orderNumber: numbers[i] }),
		{
			continueOnFail: true,
			items: [{ json: {} }, { json: {} }],
		},
	);
	expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(out[0].json).toEqual({
		error: 'No order number given',
		message: 'No order number given',
		details: {
			code: 'invalid_input',
			hint: 'Enter the order number as the shop shows it, e.g. 1042, or map it from the input with an expression.',
			refused: false,
			orderNumber: null,
			resource: 'order',
			operation: 'get',
		},
	});
	expect(out[1].json.details).toMatchObject({
		code: 'not_found',
		httpCode: '404',
		orderNumber: '424242',
		resource: 'order',
		operation: 'get',
	});
	expect(out.every(routesToErrorOutput)).toBe(true);
});
