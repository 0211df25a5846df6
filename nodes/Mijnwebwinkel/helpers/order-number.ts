/**
 * Order numbers come as strings or integers (and `T-…` for test orders); they are compared as numbers where
 * they are numbers, so "1000" sorts after "999".
 */
export const orderKey = (order: { number?: unknown }): string => String(order.number ?? '').trim();

const numericPart = (key: string): number | undefined => {
	const m = /^(?:T-)?(\d+)$/i.exec(key);
	return m ? Number(m[1]) : undefined;
};

export function compareOrderNumbers(a: string, b: string): number {
	const na = numericPart(a);
	const nb = numericPart(b);
	if (na !== undefined && nb !== undefined && na !== nb) return na - nb;
	return a < b ? -1 : a > b ? 1 : 0;
}
