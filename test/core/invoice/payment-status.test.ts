/** an invoice is sent paid only when the order is known to be paid. */
import { buildInvoice } from '../../../core/factuursturen/invoice-builder';
import { parseMapping } from '../../../core/factuursturen/invoice-mapping';
import {
	isKnownPaid,
	isSettled,
	openReason,
	sendsAsPaid,
	statusNameSaysPaid,
} from '../../../core/factuursturen/payment-status';
import type { CanonicalOrder } from '../../../core/canonical-order';
import { makeOrder } from './order-factory';

const base = makeOrder({ number: '5001', lines: [{ rate: '21', inclCents: 1210 }] });
const withPayment = (
	o: CanonicalOrder,
	statusName: string,
	paymentStatus: string,
	method = 'bank_transfer',
): CanonicalOrder => ({
	...o,
	status: { ...o.status, name: statusName },
	payment: { ...o.payment, method, status: paymentStatus },
});

describe('statusNameSaysPaid', () => {
	it.each([
		'Betaald',
		'Betaald en verzonden',
		'Betaald en afgehaald',
		'Paid',
		'Paid and shipped',
		'Paid and picked up',
		'BETAALD',
		'Creditorder terugbetaald',
	])('"%s" says paid', (name) => {
		expect(statusNameSaysPaid(name)).toBe(true);
	});
	it.each([
		'Verzonden',
		'Afgehaald',
		'Shipped',
		'Picked up',
		'Bestelling in behandeling',
		'Onbetaald',
		'Unpaid',
		'Niet betaald',
		'Not paid',
		'Not yet paid',
		'Gecrediteerd',
		'',
	])('"%s" does not', (name) => {
		expect(statusNameSaysPaid(name)).toBe(false);
	});
});

describe('isKnownPaid / sendsAsPaid', () => {
	it('captured payment → paid, whatever the status name', () => {
		expect(isKnownPaid(withPayment(base, 'Verzonden', 'captured'))).toBe(true);
		expect(isKnownPaid(withPayment(base, 'Verzonden', 'Betaling geslaagd'))).toBe(true);
	});
	it('a paid status name → paid, even with the payment pending (the merchant marked it)', () => {
		expect(isKnownPaid(withPayment(base, 'Betaald', 'pending'))).toBe(true);
	});
	it.each(['pending', 'new', 'authorized', 'incomplete', 'failed', 'voided', 'unknown', ''])(
		'shipped with payment %s → not known paid',
		(ps) => {
			expect(isKnownPaid(withPayment(base, 'Verzonden', ps))).toBe(false);
			expect(isKnownPaid(withPayment(base, 'Afgehaald', ps, 'cash'))).toBe(false);
		},
	);
	it('a credit order is paid when refunded, not when the original payment was merely captured', () => {
		const credit = makeOrder({
			number: '5002',
			credit: true,
			creditsOrderNumber: '5001',
			lines: [{ rate: '21', inclCents: -1210 }],
		});
		expect(isKnownPaid(withPayment(credit, 'Gecrediteerd', 'refunded'))).toBe(true);
		expect(isKnownPaid(withPayment(credit, 'Gecrediteerd', 'captured'))).toBe(false);
		expect(isKnownPaid(withPayment(credit, 'Creditorder terugbetaald', 'captured'))).toBe(true);
	});
	it('a 0.00 order never carries a payment; "always" marks every other order paid', () => {
		const free = withPayment(
			makeOrder({ number: '5003', lines: [{ rate: '21', inclCents: 0 }] }),
			'Betaald',
			'captured',
		);
		expect(sendsAsPaid(free)).toBe(false);
		expect(sendsAsPaid(free, 'always')).toBe(false);
		expect(sendsAsPaid(withPayment(base, 'Verzonden', 'pending'), 'always')).toBe(true);
	});
});

describe('buildInvoice and the payment status', () => {
	it('shipped, payment pending, method invoice → no alreadypaid (sent open)', () => {
		const o = withPayment(base, 'Verzonden', 'pending', 'invoice');
		const payload = buildInvoice(o, { clientnr: '1', tax_type: 'extax' }, parseMapping({}));
		expect(payload.alreadypaid).toBeUndefined();
		expect(payload.alreadypaidmethod).toBeUndefined();
		expect(openReason(o)).toContain('"Verzonden"');
	});
	it('paidWhen "always" restores the old behaviour', () => {
		const o = withPayment(base, 'Verzonden', 'pending', 'invoice');
		const payload = buildInvoice(
			o,
			{ clientnr: '1', tax_type: 'extax' },
			parseMapping({ paidWhen: 'always' }),
		);
		expect(payload).toMatchObject({ alreadypaid: 'full', alreadypaidmethod: 'Op rekening' });
	});
	it('an unknown paidWhen is a mapping error naming the allowed values', () => {
		expect(() => parseMapping({ paidWhen: 'sometimes' })).toThrow(
			/paidWhen.*paid_status_or_payment/,
		);
	});
});

describe('isSettled', () => {
	const free = makeOrder({ number: '5002', lines: [{ rate: '21', inclCents: 0 }] });
	it('a 0.00 invoice is settled although it carries no payment: nothing is owed', () => {
		const pending = withPayment(free, 'Verzonden', 'pending');
		expect(sendsAsPaid(pending)).toBe(false);
		expect(isSettled(pending)).toBe(true);
	});
	it('an invoice sent open with an amount is not settled; one sent paid is', () => {
		expect(isSettled(withPayment(base, 'Verzonden', 'pending'))).toBe(false);
		expect(isSettled(withPayment(base, 'Betaald', 'captured'))).toBe(true);
	});
});
