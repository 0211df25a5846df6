/**
 * Products (`/products`): not needed for invoicing (lines are free-form) but part of the API. Shape and
 * typing of the captured product (fs_api-product.json): `price` excl. VAT with at most 3 decimals,
 * `taxes` a percentage of the account, `priceintax` computed when not given.
 */
import { divRound as roundDiv } from '../common/decimal';
import { exact, parseRate, rateText, trimmed } from './arithmetic';
import { HOME_COUNTRY, type TaxSetting } from './defaults';
import { ApiError, text, type Obj } from './values';

export const PRODUCT_KEYS = ['id', 'code', 'name', 'price', 'taxes', 'priceintax'] as const;
export type Product = Record<(typeof PRODUCT_KEYS)[number], string>;

export function applyProduct(
	existing: Product | undefined,
	id: string,
	body: Obj,
	taxes: readonly TaxSetting[],
): Product {
	const product: Product = existing
		? { ...existing }
		: { id, code: '', name: '', price: '', taxes: '', priceintax: '' };
	const code = text(body, 'code', 20);
	if (code !== undefined) product.code = code;
	const name = text(body, 'name', 255);
	if (name !== undefined) product.name = name;
	if (product.name === '') throw new ApiError('name is required for a product');
	if (body.price !== undefined) product.price = trimmed(exact(body.price, 3, 'price'), 3);
	if (product.price === '')
		throw new ApiError('price is required for a product (excl. VAT, at most 3 decimals)');
	if (body.taxes !== undefined) {
		const rate = parseRate(body.taxes, 'taxes');
		if (!taxes.some((t) => t.country === HOME_COUNTRY && Math.round(t.percentage * 100) === rate)) {
			throw new ApiError(`taxes: ${rateText(rate)}% is not a VAT percentage set in this account`);
		}
		product.taxes = rateText(rate);
	}
	if (product.taxes === '')
		throw new ApiError('taxes is required for a product (a VAT percentage of this account)');
	const priceintax = body.priceintax;
	if (priceintax !== undefined && priceintax !== '') {
		product.priceintax = trimmed(exact(priceintax, 3, 'priceintax'), 3);
	} else if (body.price !== undefined || body.taxes !== undefined || !existing) {
		const price = exact(product.price, 3, 'price');
		const rate = parseRate(product.taxes, 'taxes');
		// price (3 dp) × (1 + rate/100), rounded to cents
		product.priceintax = trimmed(roundDiv(BigInt(price) * BigInt(10_000 + rate), 10n * 10_000n), 2);
	}
	return product;
}
