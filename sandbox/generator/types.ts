/** Types of the generated shop. Order shapes are the API's own (snake_case, decimal strings, varying shapes). */
import type { MwwStatus } from './statuses';

export interface MwwTaxPrice {
	amount: string;
	amount_including_tax?: string;
	rate: string;
}

export interface MwwAddress {
	gender?: string;
	name: string;
	company?: string;
	phone?: string;
	street?: string;
	number?: string;
	zipcode: string;
	city?: string;
	country?: string;
	country_code?: string;
	taxnumber?: string;
	bankaccount?: string;
}

export interface MwwOrderLine {
	id: string;
	type: 'article' | 'custom' | 'shipping' | 'payment' | 'discount';
	quantity: number;
	weight?: string;
	description?: string;
	price: MwwTaxPrice | MwwTaxPrice[];
	articles?: Array<{
		id: number;
		sku?: string;
		description: string;
		price: { amount: string; rate: string; purchase_price?: string };
		options?: Array<{
			list_option_id?: number;
			description: string;
			price: { amount: string; rate: string };
		}>;
	}>;
}

export interface MwwOrder {
	number: string | number;
	uuid: string;
	date: string;
	time: string;
	status: number;
	status_changed_date: string;
	status_changed_time: string;
	archived: boolean;
	debtor: {
		id?: string;
		email: string;
		address: { invoice: MwwAddress; delivery?: MwwAddress };
		[deprecated: string]: unknown;
	};
	price: { tax: MwwTaxPrice | MwwTaxPrice[]; total: string };
	orderlines: MwwOrderLine[];
	shipping: Array<{ country: { description: string; isocode: string } | [] }>;
	credited_order_number?: string | number;
	credit_order_numbers?: Array<string | number>;
	tax_region: string;
	tax_strategy: '' | 'zero_percent' | 'reverse_charged_vat';
	business_model: 'B2C' | 'B2B';
	comments: { customer?: string; internal?: string };
	[other: string]: unknown;
}

/** A Factuursturen client the Factuursturen sandbox can preload (values as Factuursturen stores them). */
export interface FactuursturenClientSeed {
	contact: string;
	company: string;
	address: string;
	zipcode: string;
	city: string;
	/** Factuursturen country id, e.g. "146" for NL */
	country: string;
	email: string;
	taxnumber: string;
	tax_type: 'extax' | 'intax';
	/** "true" for EU business customers abroad (reverse charge), absent otherwise */
	tax_shifted?: 'true';
}

/** Share of each order kind; they need not add up to 1 (they are weights). */
export interface OrderMix {
	/** NL consumer, NL VAT */
	domestic: number;
	/** NL business with an NL VAT number, NL VAT */
	domesticB2B: number;
	/** EU consumer charged Dutch VAT (below the OSS threshold), tax_region NL */
	euHomeVat: number;
	/** EU consumer, destination-country VAT (One-Stop-Shop), tax_region = destination */
	oss: number;
	/** EU business with a VAT number, 0 %, tax_strategy reverse_charged_vat */
	reverseCharge: number;
	/** reverse charge WITHOUT a VAT number: a problem case that must be refused */
	reverseChargeNoVat: number;
	/** outside the EU, 0 %, tax_strategy zero_percent */
	export: number;
	/** T- numbered test orders, only listed with test=true */
	test: number;
	/** credit orders of earlier orders */
	credit: number;
}

export type OrderKind = keyof OrderMix;

/** Features an order can carry; `categories` maps each to the order numbers (as strings) that have it. */
export type ShopCategory =
	| OrderKind
	| 'invoiceable'
	| 'not_invoiceable'
	| 'archived'
	| 'mixed_rates'
	| 'three_rates'
	| 'zero_rate_line'
	| 'shipping_line'
	| 'shipping_split'
	| 'payment_line'
	| 'payment_split'
	| 'discount'
	| 'action_price'
	| 'custom_line'
	| 'article_options'
	| 'accents'
	| 'apostrophe'
	| 'long_company'
	| 'long_street'
	| 'long_zipcode'
	| 'long_phone'
	| 'email_case'
	| 'email_whitespace'
	| 'repeat_customer'
	| 'registered_customer'
	| 'guest'
	| 'vat_number'
	| 'number_int'
	| 'number_string'
	| 'tax_object'
	| 'tax_array'
	| 'line_price_object'
	| 'line_price_array'
	| 'line_price_array_single'
	| 'country_empty'
	| 'delivery_absent'
	| 'delivery_present'
	| 'credited';

export interface GenerateShopOptions {
	seed?: number;
	/** total number of orders, test and credit orders included (default 200) */
	orderCount?: number;
	/** 'YYYY-MM-DD', the last day orders can fall on (default '2026-03-31'), Europe/Amsterdam local */
	today?: string;
	/** orders spread over `days` days up to and including `today` (default 60) */
	days?: number;
	/** the status table whose ids orders carry (default: defaultStatuses()) */
	statuses?: MwwStatus[];
	mix?: Partial<OrderMix>;
}

export interface MwwCustomer {
	id: string;
	storeId: string;
	email: string;
	firstName: string | null;
	lastName: string | null;
	dateOfBirth: string | null;
	description: string | null;
	addresses: Array<Record<string, unknown>>;
}

export interface MwwArticle {
	id: number;
	uuid: string;
	name: string;
	[field: string]: unknown;
}

export interface GeneratedShop {
	seed: number;
	today: string;
	/** first day of the date range */
	from: string;
	statuses: MwwStatus[];
	/** API shape, sorted by number, test orders last */
	orders: MwwOrder[];
	articles: MwwArticle[];
	customers: MwwCustomer[];
	store: Record<string, unknown>;
	regions: Array<Record<string, unknown>>;
	existingDebtors: FactuursturenClientSeed[];
	categories: Record<ShopCategory, string[]>;
}
