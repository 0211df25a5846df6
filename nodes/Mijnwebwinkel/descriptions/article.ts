import type { INodeProperties } from 'n8n-workflow';
import { limitField, returnAllField } from './common';

export const articleOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['article'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get an article',
			description: 'Get one article (product) by ID',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many articles',
			description: 'Get articles (products)',
		},
	],
	default: 'getAll',
};

export const articleFields: INodeProperties[] = [
	{
		displayName: 'Article ID',
		name: 'articleId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { resource: ['article'], operation: ['get'] } },
		description: "The article's numeric ID",
	},
	returnAllField('article', 'getAll'),
	limitField('article', 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { resource: ['article'], operation: ['getAll'] } },
		options: [
			{
				displayName: 'Changed Since',
				name: 'changedSince',
				type: 'dateTime',
				default: '',
				description: 'Articles changed at or after this moment (shop time, Europe/Amsterdam)',
			},
			{
				displayName: 'Changed Until',
				name: 'changedUntil',
				type: 'dateTime',
				default: '',
				description:
					'Articles changed at or before this moment; a date alone means the end of that day',
			},
		],
	},
];
