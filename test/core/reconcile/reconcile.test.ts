import { reconcile } from '../../../core/reconcile/reconcile';
import { makeOrder } from '../invoice/order-factory';

// the API documentation's example order 1042: 51.45 incl., VAT 5.47 @21 and 1.65 @9
const order = makeOrder({
	number: '1042',
	lines: [
		{ description: 'Mok blauw', quantity: 2, rate: '21', inclCents: 2420, exclMicros: 20_000_000 },
		{ description: 'Kookboek', rate: '9', inclCents: 1995, exclMicros: 18_302_752 },
		{ kind: 'shipping', rate: '21', inclCents: 695, exclMicros: 5_743_802 },
		{ kind: 'payment', rate: '21', inclCents: 35, exclMicros: 289_256 },
	],
	vat: { '21': 547, '9': 165 },
});

/** an invoice as GET /invoices/{nr} returns it: every number a string, taxes keyed tax1… */
function readBack(patch: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		invoice: {
			id: '2024057',
			invoicenr_full: 'F2024057',
			invoicenr: '2024057',
			reference: { line1: 'Bestelling 1042', line2: 'Besteldatum 01-03-2025', line3: '' },
			tax: '7.12',
			totalintax: '51.45',
			open: '0.00',
			clientnr: '58',
			contact: 'Jan Jansen',
			company: '',
			address: 'Dorpsstraat 1',
			zipcode: '1234AB',
			city: 'Utrecht',
			email: 'Jan@Example.nl',
			taxes: {
				tax1: { rate: 21, sum: '5.47', sum_of: '26.03' },
				tax2: { rate: '9.00', sum: '1.65', sum_of: '18.30' },
			},
			...patch,
		},
	};
}

describe('reconcile', () => {
	it('equal invoice and order: ok, no differences', () => {
		expect(reconcile(readBack(), order)).toEqual({
			ok: true,
			invoiceNumber: 'F2024057',
			orderNumber: '1042',
			differences: [],
		});
	});

	it('accepts the bare invoice object and JSON numbers as well as strings', () => {
		const bare = readBack({ totalintax: 51.45, tax: 7.12, open: 0 }).invoice;
		expect(reconcile(bare, order).ok).toBe(true);
	});

	it('1 cent off in the total and a rate is within the default tolerance', () => {
		const r = reconcile(
			readBack({
				totalintax: '51.46',
				tax: '7.13',
				taxes: {
					tax1: { rate: 21, sum: '5.48', sum_of: '26.03' },
					tax2: { rate: 9, sum: '1.65', sum_of: '18.30' },
				},
			}),
			order,
		);
		expect(r).toMatchObject({ ok: true, differences: [] });
	});

	it('3 cents off is reported with expected, actual, amount and a hint', () => {
		const r = reconcile(readBack({ totalintax: '51.48' }), order);
		expect(r.ok).toBe(false);
		expect(r.differences).toEqual([
			{
				field: 'totalintax',
				expected: '51.45',
				actual: '51.48',
				differenceCents: 3,
				severity: 'error',
				hint: expect.stringContaining('credit it'),
			},
		]);
		// a tighter or looser tolerance changes the verdict
		expect(reconcile(readBack({ totalintax: '51.46' }), order, { toleranceCents: 0 }).ok).toBe(
			false,
		);
		expect(reconcile(readBack({ totalintax: '51.48' }), order, { toleranceCents: 3 }).ok).toBe(
			true,
		);
	});

	it("a wrong VAT rate shows as the order's rate missing and an unexpected rate", () => {
		const r = reconcile(
			readBack({
				taxes: {
					tax1: { rate: 21, sum: '5.47', sum_of: '26.03' },
					tax2: { rate: 6, sum: '1.13', sum_of: '18.82' },
				},
				tax: '6.60',
			}),
			order,
		);
		expect(r.ok).toBe(false);
		expect(r.differences.map((d) => [d.field, d.expected, d.actual, d.differenceCents])).toEqual([
			['tax', '7.12', '6.60', -52],
			['taxes[9%]', '1.65', '(rate missing)', -165],
			['taxes[6%]', '0.00', '1.13', 113],
		]);
		expect(r.differences.every((d) => d.hint.length > 20)).toBe(true);
	});

	it('VAT at the right rate but off by more than the tolerance is reported for that rate', () => {
		const r = reconcile(
			readBack({
				taxes: {
					tax1: { rate: 21, sum: '5.57', sum_of: '26.03' },
					tax2: { rate: 9, sum: '1.65', sum_of: '18.30' },
				},
			}),
			order,
		);
		expect(r.differences).toEqual([
			expect.objectContaining({
				field: 'taxes[21%]',
				expected: '5.47',
				actual: '5.57',
				differenceCents: 10,
			}),
		]);
	});

	it("a missing rate (invoice has only one of the order's two rates) is an error", () => {
		const r = reconcile(
			readBack({ taxes: { tax1: { rate: 21, sum: '5.47', sum_of: '26.03' } } }),
			order,
		);
		expect(r.ok).toBe(false);
		expect(r.differences).toEqual([
			expect.objectContaining({ field: 'taxes[9%]', actual: '(rate missing)' }),
		]);
	});

	it('a 0 % rate on the invoice (rounding line) with no VAT is fine', () => {
		const taxes = {
			tax1: { rate: 21, sum: '5.47', sum_of: '26.03' },
			tax2: { rate: 9, sum: '1.65', sum_of: '18.30' },
			tax3: { rate: 0, sum: '0.00', sum_of: '-0.01' },
		};
		expect(reconcile(readBack({ taxes }), order).ok).toBe(true);
	});

	it('unpaid (open > 0) is an error with a hint to register the payment', () => {
		const r = reconcile(readBack({ open: '51.45' }), order);
		expect(r.ok).toBe(false);
		expect(r.differences).toEqual([
			expect.objectContaining({
				field: 'open',
				expected: '0.00',
				actual: '51.45',
				differenceCents: 5145,
				hint: expect.stringContaining('invoices_payment/F2024057'),
			}),
		]);
	});

	describe('an invoice sent open (order not known to be paid)', () => {
		const unpaid = {
			...order,
			status: { ...order.status, id: '2', name: 'Verzonden' },
			payment: { ...order.payment, method: 'invoice', status: 'pending' },
		};

		it('expects open = the total, derived from the order by default', () => {
			expect(reconcile(readBack({ open: '51.45' }), unpaid).ok).toBe(true);
			expect(reconcile(readBack({ open: '51.45' }), order, { sentPaid: false }).ok).toBe(true);
		});

		it('open 0 on an invoice sent open: a payment was registered since, a warning', () => {
			const r = reconcile(readBack({ open: '0.00' }), unpaid);
			expect(r.ok).toBe(true);
			expect(r.differences).toEqual([
				expect.objectContaining({
					field: 'open',
					expected: '51.45',
					actual: '0.00',
					severity: 'warning',
					hint: expect.stringContaining('payment has been registered since'),
				}),
			]);
		});

		it('open above the total (or unreadable) is an error', () => {
			const r = reconcile(readBack({ open: '60.00' }), unpaid);
			expect(r.ok).toBe(false);
			expect(r.differences).toEqual([
				expect.objectContaining({
					field: 'open',
					expected: '51.45',
					actual: '60.00',
					differenceCents: 855,
					severity: 'error',
				}),
			]);
			expect(reconcile(readBack({ open: 'x' }), unpaid).ok).toBe(false);
		});

		it('sentPaid overrides the derivation: an invoice sent paid must have open 0 even for a pending order', () => {
			expect(reconcile(readBack({ open: '51.45' }), unpaid, { sentPaid: true }).ok).toBe(false);
			expect(reconcile(readBack({ open: '0.00' }), unpaid, { sentPaid: true }).ok).toBe(true);
		});
	});

	it('another e-mail is an error (wrong debtor); case and spaces do not matter', () => {
		expect(reconcile(readBack({ email: ' JAN@example.NL ' }), order).ok).toBe(true);
		const r = reconcile(readBack({ email: 'piet@example.nl' }), order);
		expect(r.ok).toBe(false);
		expect(r.differences).toEqual([
			expect.objectContaining({
				field: 'email',
				expected: 'jan@example.nl',
				actual: 'piet@example.nl',
				severity: 'error',
			}),
		]);
		// a fixed debtor ("Kassa") has its own e-mail: the customer comparison is skipped
		expect(
			reconcile(readBack({ email: 'kassa@winkel.nl', contact: 'Kassa' }), order, {
				fixedDebtor: true,
			}).ok,
		).toBe(true);
	});

	it('an existing debtor with another address is a warning (debtors are never modified), not an error', () => {
		const r = reconcile(readBack({ address: 'Oude Gracht 9', city: 'Amsterdam' }), order);
		expect(r.ok).toBe(true);
		expect(r.differences.map((d) => [d.field, d.severity])).toEqual([
			['address', 'warning'],
			['city', 'warning'],
		]);
		expect(r.differences[0].hint).toContain('update debtor 58');
	});

	it('a value shortened by the debtor builder counts as equal', () => {
		const longOrder = makeOrder({
			number: '7',
			lines: [{ rate: '21', inclCents: 1210 }],
			name: 'Maria Magdalena Theodora van den Heuvel-Oppenheimer',
		});
		const inv = readBack({
			reference: { line1: 'Bestelling 7' },
			totalintax: '12.10',
			tax: '2.10',
			taxes: { tax1: { rate: 21, sum: '2.10', sum_of: '10.00' } },
			contact: 'Maria Magdalena Theodora van den...',
		});
		expect(reconcile(inv, longOrder).differences).toEqual([]);
	});

	it("a reference that is not this order's is an error", () => {
		const r = reconcile(readBack({ reference: { line1: 'Bestelling 10420' } }), order);
		expect(r.ok).toBe(false);
		expect(r.differences[0]).toMatchObject({
			field: 'reference.line1',
			expected: 'Bestelling 1042',
			actual: 'Bestelling 10420',
		});
	});

	it('unreadable money is reported, never treated as zero', () => {
		const r = reconcile(readBack({ totalintax: 'n/a' }), order);
		expect(r.differences).toEqual([
			expect.objectContaining({ field: 'totalintax', actual: 'n/a', severity: 'error' }),
		]);
	});

	it('rejects input that is not an invoice object', () => {
		expect(() => reconcile('51.45', order)).toThrow(TypeError);
	});

	it('with splitUnsplitCosts it compares against the split VAT', () => {
		const mixed = makeOrder({
			number: '9',
			lines: [
				{ rate: '21', inclCents: 12100 },
				{ rate: '9', inclCents: 10900 },
				{ kind: 'shipping', rate: '21', inclCents: 605 },
			],
		});
		const inv = readBack({
			reference: { line1: 'Bestelling 9' },
			totalintax: '236.05',
			tax: '30.78',
			taxes: {
				tax1: { rate: 21, sum: '21.53', sum_of: '102.50' },
				tax2: { rate: 9, sum: '9.25', sum_of: '102.77' },
			},
		});
		expect(reconcile(inv, mixed, { splitUnsplitCosts: true }).ok).toBe(true);
		expect(reconcile(inv, mixed).ok).toBe(false);
	});
});
