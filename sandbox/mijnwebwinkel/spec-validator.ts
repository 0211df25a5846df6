/**
 * Validates responses against MyOnlineStore's OFFICIAL OpenAPI document (spec/openapi.json, a verbatim copy of
 * MyOnlineStore's published document converted to JSON), relaxed on a copy exactly where docs/api-readings.md lists a
 * defect of the spec. Each relaxation below names the defect it fixes; nothing else is changed.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const SPEC_PATH = join(__dirname, 'spec', 'openapi.json');

function stripExamples(node: unknown): void {
	if (Array.isArray(node)) node.forEach(stripExamples);
	else if (node && typeof node === 'object') {
		const o = node as Json;
		delete o.example;
		delete o.examples;
		Object.values(o).forEach(stripExamples);
	}
}

export const officialSpec = (): Json => JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Json;

/** the official spec with the documented defects relaxed (a fresh copy each call) */
export function relaxedSpec(): Json {
	const spec = officialSpec();
	const s = spec.components.schemas as Json;
	const taxPriceObject = { allOf: [{ type: 'object' }, { $ref: '#/components/schemas/TaxPrice' }] };
	const taxPriceVariants = {
		anyOf: [{ type: 'array', items: { $ref: '#/components/schemas/TaxPrice' } }, taxPriceObject],
	};

	// Defect 1: `oneOf: [array of TaxPrice, TaxPrice]` for order `price.tax` and `orderlines[].price`. TaxPrice
	// has no `type: object`, so an array matches both branches and oneOf rejects every array. Read it as anyOf
	// (and require the single variant to be an object, which is what the spec means).
	s.Order.properties.price.properties.tax = {
		description: s.Order.properties.price.properties.tax.description,
		...taxPriceVariants,
	};
	const detailProps = s.OrderDetail.allOf[1].properties;
	detailProps.price = taxPriceVariants;

	// Defect 2: OrderArticle requires `rate` and `amount` at the article's top level; they live in `price`.
	s.OrderArticle.allOf = s.OrderArticle.allOf.filter(
		(part: Json) => !(part.required && !part.properties && !part.$ref),
	);

	// Defect 3: OrderArticleListOption inherits `required: [list_option_id]` from the postable schema (responses
	// omit it, e.g. the "Action price" option), and its `price` is a TaxPrice object in the example but a string
	// in the schema: accept both. OrderArticle also pulls the postable option schema in through
	// OrderArticlePostable; keep that reference's other content (`required: [id]`, BaseOrderArticle) only.
	s.OrderArticle.allOf = s.OrderArticle.allOf.map((part: Json) =>
		part.$ref === '#/components/schemas/OrderArticlePostable'
			? {
					required: s.OrderArticlePostable.required,
					allOf: [{ $ref: '#/components/schemas/BaseOrderArticle' }],
				}
			: part,
	);
	s.OrderArticleListOption = {
		properties: {
			list_option_id: { type: 'integer' },
			description: { type: 'string' },
			price: { anyOf: [{ type: 'string' }, taxPriceObject] },
		},
	};

	// Defect 4: the examples carry JSON numbers (47.45, 21.0) where the schema and the live API have strings.
	// Examples are not validated, but they are dropped so no tool mistakes them for the contract.
	stripExamples(spec);

	// Defect 5: `number` is an integer in the schema but a string live ("1042", and "T-…" for test orders).
	// The same holds for the order numbers in credited_order_number / credit_order_numbers (both are seen live).
	const orderNumber = {
		anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^(T-)?[0-9]+$' }],
	};
	s.Order.properties.number = { description: 'Ordernumber', ...orderNumber };
	s.Order.properties.credited_order_number = {
		description: s.Order.properties.credited_order_number.description,
		...orderNumber,
	};
	s.Order.properties.credit_order_numbers = {
		description: s.Order.properties.credit_order_numbers.description,
		type: 'array',
		items: orderNumber,
	};

	// Defect 6: `shipping[].country` can be an empty array live (an empty PHP array).
	s.OrderShipping.properties.country = {
		anyOf: [
			{ allOf: [{ type: 'object' }, { $ref: '#/components/schemas/OrderShippingCountry' }] },
			{ type: 'array', maxItems: 0 },
		],
	};
	return spec;
}

export type SpecRoute =
	| 'orders'
	| 'order'
	| 'count'
	| 'statuses'
	| 'store'
	| 'regions'
	| 'customers'
	| 'customer'
	| 'articles'
	| 'article'
	| 'articleCount'
	| 'gateways'
	| 'storeGateways'
	| 'error'
	| 'problem';

const RESPONSES: Record<Exclude<SpecRoute, 'error' | 'problem'>, [string, string]> = {
	orders: ['/v{version}/orders', 'get'],
	order: ['/v{version}/orders/{order_number}', 'get'],
	count: ['/v{version}/orders/count', 'get'],
	statuses: ['/v{version}/orderstatuses', 'get'],
	store: ['/v{version}/store', 'get'],
	regions: ['/v{version}/tax-policy/regions', 'get'],
	customers: ['/v{version}/customers', 'get'],
	customer: ['/v{version}/customers/{customerId}', 'get'],
	articles: ['/v{version}/articles', 'get'],
	article: ['/v{version}/articles/{article_id}', 'get'],
	articleCount: ['/v{version}/articles/count', 'get'],
	gateways: ['/v{version}/payment/gateways', 'get'],
	storeGateways: ['/v{version}/payment/stores/{store}/gateways', 'get'],
};

export interface SpecValidator {
	/** null when valid, else ajv's errors as readable lines */
	check(route: SpecRoute, body: unknown): string[] | null;
	/** the PATCH /orders/{n} answer is the same Order schema */
	spec: Json;
}

/** `relaxed: false` validates against the spec exactly as published (to show which defects bite) */
export function createSpecValidator(options: { relaxed?: boolean } = {}): SpecValidator {
	const spec = options.relaxed === false ? officialSpec() : relaxedSpec();
	// strict: false: the document is OpenAPI 3.0 (nullable, readOnly, deprecated, numeric bounds on strings).
	const ajv = new Ajv({ strict: false, allErrors: true });
	addFormats(ajv);
	// formats the spec names that JSON Schema does not define
	ajv.addFormat('vat-number', /^[A-Z]{2}[0-9A-Z+*.]{2,13}$/);
	ajv.addFormat('float', /^-?\d+(\.\d+)?$/);
	ajv.addFormat('iban', /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/);
	ajv.addFormat('base64', /^[A-Za-z0-9+/]*={0,2}$/);
	// OpenAPI 3.0 does not define `time`; JSON Schema's (RFC 3339 full-time) demands an offset, while the spec's
	// own example is local "09:11:25". Read it the spec's way.
	ajv.addFormat('time', /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/);
	ajv.addSchema({ $id: 'mww', components: spec.components }, 'mww');
	const rewrite = (schema: unknown): unknown =>
		JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"mww#/components/'));
	const validators = new Map<SpecRoute, ValidateFunction>();
	for (const [route, [path, method]] of Object.entries(RESPONSES) as Array<
		[SpecRoute, [string, string]]
	>) {
		let schema = spec.paths[path][method].responses['200'].content['application/json']
			.schema as Json;
		// The spec says tax-policy/regions answers a bare array; live it is {"regions": [...]} (docs/api-readings.md).
		// This is the one shape outside the defect list of docs/api-readings.md: the items are still checked against the spec.
		if (route === 'regions')
			schema = { type: 'object', required: ['regions'], properties: { regions: schema } };
		validators.set(route, ajv.compile(rewrite(schema) as Json));
	}
	validators.set(
		'error',
		ajv.compile({
			allOf: [
				{ type: 'object', required: ['code', 'message'] },
				{ $ref: 'mww#/components/schemas/Error' },
			],
		}),
	);
	validators.set(
		'problem',
		ajv.compile({
			allOf: [
				{ type: 'object', required: ['title', 'status'] },
				{ $ref: 'mww#/components/schemas/ApiProblem' },
			],
		}),
	);
	return {
		spec,
		check(route, body) {
			const v = validators.get(route)!;
			if (v(body)) return null;
			return (v.errors ?? []).map(
				(e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
			);
		},
	};
}
