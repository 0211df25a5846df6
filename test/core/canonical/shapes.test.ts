/** Every shape variation of docs/api-readings.md "Shapes that vary" must give the same canonical order. */
import { OrderRefusal } from '../../../core/errors';
import { toCanonicalOrder } from '../../../core/mijnwebwinkel/to-canonical';
import { baseOrder, ctx, type AnyOrder } from './base-order';

const map = (o: AnyOrder) => toCanonicalOrder(o, ctx);
const codeOf = (o: AnyOrder, c = ctx): string => {
	try {
		toCanonicalOrder(o, c);
	} catch (e) {
		if (e instanceof OrderRefusal) return e.code;
		throw e;
	}
	return 'no refusal';
};
const variant = (change: (o: AnyOrder) => void): AnyOrder => {
	const o = baseOrder();
	change(o);
	return o;
};

describe('shape normalisation', () => {
	const reference = map(baseOrder());

	it('maps the base order as expected', () => {
		expect(reference.number).toBe('5001');
		expect(
			reference.lines.map((l) => [
				l.kind,
				l.quantity,
				l.lineExclMicros,
				l.lineInclCents,
				l.unitExclMicros,
				l.sku,
			]),
		).toEqual([
			['article', 2, 20_000_000, 2420, 10_000_000, 'BEK'],
			['shipping', 1, 4_090_909, 495, 4_090_909, null],
		]);
		expect(reference.totals).toEqual({
			inclCents: 2915,
			vatCents: 506,
			exclCents: 2409,
			perRate: [{ rate: '21', vatCents: 506, inclCents: 2915 }],
		});
	});

	it.each([
		[
			'number as an integer',
			(o: AnyOrder) => {
				o.number = 5001;
			},
		],
		[
			'price.tax as a one-element array',
			(o: AnyOrder) => {
				o.price.tax = [o.price.tax];
			},
		],
		[
			'orderlines[].price as one-element arrays',
			(o: AnyOrder) => {
				for (const l of o.orderlines) l.price = [l.price];
			},
		],
		[
			'shipping[].country as []',
			(o: AnyOrder) => {
				o.shipping = [{ country: [] }];
			},
		],
		[
			'no shipping at all',
			(o: AnyOrder) => {
				delete o.shipping;
			},
		],
		[
			'delivery address as a PHP empty array',
			(o: AnyOrder) => {
				o.debtor.address.delivery = [];
			},
		],
		[
			'delivery address with only empty fields',
			(o: AnyOrder) => {
				o.debtor.address.delivery = { name: '', street: '', country_code: '' };
			},
		],
		[
			'JSON numbers instead of strings',
			(o: AnyOrder) => {
				o.price = { tax: [{ amount: 5.06, rate: 21.0 }], total: 29.15 };
				o.orderlines[0].price = { amount: 20, amount_including_tax: 24.2, rate: 21 };
				o.orderlines[1].price = { amount: 4.090909, amount_including_tax: 4.95, rate: 21.0 };
				o.debtor.address.invoice.number = 5;
			},
		],
		[
			'quantity as a string',
			(o: AnyOrder) => {
				o.orderlines[0].quantity = '2';
			},
		],
		[
			'rates without decimals',
			(o: AnyOrder) => {
				o.orderlines[0].price.rate = '21';
				o.price.tax.rate = '21.0';
			},
		],
	])('%s', (_name, change) => {
		expect(map(variant(change))).toEqual(reference);
	});

	it('splits a line over several rates into one canonical line per rate sharing sourceLineId', () => {
		const o = variant((x) => {
			x.orderlines[1].price = [
				{ amount: '2.479339', amount_including_tax: '3.00', rate: '21.00' },
				{ amount: '1.788991', amount_including_tax: '1.95', rate: '9.00' },
			];
			x.orderlines.push({
				id: 'line-3',
				type: 'article',
				quantity: 1,
				description: 'Boek',
				price: { amount: '10.000000', amount_including_tax: '10.90', rate: '9.00' },
			});
			x.price = {
				tax: [
					{ amount: '4.72', rate: '21.00' },
					{ amount: '1.06', rate: '9.00' },
				],
				total: '40.05',
			};
		});
		const c = map(o);
		const shipping = c.lines.filter((l) => l.kind === 'shipping');
		expect(shipping).toHaveLength(2);
		expect(shipping.map((l) => [l.vatRate, l.description, l.quantity, l.sourceLineId])).toEqual([
			['21', 'Verzendkosten', 1, 'line-2'],
			['9', 'Verzendkosten', 1, 'line-2'],
		]);
		expect(c.lines.filter((l) => l.kind === 'article').every((l) => l.sourceLineId === null)).toBe(
			true,
		);
		expect(c.totals.perRate).toEqual([
			{ rate: '21', vatCents: 472, inclCents: 2720 },
			{ rate: '9', vatCents: 106, inclCents: 1285 },
		]);
	});

	it('uses the deprecated debtor fields only to fill gaps in the invoice address', () => {
		const c = map(
			variant((o) => {
				o.debtor.name = 'Oude Naam';
				o.debtor.company = 'Oud BV';
				o.debtor.phone = '010-1';
				o.debtor.address.invoice.company = 'Nieuw BV';
			}),
		);
		expect([c.customer.name, c.customer.company, c.customer.phone]).toEqual([
			'Karel Klant',
			'Nieuw BV',
			'010-1',
		]);
		expect(c.customer.invoiceAddress.phone).toBe('010-1');
	});

	it('maps unknown line types to custom and fills empty descriptions', () => {
		const c = map(
			variant((o) => {
				o.orderlines[1].type = 'insurance';
				o.orderlines[0].description = '  ';
				o.orderlines[0].articles[0].description = 'Beker (artikel)';
			}),
		);
		expect(c.lines.map((l) => [l.kind, l.description])).toEqual([
			['article', 'Beker (artikel)'],
			['custom', 'Verzendkosten'],
		]);
	});

	it('normalises e-mail, VAT number and country', () => {
		const c = map(
			variant((o) => {
				o.debtor.email = '\t Karel.Klant@Example.NL ';
				o.debtor.address.invoice.taxnumber = ' nl 0012.34.567 b01';
				o.debtor.address.invoice.country_code = '';
				o.debtor.address.invoice.country = 'Nederland';
				o.debtor.address.delivery = {
					name: 'K',
					street: 'Rue',
					number: '1',
					zipcode: '1000',
					city: 'Bruxelles',
					country: 'Belgique',
					country_code: 'be',
				};
			}),
		);
		expect([c.customer.email, c.customer.emailAsGiven, c.customer.vatNumber]).toEqual([
			'karel.klant@example.nl',
			'Karel.Klant@Example.NL',
			'NL001234567B01',
		]);
		expect(c.customer.invoiceAddress.countryCode).toBe('NL');
		expect(c.customer.deliveryAddress?.countryCode).toBe('BE');
		expect(c.vat.destinationCountry).toBe('BE');
	});

	it('leaves an unknown country name as null rather than guessing', () => {
		const c = map(
			variant((o) => {
				o.debtor.address.invoice.country_code = '';
				o.debtor.address.invoice.country = 'Atlantis';
			}),
		);
		expect(c.customer.invoiceAddress.countryCode).toBeNull();
		expect(c.customer.invoiceAddress.countryName).toBe('Atlantis');
		expect(c.vat.destinationCountry).toBe('NL'); // from shipping[0].country
	});

	it('keeps date and time as sent and gives the offset of that date (DST)', () => {
		const at = (date: string, time: string) =>
			map(
				variant((o) => {
					o.date = date;
					o.time = time;
				}),
			).placedAt;
		expect(at('2025-06-01', '12:00:00')).toBe('2025-06-01T12:00:00+02:00');
		expect(at('2025-12-01', '12:00:00')).toBe('2025-12-01T12:00:00+01:00');
		expect(at('2025-10-26', '01:59:59')).toBe('2025-10-26T01:59:59+02:00');
		expect(at('2025-10-26', '03:00:00')).toBe('2025-10-26T03:00:00+01:00');
		// the repeated hour when DST ends takes the winter offset (documented in dates.ts)
		expect(at('2025-10-26', '02:30:00')).toBe('2025-10-26T02:30:00+01:00');
		// the skipped hour when DST starts does not exist; luxon moves it forward, date/time stay as sent
		const skipped = map(
			variant((o) => {
				o.date = '2025-03-30';
				o.time = '02:30:00';
			}),
		);
		expect([skipped.date, skipped.time, skipped.placedAt]).toEqual([
			'2025-03-30',
			'02:30:00',
			'2025-03-30T03:30:00+02:00',
		]);
		expect(at('2025-06-01', '12:00')).toBe('2025-06-01T12:00:00+02:00');
	});

	it('gives the same answers when the offset of an hour is remembered (dates.ts cache)', () => {
		const at = (date: string, time: string) =>
			map(
				variant((o) => {
					o.date = date;
					o.time = time;
				}),
			).placedAt;
		for (let round = 0; round < 2; round++) {
			expect(at('2025-03-30', '02:10:00')).toBe('2025-03-30T03:10:00+02:00');
			expect(at('2025-03-30', '01:59:00')).toBe('2025-03-30T01:59:00+01:00');
			expect(at('2025-03-30', '03:00:00')).toBe('2025-03-30T03:00:00+02:00');
			expect(at('2025-10-26', '02:59:59')).toBe('2025-10-26T02:59:59+01:00');
		}
		expect(at('2025-06-01', '12:59:59')).toBe('2025-06-01T12:59:59+02:00');
		expect(() =>
			map(
				variant((o) => {
					o.time = '12:75:00';
				}),
			),
		).toThrow(OrderRefusal);
	});

	it('honours another time zone from the context', () => {
		const c = toCanonicalOrder(baseOrder(), { ...ctx, timeZone: 'UTC' });
		expect([c.timeZone, c.placedAt]).toEqual(['UTC', '2025-06-01T12:00:00Z']);
	});

	it('reads status names from the table, never from fixed ids', () => {
		const shuffled = [
			{ status: 3, description: 'Verzonden' },
			{ status: 8, description: 'Betaald', credit_order: false },
		];
		const c = toCanonicalOrder(
			variant((o) => {
				o.status = '8';
			}),
			{ statuses: shuffled },
		);
		expect(c.status).toEqual({
			id: '8',
			name: 'Betaald',
			isCredit: false,
			changedAt: '2025-06-01T12:05:00+02:00',
		});
		expect(codeOf(baseOrder(), { statuses: [{ status: 4, description: 'Betaald' }] })).toBe(
			'unknown_status',
		);
	});

	it.each([
		['not an object', () => [] as unknown as AnyOrder],
		[
			'no number',
			() =>
				variant((o) => {
					delete o.number;
				}),
		],
		[
			'no orderlines',
			() =>
				variant((o) => {
					delete o.orderlines;
				}),
		],
		[
			'a line without a price',
			() =>
				variant((o) => {
					o.orderlines[0].price = [];
				}),
		],
		[
			'a line without amount_including_tax',
			() =>
				variant((o) => {
					delete o.orderlines[0].price.amount_including_tax;
				}),
		],
		[
			'an amount that is not a number',
			() =>
				variant((o) => {
					o.orderlines[0].price.amount = 'twenty';
				}),
		],
		[
			'a quantity of 0',
			() =>
				variant((o) => {
					o.orderlines[0].quantity = 0;
				}),
		],
		[
			'a fractional quantity',
			() =>
				variant((o) => {
					o.orderlines[0].quantity = 1.5;
				}),
		],
		[
			'an impossible date',
			() =>
				variant((o) => {
					o.date = '2025-02-30';
				}),
		],
		[
			'no date',
			() =>
				variant((o) => {
					delete o.date;
				}),
		],
		[
			'no total',
			() =>
				variant((o) => {
					delete o.price.total;
				}),
		],
	])('refuses malformed data: %s', (_name, make) => {
		expect(codeOf(make())).toBe('malformed_order');
	});

	it('refuses test orders, missing and invalid e-mail, and negative non-credit totals', () => {
		expect(
			codeOf(
				variant((o) => {
					o.number = 'T-5001';
				}),
			),
		).toBe('test_order');
		expect(
			codeOf(
				variant((o) => {
					delete o.debtor.email;
				}),
			),
		).toBe('missing_email');
		expect(
			codeOf(
				variant((o) => {
					o.debtor = [];
				}),
			),
		).toBe('missing_email');
		expect(
			codeOf(
				variant((o) => {
					o.debtor.email = 'klant@example';
				}),
			),
		).toBe('invalid_email');
		expect(
			codeOf(
				variant((o) => {
					o.debtor.email = 'kl ant@example.nl';
				}),
			),
		).toBe('invalid_email');
		const negative = variant((o) => {
			o.orderlines = [
				{
					id: 'x',
					type: 'article',
					quantity: 1,
					description: 'Retour',
					price: { amount: '-10.000000', amount_including_tax: '-12.10', rate: '21.00' },
				},
			];
			o.price = { tax: { amount: '-2.10', rate: '21.00' }, total: '-12.10' };
		});
		expect(codeOf(negative)).toBe('negative_total');
	});

	it('refuses with the order number, a message and a hint', () => {
		try {
			map(
				variant((o) => {
					o.debtor.email = '';
				}),
			);
			throw new Error('expected a refusal');
		} catch (e) {
			const r = e as OrderRefusal;
			expect(r.toJSON()).toMatchObject({ code: 'missing_email', orderNumber: '5001' });
			expect(r.hint).toContain('e-mail');
		}
	});

	it('rejects a context whose home country is not an EU member with known rates (configuration error)', () => {
		expect(() => toCanonicalOrder(baseOrder(), { ...ctx, homeCountry: 'US' })).toThrow(
			/homeCountry "US"/,
		);
		expect(toCanonicalOrder(baseOrder(), { ...ctx, homeCountry: 'nl' }).vat.taxCountry).toBe('NL');
	});

	it('a special VAT territory is recognised by the postcode of where the goods go (delivery, else invoice address in that country)', () => {
		const canary = {
			name: 'C',
			street: 'Calle',
			number: '1',
			zipcode: '35001',
			city: 'Las Palmas',
			country: 'Spanje',
			country_code: 'ES',
		};
		expect(
			codeOf(
				variant((o) => {
					o.debtor.address.delivery = canary;
					o.shipping = [{ country: { description: 'Spanje', isocode: 'ES' } }];
				}),
			),
		).toBe('special_vat_territory');
		expect(
			codeOf(
				variant((o) => {
					Object.assign(o.debtor.address.invoice, { zipcode: '35001', country_code: 'ES' });
					o.shipping = [{ country: { description: 'Spanje', isocode: 'ES' } }];
				}),
			),
		).toBe('special_vat_territory');
		// invoice address on the Canary Islands, goods delivered in NL: an ordinary domestic sale
		const home = variant((o) => {
			Object.assign(o.debtor.address.invoice, { zipcode: '35001', country_code: 'ES' });
		});
		expect(map(home).vat.regime).toBe('domestic');
		// picked up (no transport country): supplied in NL, not in the territory
		const pickedUp = variant((o) => {
			Object.assign(o.debtor.address.invoice, { zipcode: '35001', country_code: 'ES' });
			o.shipping = [{ country: [] }];
		});
		expect(map(pickedUp).vat.regime).toBe('domestic');
	});

	it('rejects an unknown euDistanceSales (configuration error); "oss" holds back NL VAT on a consumer sale to BE', () => {
		expect(() =>
			toCanonicalOrder(baseOrder(), { ...ctx, euDistanceSales: 'above' as never }),
		).toThrow(/euDistanceSales "above"/);
		expect(toCanonicalOrder(baseOrder(), { ...ctx, euDistanceSales: 'oss' }).vat.regime).toBe(
			'domestic',
		);
	});

	it('maps payment, archived, B2B, discount code, note and a missing payment object', () => {
		const c = map(
			variant((o) => {
				o.archived = true;
				o.business_model = 'b2b';
				o.discountcode = ' ZOMER ';
				o.comments.customer = ' Graag snel ';
				delete o.payment;
				delete o.payment_status;
			}),
		);
		expect([c.archived, c.businessModel, c.discountCode, c.customerNote]).toEqual([
			true,
			'B2B',
			'ZOMER',
			'Graag snel',
		]);
		expect(c.payment).toEqual({ method: '', gateway: '', status: '' });
		const d = map(
			variant((o) => {
				delete o.payment_status;
			}),
		);
		expect(d.payment.status).toBe('Betaling geslaagd');
	});
});
