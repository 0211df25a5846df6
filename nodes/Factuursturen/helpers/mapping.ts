/**
 * Node parameters → the raw invoice mapping → `parseMapping` (core), which validates it. "Mapping (JSON)"
 * overrides the parameter-built mapping key by key.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { DEFAULT_VAT_RATES, InvoiceMappingError, parseMapping, type InvoiceMapping } from '../../../core/factuursturen/mapping';

type Rows = IDataObject[];

function rows(ctx: IExecuteFunctions, name: string, i: number): Rows {
	const value = ctx.getNodeParameter(name, i, {}) as IDataObject;
	return ((value?.values as Rows) ?? []).filter((r) => r && typeof r === 'object');
}

const str = (v: unknown): string => String(v ?? '').trim();

function record(entries: Array<[string, string]>): Record<string, string> | undefined {
	const kept = entries.filter(([k, v]) => k !== '' && v !== '');
	return kept.length ? Object.fromEntries(kept) : undefined;
}

function overrideJson(ctx: IExecuteFunctions, i: number): IDataObject {
	const value = ctx.getNodeParameter('mappingJson', i, '{}');
	if (value && typeof value === 'object') return value as IDataObject;
	const text = str(value);
	if (text === '') return {};
	try {
		const parsed = JSON.parse(text) as unknown;
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('it must be a JSON object');
		return parsed as IDataObject;
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `Mapping (JSON) is not a JSON object (${(error as Error).message})`, {
			itemIndex: i,
			description: 'Write the override as a JSON object, e.g. {"vatRates": {"21": "21", "9": "9", "0": "0"}}, or leave it as {}.',
		});
	}
}

/** Only the fixed-debtor part (Client → Get or Create by Email). */
export function fixedDebtorMapping(ctx: IExecuteFunctions, i: number): InvoiceMapping {
	return parse(ctx, i, () => {
		const raw: IDataObject = {};
		const debtors = record(rows(ctx, 'paymentMethodDebtors', i).map((r) => [str(r.paymentMethod).toLowerCase(), str(r.clientnr)]));
		if (debtors) raw.paymentMethodDebtors = debtors;
		return raw;
	});
}

/** The full mapping of Invoice → Create From Order. */
export function invoiceMapping(ctx: IExecuteFunctions, i: number): InvoiceMapping {
	return parse(ctx, i, () => {
		const raw: IDataObject = {};
		const vat = record(rows(ctx, 'vatRates', i).map((r) => [str(r.shopRate), str(r.fsRate)]));
		// entries add to the defaults 21/9/0; the JSON override replaces the whole table
		if (vat) raw.vatRates = { ...DEFAULT_VAT_RATES, ...vat };
		const oss = record(rows(ctx, 'ossVatRates', i).map((r) => [`${str(r.country).toUpperCase()}:${str(r.shopRate)}`, str(r.fsRate)]));
		if (oss) raw.ossVatRates = oss;
		const categories = record(rows(ctx, 'categories', i).map((r) => [str(r.regime), str(r.category)]));
		if (categories) raw.categories = categories;
		const debtors = record(rows(ctx, 'paymentMethodDebtors', i).map((r) => [str(r.paymentMethod).toLowerCase(), str(r.clientnr)]));
		if (debtors) raw.paymentMethodDebtors = debtors;
		const labels = record(rows(ctx, 'paymentMethodLabels', i).map((r) => [str(r.paymentMethod).toLowerCase(), str(r.label)]));
		if (labels) raw.paymentMethodLabels = labels;
		raw.sendMethod = str(ctx.getNodeParameter('sendMethod', i, 'mail')) || 'mail';
		const profile = str(ctx.getNodeParameter('profile', i, ''));
		if (profile) raw.profile = profile;
		return raw;
	});
}

function parse(ctx: IExecuteFunctions, i: number, build: () => IDataObject): InvoiceMapping {
	try {
		return parseMapping({ ...build(), ...overrideJson(ctx, i) });
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
