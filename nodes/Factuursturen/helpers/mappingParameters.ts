/**
 * Node parameters → the raw invoice mapping → `parseMapping` (core), which validates it. "Mapping (JSON)"
 * overrides the parameter-built mapping key by key.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import {
	DEFAULT_VAT_RATES,
	InvoiceMappingError,
	parseMapping,
	type InvoiceMapping,
} from '../../../core/factuursturen/invoice-mapping';
import {
	DEFAULT_INVOICEABLE_STATUSES,
	type PreflightOptions,
} from '../../../core/factuursturen/preflight';

type Rows = IDataObject[];
/** a parameter by name: this node's, or another node's as given in Invoice Settings */
type Param = (name: string, fallback: unknown) => unknown;

/** The Invoice Options collection: typed node options with the mapping's own key names. */
const MAPPING_OPTION_KEYS = [
	'paidWhen',
	'voucherLines',
	'maxRoundingCents',
	'priceDecimals',
	'referenceLine3',
	'splitUnsplitCosts',
	'zeroRatedNote',
] as const;

const own =
	(ctx: IExecuteFunctions, i: number): Param =>
	(name, fallback) =>
		ctx.getNodeParameter(name, i, fallback);

function rows(param: Param, name: string): Rows {
	const value = param(name, {}) as IDataObject;
	return ((value?.values as Rows) ?? []).filter((r) => r && typeof r === 'object');
}

const str = (v: unknown): string => String(v ?? '').trim();

function record(entries: Array<[string, string]>): Record<string, string> | undefined {
	const kept = entries.filter(([k, v]) => k !== '' && v !== '');
	return kept.length ? Object.fromEntries(kept) : undefined;
}

function overrideJson(ctx: IExecuteFunctions, i: number, param: Param = own(ctx, i)): IDataObject {
	const value = param('mappingJson', '{}');
	if (value && typeof value === 'object') return value as IDataObject;
	const text = str(value);
	if (text === '') return {};
	try {
		const parsed = JSON.parse(text) as unknown;
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
			throw new Error('it must be a JSON object');
		return parsed as IDataObject;
	} catch (error) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Mapping (JSON) is not a JSON object (${(error as Error).message})`,
			{
				itemIndex: i,
				description:
					'Write the override as a JSON object, e.g. {"vatRates": {"21": "21", "9": "9", "0": "0"}}, or leave it as {}.',
			},
		);
	}
}

/** Only the fixed-debtor part (Client → Get or Create by Email). */
export function fixedDebtorMapping(ctx: IExecuteFunctions, i: number): InvoiceMapping {
	return parse(ctx, i, own(ctx, i), () => {
		const raw: IDataObject = {};
		const debtors = record(
			rows(own(ctx, i), 'paymentMethodDebtors').map((r) => [
				str(r.paymentMethod).toLowerCase(),
				str(r.clientnr),
			]),
		);
		if (debtors) raw.paymentMethodDebtors = debtors;
		return raw;
	});
}

/** The full mapping of Invoice → Create From Order (of this node, or of the node whose parameters `param` reads). */
export function invoiceMapping(
	ctx: IExecuteFunctions,
	i: number,
	param: Param = own(ctx, i),
): InvoiceMapping {
	return parse(ctx, i, param, () => {
		const raw: IDataObject = {};
		const vat = record(rows(param, 'vatRates').map((r) => [str(r.shopRate), str(r.fsRate)]));
		// entries add to the defaults 21/9/0; the JSON override replaces the whole table
		if (vat) raw.vatRates = { ...DEFAULT_VAT_RATES, ...vat };
		// a row is "DE:19" from the dropdown (older workflows: country, shop rate and Factuursturen rate apart)
		const oss = record(
			rows(param, 'ossVatRates').map((r): [string, string] => {
				if (r.rate !== undefined)
					return [str(r.rate).toUpperCase(), str(r.rate).split(':')[1]?.trim() ?? ''];
				return [`${str(r.country).toUpperCase()}:${str(r.shopRate)}`, str(r.fsRate)];
			}),
		);
		if (oss) raw.ossVatRates = oss;
		const categories = record(
			rows(param, 'categories').map((r) => [str(r.regime), str(r.category)]),
		);
		if (categories) raw.categories = categories;
		const debtors = record(
			rows(param, 'paymentMethodDebtors').map((r) => [
				str(r.paymentMethod).toLowerCase(),
				str(r.clientnr),
			]),
		);
		if (debtors) raw.paymentMethodDebtors = debtors;
		const labels = record(
			rows(param, 'paymentMethodLabels').map((r) => [
				str(r.paymentMethod).toLowerCase(),
				str(r.label),
			]),
		);
		if (labels) raw.paymentMethodLabels = labels;
		raw.sendMethod = str(param('sendMethod', 'mail')) || 'mail';
		const profile = str(param('profile', ''));
		if (profile) raw.profile = profile;
		// only the options the user added; the core's defaults apply to the rest
		const options = (param('mappingOptions', {}) ?? {}) as IDataObject;
		for (const key of MAPPING_OPTION_KEYS)
			if (options[key] !== undefined && options[key] !== '') raw[key] = options[key];
		return raw;
	});
}

function parse(
	ctx: IExecuteFunctions,
	i: number,
	param: Param,
	build: () => IDataObject,
): InvoiceMapping {
	try {
		return parseMapping({ ...build(), ...overrideJson(ctx, i, param) });
	} catch (error) {
		if (error instanceof InvoiceMappingError) {
			throw new NodeOperationError(ctx.getNode(), error.message, {
				itemIndex: i,
				description:
					'Correct the mapping parameters or the Mapping (JSON) override. Rates map to the same percentage (e.g. "21": "21"); OSS keys look like "DE:19"; regimes are domestic, intra_eu_reverse_charge, oss, export, zero_rated.',
			});
		}
		throw new NodeOperationError(ctx.getNode(), (error as Error).message, { itemIndex: i });
	}
}

/** Create From Order's status guard: the invoiceable status names, or null when the user turned it off. */
export function invoiceableStatuses(
	ctx: IExecuteFunctions,
	i: number,
	param: Param = own(ctx, i),
): string[] | null {
	if (param('statusCheck', true) === false) return null;
	// comma-separated text, or a list (an expression on the template's Run settings)
	const given = param('invoiceableStatuses', DEFAULT_INVOICEABLE_STATUSES.join(', '));
	const names = (
		Array.isArray(given) ? given.map((s) => String(s)) : String(given ?? '').split(',')
	)
		.map((s) => s.trim())
		.filter((s) => s !== '');
	return names.length ? names : [...DEFAULT_INVOICEABLE_STATUSES];
}

/**
 * Client → Get or Create by Email: the parameters of the Create From Order node that will book the orders (Invoice
 * Settings), read as that node reads its own; {} when not given. `$('Create invoice').params` gives a node's
 * parameters unevaluated, so an expression among them is reported rather than misread.
 */
export function invoiceSettingsFor(
	ctx: IExecuteFunctions,
	i: number,
): PreflightOptions & { sendMethod?: 'mail' | 'email' } {
	let value = ctx.getNodeParameter('invoiceSettings', i, {}) as unknown;
	if (typeof value === 'string') {
		const text = value.trim();
		try {
			value = text === '' ? {} : (JSON.parse(text) as unknown);
		} catch (error) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Invoice Settings is not a JSON object (${(error as Error).message})`,
				{
					itemIndex: i,
					description:
						"Give the settings of the node that creates the invoices as an object, e.g. {{ { mappingJson: …, invoiceableStatuses: … } }} or {{ $('Create invoice').params }}, or leave it empty.",
				},
			);
		}
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
	const given = value as IDataObject;
	if (Object.keys(given).length === 0) return {};
	const unevaluated = Object.keys(given).filter(
		(k) => typeof given[k] === 'string' && (given[k] as string).startsWith('='),
	);
	if (unevaluated.length) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Invoice Settings holds unevaluated expressions (${unevaluated.join(', ')})`,
			{
				itemIndex: i,
				description:
					"$('…').params gives a node's parameters as written, expressions unevaluated. Give those settings as the same expressions here, e.g. {{ { mappingJson: <what Create From Order's Mapping (JSON) holds>, invoiceableStatuses: … } }}.",
			},
		);
	}
	const param: Param = (name, fallback) => (given[name] === undefined ? fallback : given[name]);
	const mapping = invoiceMapping(ctx, i, param);
	return {
		mapping,
		invoiceableStatuses: invoiceableStatuses(ctx, i, param),
		sendMethod: mapping.sendMethod,
	};
}
