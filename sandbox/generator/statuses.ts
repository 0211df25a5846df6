/**
 * The order-status table the sandbox serves by default. Ids are NOT authoritative (public sources disagree
 * whether 2 is Betaald or Verzonden, see docs/api-readings.md); code must resolve statuses by name, and the sandbox
 * can permute the ids to prove it does.
 */
import type { Random } from '../common/random';

export interface MwwStatus {
	status: number;
	description: string;
	credit_order: boolean;
}

interface StatusName {
	status: number;
	nl: string;
	en: string;
	credit: boolean;
}

/** nl_NL names are what the shop owner sees; en_GB for `language=en_GB` (and other non-Dutch languages). */
export const STATUS_NAMES: readonly StatusName[] = [
	{ status: 1, nl: 'Bestelling in behandeling', en: 'Order pending', credit: false },
	{ status: 2, nl: 'Verzonden', en: 'Shipped', credit: false },
	{ status: 3, nl: 'Betaald', en: 'Paid', credit: false },
	{ status: 4, nl: 'Wacht op betaling', en: 'Awaiting payment', credit: false },
	{ status: 5, nl: 'Afgehaald', en: 'Picked up', credit: false },
	{ status: 6, nl: 'Betaald en afgehaald', en: 'Paid and picked up', credit: false },
	{ status: 7, nl: 'Betaald en verzonden', en: 'Paid and shipped', credit: false },
	{ status: 8, nl: 'Geannuleerd', en: 'Cancelled', credit: false },
	{ status: 9, nl: 'Afgehandeld', en: 'Completed', credit: false },
	{ status: 10, nl: 'Gecrediteerd', en: 'Credited', credit: true },
];

/** The names an invoicing run treats as invoiceable by default (docs/api-readings.md). */
export const INVOICEABLE_STATUS_NAMES = [
	'Betaald',
	'Verzonden',
	'Betaald en verzonden',
	'Afgehaald',
	'Betaald en afgehaald',
] as const;

export const CREDIT_STATUS_NAME = 'Gecrediteerd';

export function defaultStatuses(): MwwStatus[] {
	return STATUS_NAMES.map((s) => ({ status: s.status, description: s.nl, credit_order: s.credit }));
}

/** Translates a table to a language; names we do not know stay as given. */
export function localizeStatuses(table: readonly MwwStatus[], language: string): MwwStatus[] {
	if (language.startsWith('nl')) return table.map((s) => ({ ...s }));
	return table.map((s) => {
		const known = STATUS_NAMES.find((n) => n.nl.toLowerCase() === s.description.toLowerCase());
		return { ...s, description: known ? known.en : s.description };
	});
}

/** Finds a status by its Dutch or English name, case-insensitively. */
export function statusByName(table: readonly MwwStatus[], name: string): MwwStatus | undefined {
	const wanted = name.toLowerCase();
	const known = STATUS_NAMES.find(
		(n) => n.nl.toLowerCase() === wanted || n.en.toLowerCase() === wanted,
	);
	return table.find((s) => {
		const d = s.description.toLowerCase();
		return (
			d === wanted ||
			(known !== undefined && (d === known.nl.toLowerCase() || d === known.en.toLowerCase()))
		);
	});
}

/**
 * Same names, other ids: a permutation of the ids that moves every id (a derangement), so nothing can keep
 * working by accident when it relies on an id. Returns the new table and old id → new id.
 */
export function shuffleStatusIds(
	table: readonly MwwStatus[],
	random: Random,
): { table: MwwStatus[]; map: Map<number, number> } {
	const ids = table.map((s) => s.status);
	const permuted = [...ids];
	if (ids.length > 1) {
		// Sattolo's algorithm yields a single cycle: no id stays in place.
		for (let i = permuted.length - 1; i > 0; i--) {
			const j = random.int(0, i - 1);
			[permuted[i], permuted[j]] = [permuted[j], permuted[i]];
		}
	}
	const map = new Map<number, number>();
	ids.forEach((id, i) => map.set(id, permuted[i]));
	return { table: table.map((s) => ({ ...s, status: map.get(s.status) ?? s.status })), map };
}
