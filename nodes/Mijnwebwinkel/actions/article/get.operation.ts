import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { forEachItem } from '../../helpers/forEachItem';
import { asObject } from '../../helpers/items';
import { requiredText } from '../../helpers/parameters';
import type { MijnwebwinkelRun } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'Article ID',
		name: 'articleId',
		type: 'string',
		required: true,
		default: '',
		description: "The article's numeric ID",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['article'], operation: ['get'] } },
	properties,
);

export async function execute(run: MijnwebwinkelRun) {
	return await forEachItem(run, async (i) => {
		const id = requiredText(run, 'articleId', i, {
			message: 'No article ID given',
			description: "Enter the article's numeric ID.",
		});
		const article = await run.api.request(
			{
				method: 'GET',
				path: `/v1/articles/${encodeURIComponent(id)}`,
				qs: { use_url_id: 'false' },
			},
			i,
		);
		return [asObject(article)];
	});
}
