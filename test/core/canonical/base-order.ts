/** A small, internally consistent Mijnwebwinkel order for unit tests; each test changes what it is about. */
import type { MijnwebwinkelContext } from '../../../core/mijnwebwinkel/to-canonical';

export const statuses: MijnwebwinkelContext['statuses'] = [
	{ status: 1, description: 'Bestelling in behandeling', credit_order: false },
	{ status: 3, description: 'Betaald', credit_order: false },
	{ status: 10, description: 'Gecrediteerd', credit_order: true },
];
export const ctx: MijnwebwinkelContext = { statuses };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOrder = Record<string, any>;

/** 2 × 12.10 at 21 % + 4.95 shipping at 21 % = 29.15, VAT 5.06 */
export function baseOrder(): AnyOrder {
	return {
		number: '5001',
		uuid: '11111111-2222-4333-8444-555555555555',
		date: '2025-06-01',
		time: '12:00:00',
		status: 3,
		status_changed_date: '2025-06-01',
		status_changed_time: '12:05:00',
		archived: false,
		currency: 'EUR',
		business_model: 'B2C',
		tax_region: 'NL',
		tax_strategy: '',
		discountcode: '',
		credited_order_number: null,
		comments: { customer: '', internal: '' },
		payment_status: 'captured',
		payment: {
			gateway_name: 'mollie',
			method_name: 'ideal',
			status: { id: 1, text: 'Betaling geslaagd' },
		},
		debtor: {
			id: null,
			email: 'klant@example.nl',
			address: {
				invoice: {
					name: 'Karel Klant',
					company: '',
					phone: '',
					street: 'Dorpsweg',
					number: '5',
					zipcode: '1234 AB',
					city: 'Ergens',
					country: 'Nederland',
					country_code: 'NL',
					taxnumber: '',
				},
			},
		},
		price: { tax: { amount: '5.06', rate: '21.00' }, total: '29.15' },
		orderlines: [
			{
				id: 'line-1',
				type: 'article',
				quantity: 2,
				description: 'Beker',
				price: { amount: '20.000000', amount_including_tax: '24.20', rate: '21.00' },
				articles: [
					{
						id: 1,
						sku: 'BEK',
						description: 'Beker',
						price: { amount: '10.000000', rate: '21.00' },
						options: [],
					},
				],
			},
			{
				id: 'line-2',
				type: 'shipping',
				quantity: 1,
				description: 'Verzendkosten',
				price: { amount: '4.090909', amount_including_tax: '4.95', rate: '21.00' },
			},
		],
		shipping: [{ country: { description: 'Nederland', isocode: 'NL' } }],
	};
}
