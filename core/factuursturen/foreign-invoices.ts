/**
 * Invoices made by someone else (the connector this one replaces, or by hand) carry the order number somewhere
 * else than this package's "Bestelling <number>" in reference line 1: in another reference line, or in a line
 * description ("Bestelnummer: 1042"). A rule says where and in what pattern (a regular expression with exactly
 * one capture group: the order number), so the duplicate check adopts such an invoice instead of booking the
 * order a second time.
 */
import { isValidOrderNumber } from './reference';

export const FOREIGN_WHERE = ['line1', 'line2', 'line3', 'lines'] as const;
export type ForeignWhere = (typeof FOREIGN_WHERE)[number];

export interface ForeignRule {
	where: ForeignWhere;
	pattern: RegExp;
}

export class ForeignRuleError extends Error {
	constructor(
		message: string,
		readonly hint: string,
	) {
		super(message);
		this.name = 'ForeignRuleError';
	}
}

/** The expression, or why it is none. */
function compile(source: string): RegExp | string {
	try {
		return new RegExp(source);
	} catch (error) {
		return (error as Error).message;
	}
}

/** A rule from the user's settings, or null when no pattern is set. */
export function foreignRule(where: unknown, pattern: unknown): ForeignRule | null {
	const source = String(pattern ?? '').trim();
	if (source === '') return null;
	const w = String(where ?? '');
	if (!(FOREIGN_WHERE as readonly string[]).includes(w)) {
		throw new ForeignRuleError(
			`"${w}" is not a place an order number can stand`,
			`Choose one of ${FOREIGN_WHERE.join(', ')}.`,
		);
	}
	const re = compile(source);
	if (typeof re === 'string') {
		throw new ForeignRuleError(
			`Order number pattern "${source}" is not a regular expression: ${re}`,
			'Write a JavaScript regular expression, e.g. Bestelnummer:?\\s*(\\d+)',
		);
	}
	// the number of capture groups: an alternation with the empty pattern always matches and shows them all
	const groups = new RegExp(`${source}|`).exec('')!.length - 1;
	if (groups !== 1) {
		throw new ForeignRuleError(
			`Order number pattern "${source}" has ${groups} capture groups; it needs exactly one, around the order number`,
			'Put the order number in ( ) and make any other group non-capturing with (?: ), e.g. (?:Order|Bestelling)\\s*#?(\\d+)',
		);
	}
	return { where: w as ForeignWhere, pattern: re };
}

function textsAt(invoice: Record<string, unknown>, where: ForeignWhere): string[] {
	if (where === 'lines') {
		const lines = invoice.lines;
		const list = Array.isArray(lines)
			? lines
			: lines && typeof lines === 'object'
				? Object.values(lines)
				: [];
		return list
			.map((l) =>
				l && typeof l === 'object' ? String((l as Record<string, unknown>).description ?? '') : '',
			)
			.filter((t) => t !== '');
	}
	const reference = (invoice.reference ?? {}) as Record<string, unknown>;
	const text = reference[where];
	return typeof text === 'string' && text !== '' ? [text] : [];
}

/** Every order number the rule finds on the invoice (usually one), without repeats. */
export function foreignOrderNumbers(invoice: Record<string, unknown>, rule: ForeignRule): string[] {
	const found: string[] = [];
	const global = new RegExp(
		rule.pattern.source,
		rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`,
	);
	for (const text of textsAt(invoice, rule.where)) {
		for (const m of text.matchAll(global)) {
			const n = (m[1] ?? '').trim();
			if (isValidOrderNumber(n) && !found.includes(n)) found.push(n);
		}
	}
	return found;
}
