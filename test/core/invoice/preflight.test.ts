/** Every order-level check before the first write (core/factuursturen/preflight.ts). */
import { OrderRefusal } from '../../../core/errors';
import { parseMapping } from '../../../core/factuursturen/invoice-mapping';
import {
	checkBeforeWrites,
	DEFAULT_INVOICEABLE_STATUSES,
} from '../../../core/factuursturen/preflight';
import type { CanonicalOrder } from '../../../core/canonical-order';
import { makeOrder } from './order-factory';

const order = makeOrder({ number: '8001', lines: [{ rate: '21', inclCents: 1210 }] });
const codeOf = (
	o: CanonicalOrder,
	opts: Parameters<typeof checkBeforeWrites>[1],
): string | null => {
	try {
		checkBeforeWrites(o, opts);
		return null;
	} catch (e) {
		if (e instanceof OrderRefusal) return e.code;
		throw e;
	}
};

describe('checkBeforeWrites', () => {
	it('passes an invoiceable order', () => {
		expect(
			codeOf(order, {
				mapping: parseMapping({}),
				invoiceableStatuses: DEFAULT_INVOICEABLE_STATUSES,
			}),
		).toBeNull();
	});
	it('refuses a status outside the list; a credit order passes whatever its status; no list = no status check', () => {
		const cancelled = { ...order, status: { ...order.status, name: 'Geannuleerd' } };
		expect(codeOf(cancelled, { invoiceableStatuses: DEFAULT_INVOICEABLE_STATUSES })).toBe(
			'status_not_invoiceable',
		);
		expect(
			codeOf(
				{
					...cancelled,
					status: { ...cancelled.status, name: 'Creditorder', isCredit: true },
					totals: { ...order.totals, inclCents: -1 },
				},
				{ invoiceableStatuses: DEFAULT_INVOICEABLE_STATUSES },
			),
		).not.toBe('status_not_invoiceable');
		expect(codeOf(cancelled, { invoiceableStatuses: null })).toBeNull();
	});
	it('without a mapping only the checks that need none; with one the rates are resolved', () => {
		const nine = makeOrder({ number: '8002', lines: [{ rate: '9', inclCents: 1090 }] });
		expect(codeOf(nine, {})).toBeNull();
		expect(codeOf(nine, { mapping: parseMapping({ vatRates: { '21': '21', '0': '0' } }) })).toBe(
			'unmapped_vat_rate',
		);
		expect(codeOf({ ...order, currency: 'USD' }, {})).toBe('unsupported_currency');
	});
});
