/** Product → Create, Get, Get Many, Update, Delete. */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { forEachItem, type RunContext } from '../../helpers/items';
import { asArray, createdId, normalizeRecord } from '../../helpers/normalize';
import { segment } from '../../transport/client';
import { decimalText } from '../invoice/create';

function productBody(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === '' || value === undefined || value === null) continue;
		body[key] = value;
	}
	if (body.price !== undefined) body.price = decimalText(body.price, 'Price');
	if (body.taxes !== undefined) body.taxes = decimalText(body.taxes, 'VAT rate');
	if (typeof body.code === 'string' && [...body.code].length > 20)
		throw new Error('Code: at most 20 characters');
	return body;
}

function withInputError<T>(rc: RunContext, i: number, build: () => T): T {
	try {
		return build();
	} catch (error) {
		throw new NodeOperationError(rc.ctx.getNode(), (error as Error).message, {
			itemIndex: i,
			description:
				'Prices are decimals with a dot (e.g. 120.00, at most 3 decimals); the VAT rate must exist in the account.',
		});
	}
}

async function fetchProduct(rc: RunContext, id: string, i: number): Promise<IDataObject> {
	const body = await rc.api.get(`/products/${segment(id)}`, undefined, i, {
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
		throw new NodeOperationError(rc.ctx.getNode(), `Product ${id} was not found in Factuursturen`, {
			itemIndex: i,
		});
	}
	return product as IDataObject;
}

export async function createProduct(rc: RunContext) {
	return await forEachItem(rc, async (i) => {
		const fields = {
			...(rc.ctx.getNodeParameter('additionalFields', i, {}) as IDataObject),
			name: rc.ctx.getNodeParameter('name', i),
			price: rc.ctx.getNodeParameter('price', i),
			taxes: rc.ctx.getNodeParameter('taxes', i),
		};
		const body = withInputError(rc, i, () => productBody(fields));
		const response = await rc.api.request({ method: 'POST', path: '/products', body }, i);
		return { id: createdId(response.body), ...normalizeRecord(body) };
	});
}

export async function getProduct(rc: RunContext) {
	return await forEachItem(rc, async (i) =>
		normalizeRecord(
			await fetchProduct(rc, String(rc.ctx.getNodeParameter('productId', i)).trim(), i),
		),
	);
}

export async function getManyProducts(rc: RunContext) {
	let list: IDataObject[] | null = null;
	return await forEachItem(rc, async (i) => {
		const returnAll = rc.ctx.getNodeParameter('returnAll', i) as boolean;
		const limit = returnAll ? Infinity : (rc.ctx.getNodeParameter('limit', i) as number);
		list ??= asArray(await rc.api.get('/products', undefined, i));
		return list.slice(0, limit).map((p) => normalizeRecord(p));
	});
}

export async function updateProduct(rc: RunContext) {
	return await forEachItem(rc, async (i) => {
		const id = String(rc.ctx.getNodeParameter('productId', i)).trim();
		const updates = withInputError(rc, i, () =>
			productBody(rc.ctx.getNodeParameter('updateFields', i, {}) as IDataObject),
		);
		if (Object.keys(updates).length === 0) {
			throw new NodeOperationError(rc.ctx.getNode(), 'No fields to update', {
				itemIndex: i,
				description: 'Add at least one field under Update Fields.',
			});
		}
		const current = await fetchProduct(rc, id, i);
		const body: IDataObject = { ...current, ...updates };
		delete body.id;
		await rc.api.request({ method: 'PUT', path: `/products/${segment(id)}`, body }, i);
		return { id, ...normalizeRecord(body) };
	});
}

export async function deleteProduct(rc: RunContext) {
	return await forEachItem(rc, async (i) => {
		const id = String(rc.ctx.getNodeParameter('productId', i)).trim();
		await rc.api.request(
			{
				method: 'DELETE',
				path: `/products/${segment(id)}`,
				hint: `Product ${id} does not exist in Factuursturen.`,
			},
			i,
		);
		return { deleted: true, id };
	});
}
