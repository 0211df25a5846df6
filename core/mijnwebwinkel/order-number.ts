/**
 * The order of Mijnwebwinkel orders: by order number, compared as numbers where they are numbers (so "1000" sorts
 * after "999"); numbers come as strings or integers, and `T-…` for test orders. The API lists orders in this order,
 * and the shop numbers orders as they are placed, so an order is never dated before an order numbered below it.
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
