/** The account's reference lists (Tax Rate, Category, Country, Profile): four resources, each with Get Many only. */
import type { INodeProperties } from 'n8n-workflow';
import * as getAll from './getAll.operation';

export { getAll };

const plural: Record<(typeof getAll.LOOKUP_RESOURCES)[number], string> = {
	taxRate: 'tax rates',
	category: 'categories',
	country: 'countries',
	profile: 'profiles',
};

export const description: INodeProperties[] = [
	...getAll.LOOKUP_RESOURCES.map(
		(resource): INodeProperties => ({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: [{ name: 'Get Many', value: 'getAll', action: `Get many ${plural[resource]}` }],
			default: 'getAll',
		}),
	),
	...getAll.description,
];
