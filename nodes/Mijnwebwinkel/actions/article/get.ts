import { NodeOperationError } from 'n8n-workflow';
import { mijnwebwinkelRequest } from '../../transport/request';
import { asObject, toItems } from '../items';
import type { Operation } from '../types';

export const getArticle: Operation = async function (c) {
	const id = String(this.getNodeParameter('articleId', c.itemIndex, '') ?? '').trim();
	if (!id) {
		throw new NodeOperationError(this.getNode(), 'No article ID given', {
			itemIndex: c.itemIndex,
			description: "Enter the article's numeric ID.",
		});
	}
	const article = await mijnwebwinkelRequest.call(
		this,
		{ method: 'GET', path: `/v1/articles/${encodeURIComponent(id)}`, qs: { use_url_id: 'false' } },
		c.policy,
		c.itemIndex,
	);
	return toItems([asObject(article)], c.itemIndex);
};
