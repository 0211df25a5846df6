import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import type { OperationModule } from '../../common/operation';
import { MijnwebwinkelClient } from '../transport/client';
import * as article from './article/Article.resource';
import * as customer from './customer/Customer.resource';
import type { MijnwebwinkelType } from './node.type';
import * as order from './order/Order.resource';
import * as orderStatus from './orderStatus/OrderStatus.resource';
import * as paymentMethod from './paymentMethod/PaymentMethod.resource';
import * as store from './store/Store.resource';
import * as taxRegion from './taxRegion/TaxRegion.resource';

type Module = OperationModule<MijnwebwinkelClient>;

/** The module of a resource and operation, or undefined for a pair the node does not have. */
function moduleOf({ resource, operation }: MijnwebwinkelType): Module | undefined {
	switch (resource) {
		case 'article':
			return article[operation];
		case 'customer':
			return customer[operation];
		case 'order':
			return order[operation];
		case 'orderStatus':
			return orderStatus[operation];
		case 'paymentMethod':
			return paymentMethod[operation];
		case 'store':
			return store[operation];
		case 'taxRegion':
			return taxRegion[operation];
		default:
			return undefined;
	}
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	// parameters of a workflow are data: a pair outside the list ends here, not in a property lookup
	const module = moduleOf({ resource, operation } as MijnwebwinkelType);
	if (!module || typeof module.execute !== 'function') {
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
