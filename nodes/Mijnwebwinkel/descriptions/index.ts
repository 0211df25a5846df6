import type { INodeProperties } from 'n8n-workflow';
import { articleFields, articleOperations } from './article';
import { requestOptionsField } from './common';
import { customerFields, customerOperations } from './customer';
import { orderFields, orderOperations } from './order';
import { orderStatusFields, orderStatusOperations } from './orderStatus';
import { resourceField } from './resource';
import { storeOperations } from './store';
import { taxRegionOperations } from './taxRegion';

export const properties: INodeProperties[] = [
	resourceField,
	orderOperations,
	orderStatusOperations,
	customerOperations,
	articleOperations,
	storeOperations,
	taxRegionOperations,
	...orderFields,
	...orderStatusFields,
	...customerFields,
	...articleFields,
	requestOptionsField,
];
