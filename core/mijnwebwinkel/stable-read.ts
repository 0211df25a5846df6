/**
 * Reading a list that may change while it is read. Mijnwebwinkel pages by offset: when an order leaves the
 * filtered list (its status changes) while later pages are read, every later order moves up one place and the
 * one on the page boundary is never seen. An order can also move between two status lists read one after the
 * other. So the whole read is repeated until two passes in a row list the same orders; every version seen is
 * kept (the latest wins), so an order that left the list during the read is still there, never dropped.
 */

export interface StableRead<T> {
	/** every record seen, the latest version of each */
	records: Map<string, T>;
	/** passes made (2 when nothing changed) */
	passes: number;
	/** false when the last two passes still differed after the allowed passes: the records may miss some */
	stable: boolean;
	/** keys seen in one pass but not in the last: they changed while being read */
	changedDuringRead: string[];
}

const sameKeys = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
	a.size === b.size && [...a].every((k) => b.has(k));

/** Repeats `readPass` (one complete read, keyed) until two passes agree, at most `maxPasses` times. */
export async function readUntilStable<T>(
	readPass: () => Promise<Map<string, T>>,
	maxPasses = 4,
): Promise<StableRead<T>> {
	const records = new Map<string, T>();
	const changed = new Set<string>();
	let previous: Set<string> | null = null;
	for (let pass = 1; pass <= Math.max(2, maxPasses); pass++) {
		const current = await readPass();
		for (const [key, value] of current) records.set(key, value);
		const keys = new Set(current.keys());
		if (previous !== null) {
			for (const k of previous) if (!keys.has(k)) changed.add(k);
			for (const k of keys) if (!previous.has(k)) changed.add(k);
			if (sameKeys(previous, keys))
				return { records, passes: pass, stable: true, changedDuringRead: [...changed] };
		}
		previous = keys;
	}
	return {
		records,
		passes: Math.max(2, maxPasses),
		stable: false,
		changedDuringRead: [...changed],
	};
}
