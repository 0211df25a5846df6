/**
 * Gift vouchers. A webshop voucher usable for goods at several rates is a multi-purpose voucher: its sale
 * is not a supply (Dir. art. 30a/30b), VAT arises when it is redeemed. Shops list its sale as a 0 % line, which
 * would put it in the VAT return as 0 % turnover (box 1e) and count the goods twice once it is redeemed. So a
 * 0 % voucher line in a VAT-charging regime is refused unless the mapping says to book it (voucherLines 'book').
 */
import type { CanonicalOrder } from '../canonical-order';
import { OrderRefusal } from '../errors';
import { formatCents } from '../money';

export type VoucherLines = 'refuse' | 'book';
export const VOUCHER_LINES_VALUES = ['refuse', 'book'] as const;

export const VOUCHER_DESCRIPTION =
	/cadeaubon|cadeaukaart|kadobon|giftcard|gift card|tegoedbon|waardebon|voucher/i;
/** line3 mention when voucher lines are booked anyway */
export const VOUCHER_NOTE = 'Cadeaubon: meervoudige-doelvoucher, geen btw (btw bij inwisseling)';

/** regimes that charge VAT: there a 0 % line needs a reason, and a voucher is not one */
const VAT_CHARGING = new Set(['domestic', 'oss']);

/** Throws `voucher_line` (unless mode 'book'); returns true when the order has voucher lines that are booked. */
export function checkVoucherLines(order: CanonicalOrder, mode: VoucherLines = 'refuse'): boolean {
	if (!VAT_CHARGING.has(order.vat.regime)) return false;
	const vouchers = order.lines.filter(
		(l) => l.vatRate === '0' && VOUCHER_DESCRIPTION.test(l.description),
	);
	if (vouchers.length === 0) return false;
	if (mode === 'book') return true;
	const first = vouchers[0];
	throw new OrderRefusal(
		'voucher_line',
		`Order ${order.number}: line "${first.description}" (${formatCents(first.lineInclCents)} at 0 %) looks like a gift voucher${vouchers.length > 1 ? ` (and ${vouchers.length - 1} more)` : ''}; a voucher sale is not 0 % turnover`,
		'Book the voucher sale by hand to a balance-sheet account such as "Vooruitontvangen cadeaubonnen", not as turnover: VAT is due when the voucher is redeemed. If your bookkeeper wants such orders invoiced as they are, set the mapping\'s voucherLines to "book" (and give them their own category).',
		order.number,
		{ lines: vouchers.map((l) => l.description) },
	);
}
