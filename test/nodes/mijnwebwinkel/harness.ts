/**
 * Runs the real Mijnwebwinkel node (execute / loadOptions) against a real local Mijnwebwinkel sandbox,
 * through the n8n stand-in of test/support (real HTTP, n8n's generic authenticate, NodeApiError wrapping).
 */
import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';
import { MijnwebwinkelApi } from '../../../credentials/MijnwebwinkelApi.credentials';
import { Mijnwebwinkel } from '../../../nodes/Mijnwebwinkel/Mijnwebwinkel.node';
import type { LoggedRequest } from '../../../sandbox/common/server';
import {
	startMijnwebwinkelSandbox,
	type MijnwebwinkelSandboxOptions,
	type RunningMijnwebwinkelSandbox,
} from '../../../sandbox/mijnwebwinkel';
import { createContext, type TestContext } from '../../support/n8n-context';
import { sandboxPerBlock } from '../../support/sandbox-per-block';

export interface RunOptions {
	credentials?: Partial<ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	items?: INodeExecutionData[];
}

export function credentialsFor(
	sb: RunningMijnwebwinkelSandbox,
	over: Partial<ICredentialDataDecryptedObject> = {},
) {
	return {
		storeToken: sb.storeToken,
		partnerToken: sb.partnerToken,
		baseUrl: sb.url,
		language: 'nl_NL',
		...over,
	} as ICredentialDataDecryptedObject;
}

export function context(
	sb: RunningMijnwebwinkelSandbox,
	parameters: Record<string, unknown> | ((i: number) => Record<string, unknown>),
	o: RunOptions = {},
): TestContext {
	return createContext({
		nodeType: new Mijnwebwinkel(),
		parameters,
		credentials: {
			mijnwebwinkelApi: { type: new MijnwebwinkelApi(), data: credentialsFor(sb, o.credentials) },
		},
		items: o.items,
		continueOnFail: o.continueOnFail,
	});
}

/** Runs the node; returns its (only) main output. */
export async function run(
	sb: RunningMijnwebwinkelSandbox,
	parameters: Record<string, unknown> | ((i: number) => Record<string, unknown>),
	o: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const ctx = context(sb, parameters, o);
	const [out] = await new Mijnwebwinkel().execute.call(ctx.execute);
	return out;
}

/** Runs the node expecting it to throw; returns the error. */
export async function runError(
	sb: RunningMijnwebwinkelSandbox,
	parameters: Record<string, unknown>,
	o: RunOptions = {},
): Promise<Error & Record<string, unknown>> {
	try {
		await run(sb, parameters, o);
	} catch (error) {
		return error as Error & Record<string, unknown>;
	}
	throw new Error('expected the node to fail');
}

export async function requestLog(sb: RunningMijnwebwinkelSandbox): Promise<LoggedRequest[]> {
	const res = await fetch(`${sb.url}/__sandbox/requests`);
	return (await res.json()) as LoggedRequest[];
}

export async function resetSandbox(sb: RunningMijnwebwinkelSandbox): Promise<void> {
	await fetch(`${sb.url}/__sandbox/reset`, { method: 'POST' });
}

/** One sandbox for the enclosing describe block (or file), reset before each test. */
export function sandboxForTests(
	options: MijnwebwinkelSandboxOptions,
	use: (sb: RunningMijnwebwinkelSandbox) => void,
): void {
	sandboxPerBlock(async () => await startMijnwebwinkelSandbox(options), resetSandbox, use);
}

export const jsonOf = (items: INodeExecutionData[]) =>
	items.map((i) => i.json as Record<string, unknown>);

/** The orders the API would list with the given predicate, in the sandbox's current state. */
export const sandboxOrders = (sb: RunningMijnwebwinkelSandbox) =>
	sb.orders() as Array<Record<string, unknown>>;

export const statusIdOf = (sb: RunningMijnwebwinkelSandbox, name: string): number => {
	const s = sb.statuses().find((x) => x.description === name);
	if (!s) throw new Error(`no status ${name}`);
	return s.status;
};

export const isTestNumber = (n: unknown) => /^T-/.test(String(n));

/**
 * Whether n8n 2.41 would move this item to the error output under "On Error: Continue (using error output)",
 * with its JSON intact: n8n-core `workflow-execute.js` `handleNodeErrorOutput` takes items whose JSON has
 * `error` and no keys besides `error`/`message`/`details`, and `normalizeNodeErrors` replaces the JSON of
 * any item carrying an `error` object by `{error: message}`.
 */
export function routesToErrorOutput(item: INodeExecutionData): boolean {
	if (item.error !== undefined) return false;
	return (
		!!item.json.error &&
		Object.keys(item.json).every((k) => ['error', 'message', 'details'].includes(k))
	);
}
