import type { INodeProperties } from 'n8n-workflow';
import { articleFields, articleOperations } from './article';
import { requestOptionsField } from './common';
import { customerFields, customerOperations } from './customer';
import { orderFields, orderOperations } from './order';
import { orderStatusFields, orderStatusOperations } from './orderStatus';
import { paymentMethodFields, paymentMethodOperations } from './paymentMethod';
import { resourceField } from './resource';
import { storeOperations } from './store';
import { taxRegionOperations } from './taxRegion';

export const properties: INodeProperties[] = [
	resourceField,
	orderOperations,
	orderStatusOperations,
	paymentMethodOperations,
	customerOperations,
	articleOperations,
	storeOperations,
	taxRegionOperations,
	...orderFields,
	...orderStatusFields,
	...paymentMethodFields,
	...customerFields,
	...articleFields,
	requestOptionsField,
];
