/**
 * A parameter of the whole batch that holds JSON: typed as text, or an expression that already gives the value.
 * Text that is no JSON gives undefined, so each operation says in its own words what it expected.
 */
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
