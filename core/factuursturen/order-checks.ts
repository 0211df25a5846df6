/**
 * Guards run before an order is turned into an invoice. The canonical mapper should already have
 * refused bad orders; these checks make the builder safe on its own, because a wrong invoice in the
 * books costs far more than a refusal with a hint.
 */
import type { CanonicalOrder } from '../canonical-order';
import { OrderRefusal } from '../errors';
import { formatCents } from '../money';

export function isCreditOrder(order: CanonicalOrder): boolean {
	return order.status.isCredit || order.creditsOrderNumber !== null;
}

function inconsistent(
	order: CanonicalOrder,
	message: string,
	details: Record<string, unknown>,
): OrderRefusal {
	return new OrderRefusal(
		'inconsistent_order',
		`Order ${order.number}: ${message}`,
		'The order figures do not add up, so no invoice can be built from them without guessing. Check the order in Mijnwebwinkel (lines, VAT per rate, total), correct it there, then reprocess it.',
		order.number,
		details,
	);
}

export function assertInvoiceable(order: CanonicalOrder): void {
	if (order.isTest) {
		throw new OrderRefusal(
			'test_order',
			`Order ${order.number} is a test order`,
			'Test orders are never invoiced; nothing to do.',
			order.number,
		);
	}
	if (order.currency !== 'EUR') {
		throw new OrderRefusal(
			'unsupported_currency',
			`Order ${order.number} is in ${order.currency}; only EUR orders are invoiced`,
			'Book this order by hand in Factuursturen (choose the conversion rate yourself), or set the shop to EUR.',
			order.number,
			{ currency: order.currency },
		);
	}
	if (order.lines.length === 0) {
		throw new OrderRefusal(
			'empty_order',
			`Order ${order.number} has no lines`,
			'Check the order in Mijnwebwinkel; an order without lines cannot be invoiced.',
			order.number,
		);
	}
	const credit = isCreditOrder(order);
	if ((credit && order.totals.inclCents > 0) || (!credit && order.totals.inclCents < 0)) {
		throw new OrderRefusal(
			'credit_sign_conflict',
			`Order ${order.number} is ${credit ? 'a credit order with a positive' : 'a normal order with a negative'} total (${formatCents(order.totals.inclCents)})`,
			credit
				? 'A credit order must refund money (negative amounts). Check its status and amounts in Mijnwebwinkel.'
				: 'A negative order must carry a credit status in Mijnwebwinkel (and name the order it credits). Fix the status, then reprocess.',
			order.number,
		);
	}
	const perRateIncl = new Map<string, number>();
	for (const r of order.totals.perRate) {
		if (perRateIncl.has(r.rate))
			throw inconsistent(order, `VAT rate ${r.rate} % is listed twice in the totals`, {
				rate: r.rate,
			});
		perRateIncl.set(r.rate, 0);
		if (r.rate === '0' && r.vatCents !== 0) {
			throw inconsistent(order, `VAT ${formatCents(r.vatCents)} is reported at 0 %`, {
				rate: r.rate,
				vatCents: r.vatCents,
			});
		}
	}
	for (const line of order.lines) {
		const sum = perRateIncl.get(line.vatRate);
		if (sum === undefined)
			throw inconsistent(
				order,
				`line "${line.description}" uses VAT rate ${line.vatRate} %, which the totals do not list`,
				{ rate: line.vatRate },
			);
		perRateIncl.set(line.vatRate, sum + line.lineInclCents);
	}
	let inclTotal = 0;
	let vatTotal = 0;
	for (const r of order.totals.perRate) {
		const lines = perRateIncl.get(r.rate) ?? 0;
		if (lines !== r.inclCents) {
			throw inconsistent(
				order,
				`the lines at ${r.rate} % add up to ${formatCents(lines)}, the totals say ${formatCents(r.inclCents)}`,
				{ rate: r.rate, linesCents: lines, totalCents: r.inclCents },
			);
		}
		inclTotal += r.inclCents;
		vatTotal += r.vatCents;
	}
	if (inclTotal !== order.totals.inclCents || vatTotal !== order.totals.vatCents) {
		throw inconsistent(
			order,
			`the per-rate totals (${formatCents(inclTotal)} incl., ${formatCents(vatTotal)} VAT) differ from the order totals (${formatCents(order.totals.inclCents)}, ${formatCents(order.totals.vatCents)})`,
			{},
		);
	}
}
