/** Runs the operation the node is set to: resource → operation, from the closed list in node.type.ts. */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { MijnwebwinkelClient } from '../transport/client';
import * as article from './article/Article.resource';
import * as customer from './customer/Customer.resource';
import type { MijnwebwinkelOperation, MijnwebwinkelType, ResourceOperations } from './node.type';
import * as order from './order/Order.resource';
import * as orderStatus from './orderStatus/OrderStatus.resource';
import * as paymentMethod from './paymentMethod/PaymentMethod.resource';
import * as store from './store/Store.resource';
import * as taxRegion from './taxRegion/TaxRegion.resource';

const articleOperations: ResourceOperations<'article'> = article;
const customerOperations: ResourceOperations<'customer'> = customer;
const orderOperations: ResourceOperations<'order'> = order;
const orderStatusOperations: ResourceOperations<'orderStatus'> = orderStatus;
const paymentMethodOperations: ResourceOperations<'paymentMethod'> = paymentMethod;
const storeOperations: ResourceOperations<'store'> = store;
const taxRegionOperations: ResourceOperations<'taxRegion'> = taxRegion;

/** The module of an operation; undefined when the node is set to one it does not have. */
function operationModule(entity: MijnwebwinkelType): MijnwebwinkelOperation | undefined {
	switch (entity.resource) {
		case 'article':
			return articleOperations[entity.operation];
		case 'customer':
			return customerOperations[entity.operation];
		case 'order':
			return orderOperations[entity.operation];
		case 'orderStatus':
			return orderStatusOperations[entity.operation];
		case 'paymentMethod':
			return paymentMethodOperations[entity.operation];
		case 'store':
			return storeOperations[entity.operation];
		case 'taxRegion':
			return taxRegionOperations[entity.operation];
		default:
			return undefined;
	}
}

/** Each operation gets the whole batch and handles its items itself (continueOnFail per item, pairedItem). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	// a value from an old or hand-edited workflow is not in the closed list: the lookup finds no module
	const module = operationModule({ resource, operation } as MijnwebwinkelType);
	if (typeof module?.execute !== 'function') {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
			{ description: 'Choose a resource and an operation from the lists.' },
		);
	}
	const run = {
		ctx: this,
		api: new MijnwebwinkelClient(this),
		items: this.getInputData(),
		resource,
		operation,
		continueOnFail: this.continueOnFail(),
	};
	return [await module.execute(run)];
}
