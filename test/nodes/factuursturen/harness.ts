/**
 * Test harness for the Factuursturen node: the real node `execute` in the n8n test context
 * (test/support/n8n-context.ts, real HTTP) against a real local Factuursturen sandbox, plus a builder of
 * consistent canonical orders. Nothing here answers HTTP itself.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { CanonicalOrder, OrderLine, VatRegime } from '../../../core/canonical-order';
import { FactuursturenApi } from '../../../credentials/FactuursturenApi.credentials';
import { Factuursturen } from '../../../nodes/Factuursturen/Factuursturen.node';
import { clearCreatedInvoices } from '../../../nodes/Factuursturen/transport/client';
import { clearBudgetLedger } from '../../../nodes/Factuursturen/transport/rateLimit';
import {
	startFactuursturenSandbox,
	type FactuursturenSandboxOptions,
	type RunningFactuursturenSandbox,
} from '../../../sandbox/factuursturen';
import type { LoggedRequest } from '../../../sandbox/common/server';
import { fsClient } from '../../../sandbox/factuursturen/http-client';
import { createContext } from '../../support/n8n-context';
import { makeOrder as makeBalancedOrder } from '../../core/invoice/order-factory';
import { sandboxPerBlock } from '../../support/sandbox-per-block';

export interface Sandbox {
	sb: RunningFactuursturenSandbox;
	api: ReturnType<typeof fsClient>;
	requests(): Promise<LoggedRequest[]>;
	state(): Promise<{
		clients: IDataObject[];
		invoices: IDataObject[];
		products: IDataObject[];
		rateLimit: IDataObject;
	}>;
	reset(): Promise<void>;
	faults(faults: unknown[]): Promise<void>;
	close(): Promise<void>;
}

/** The client most tests book on: an existing debtor found by jan@example.nl. */
export const JAN_JANSEN = {
	clientnr: '57',
	contact: 'Jan Jansen',
	email: 'jan@example.nl',
	tax_type: 'extax',
};

/** One sandbox for the enclosing describe block (or file), reset before each test. */
export function sandboxForTests(
	options: FactuursturenSandboxOptions,
	use: (s: Sandbox) => void,
): void {
	sandboxPerBlock(
		async () => await sandbox(options),
		async (s) => await s.reset(),
		use,
	);
}

export async function sandbox(options: FactuursturenSandboxOptions = {}): Promise<Sandbox> {
	const sb = await startFactuursturenSandbox(options);
	const api = fsClient(sb);
	return {
		sb,
		api,
		requests: async () => (await api.get('/__sandbox/requests')).json<LoggedRequest[]>(),
		state: async () => (await api.get('/__sandbox/state')).json(),
		reset: async () => {
			// fresh books and a fresh budget: what the nodes remember of the account (the budget last seen, invoices
			// created earlier in the run) belongs to the books before
			clearBudgetLedger();
			clearCreatedInvoices();
			await api.post('/__sandbox/reset', {});
		},
		faults: async (faults) => {
			await api.post('/__sandbox/faults', faults);
		},
		close: () => sb.close(),
	};
}

export interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	credentials?: { username?: string; apiKey?: string; baseUrl?: string };
}

/** Runs the node once: returns its main output (or throws what the node throws). */
export async function runNode(
	s: Sandbox,
	parameters: Record<string, unknown> | ((i: number) => Record<string, unknown>),
	o: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const node = new Factuursturen();
	const { execute } = createContext({
		nodeType: node,
		parameters,
		items: o.items,
		continueOnFail: o.continueOnFail,
		credentials: {
			factuursturenApi: {
				type: new FactuursturenApi(),
				data: {
					username: o.credentials?.username ?? s.sb.username,
					apiKey: o.credentials?.apiKey ?? s.sb.apiKey,
					baseUrl: o.credentials?.baseUrl ?? s.sb.baseUrl,
				},
			},
		},
	});
	const out = await node.execute.call(execute);
	return out[0];
}

export function loadOptionsContext(s: Sandbox) {
	return createContext({
		nodeType: new Factuursturen(),
		parameters: {},
		credentials: {
			factuursturenApi: {
				type: new FactuursturenApi(),
				data: { username: s.sb.username, apiKey: s.sb.apiKey, baseUrl: s.sb.baseUrl },
			},
		},
	}).loadOptions;
}

export const items = (...jsons: IDataObject[]): INodeExecutionData[] =>
	jsons.map((json) => ({ json }));

export interface LineSpec {
	description?: string;
	kind?: OrderLine['kind'];
	quantity?: number;
	rate: string;
	/** what the customer paid for the line, incl. VAT */
	inclCents: number;
}

export interface OrderSpec {
	number: string;
	email?: string;
	name?: string;
	company?: string;
	vatNumber?: string;
	date?: string;
	paymentMethod?: string;
	lines?: LineSpec[];
	regime?: VatRegime;
	countryCode?: string;
	countryName?: string;
	street?: string;
	zipcode?: string;
	city?: string;
}

/**
 * A canonical order whose figures add up (the core tests' builder, test/core/invoice/order-factory.ts), as the
 * Mijnwebwinkel node would hand it on: an Amsterdam address, paid on 12 May 2025, the e-mail key lower-cased.
 */
export function makeOrder(spec: OrderSpec): CanonicalOrder {
	const email = spec.email ?? `klant${spec.number}@example.nl`;
	const country = spec.countryCode ?? 'NL';
	const street = spec.street ?? 'Damrak';
	const date = spec.date ?? '2025-05-12';
	const regime = spec.regime ?? 'domestic';
	const order = makeBalancedOrder({
		number: spec.number,
		lines: (spec.lines ?? DEFAULT_LINES).map((l) => ({
			...l,
			description: l.description ?? `Artikel ${l.rate}%`,
		})),
		regime,
		vatNumber: spec.vatNumber,
		paymentMethod: spec.paymentMethod,
		email,
		name: spec.name,
		company: spec.company,
		invoiceAddress: {
			street,
			houseNumber: '1',
			line1: `${street} 1`,
			zipcode: spec.zipcode ?? '1012 LG',
			city: spec.city ?? 'Amsterdam',
			countryCode: country,
			countryName: spec.countryName ?? 'Nederland',
			phone: '020-1234567',
		},
	});
	return {
		...order,
		source: 'mijnwebwinkel',
		date,
		time: '10:15:00',
		placedAt: `${date}T10:15:00+02:00`,
		customer: { ...order.customer, email: email.trim().toLowerCase() },
		vat: {
			regime,
			reason: 'test order',
			taxCountry: regime === 'domestic' ? 'NL' : regime === 'oss' ? country : null,
			destinationCountry: country,
		},
	};
}

const DEFAULT_LINES: LineSpec[] = [
	{ rate: '21', inclCents: 2995 },
	{ rate: '21', inclCents: 495, kind: 'shipping', description: 'Verzendkosten' },
];

/** Requests to the API (not inspection), as "METHOD route". */
export const routes = (log: LoggedRequest[]): string[] =>
	log.map((r) => `${r.method} ${r.path.replace(/^\/api\/v1/, '')}`);

export const count = (log: LoggedRequest[], method: string, pathPattern: RegExp): number =>
	log.filter((r) => r.method === method && pathPattern.test(r.path.replace(/^\/api\/v1/, '')))
		.length;
