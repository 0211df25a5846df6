/** Tax Rate, Category, Country, Profile → Get Many: the account's reference lists (fetched once per execution). */
import type { IDataObject } from 'n8n-workflow';
import { forEachItem, type RunContext } from '../../helpers/items';
import { asArray, normalizeRecord } from '../../helpers/normalize';
import { segment } from '../../transport/client';

const PATHS: Record<string, string> = {
	taxRate: '/taxes',
	category: '/categories',
	profile: '/profiles',
};

export async function getManyLookup(rc: RunContext) {
	const cache = new Map<string, IDataObject[]>();
	return await forEachItem(rc, async (i) => {
		const path =
			rc.resource === 'country'
				? `/countrylist/${segment(String(rc.ctx.getNodeParameter('language', i, 'nl')))}`
				: PATHS[rc.resource];
		if (!cache.has(path)) cache.set(path, asArray(await rc.api.get(path, undefined, i)));
		const returnAll = rc.ctx.getNodeParameter('returnAll', i) as boolean;
		const limit = returnAll ? Infinity : (rc.ctx.getNodeParameter('limit', i) as number);
		return cache
			.get(path)!
			.slice(0, limit)
			.map((r) => normalizeRecord(r));
	});
}
