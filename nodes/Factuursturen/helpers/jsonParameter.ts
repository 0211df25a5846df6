/**
 * A parameter of the whole batch that holds JSON: typed as text, or an expression that already gives the value.
 * Text that is no JSON gives undefined, so each operation says in its own words what it expected.
 */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import type { FactuursturenRun } from '../actions/node.type';

export function jsonParameter(run: FactuursturenRun, name: string): unknown {
	const raw = run.ctx.getNodeParameter(name, 0, '[]') as unknown;
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw.trim() === '' ? '[]' : raw);
	} catch {
		return undefined;
	}
}

/**
 * A parameter that lists items (JSON objects): one object counts as a list of one, entries that are no object
 * are dropped, anything else is a setting to fix, named by `label` (default: the parameter's name).
 */
export function jsonList(
	run: FactuursturenRun,
	name: string,
	label = name,
	description?: string,
): IDataObject[] {
	let value = jsonParameter(run, name);
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) value = [value];
	if (!Array.isArray(value))
		throw new NodeOperationError(run.ctx.getNode(), `${label} must be a list of items`, {
			description,
		});
	return value.filter((v) => v !== null && typeof v === 'object') as IDataObject[];
}
