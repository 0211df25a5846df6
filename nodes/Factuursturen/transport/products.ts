/** Factuursturen's product endpoints. */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import type { FactuursturenRun } from '../actions/node.type';
import { asArray, createdId } from '../helpers/normalize';
import { segment } from './client';

export async function fetchProduct(
	run: FactuursturenRun,
	id: string,
	itemIndex: number,
): Promise<IDataObject> {
	const body = await run.api.get(`/products/${segment(id)}`, undefined, itemIndex, {
		hint: `Product ${id} does not exist in Factuursturen.`,
	});
	const product =
		body && typeof body === 'object' && !Array.isArray(body)
			? ((body as IDataObject).product ?? body)
			: undefined;
	if (
		!product ||
		typeof product !== 'object' ||
		Array.isArray(product) ||
		!('id' in (product as IDataObject))
	) {
		throw new NodeOperationError(
			run.ctx.getNode(),
			`Product ${id} was not found in Factuursturen`,
			{
				itemIndex,
			},
		);
	}
	return product as IDataObject;
}

export async function listProducts(
	run: FactuursturenRun,
	itemIndex: number,
): Promise<IDataObject[]> {
	return asArray(await run.api.get('/products', undefined, itemIndex));
}

/** POST /products → the new product's id (or null when the answer holds none). */
export async function postProduct(
	run: FactuursturenRun,
	body: IDataObject,
	itemIndex: number,
): Promise<string | null> {
	const response = await run.api.request({ method: 'POST', path: '/products', body }, itemIndex);
	return createdId(response.body);
}

export async function putProduct(
	run: FactuursturenRun,
	id: string,
	body: IDataObject,
	itemIndex: number,
): Promise<void> {
	await run.api.request({ method: 'PUT', path: `/products/${segment(id)}`, body }, itemIndex);
}

export async function deleteProduct(
	run: FactuursturenRun,
	id: string,
	itemIndex: number,
): Promise<void> {
	await run.api.request(
		{
			method: 'DELETE',
			path: `/products/${segment(id)}`,
			hint: `Product ${id} does not exist in Factuursturen.`,
		},
		itemIndex,
	);
}
