/** Runs the operation the node is set to: resource → operation, from the closed list in node.type.ts. */
import { NodeOperationError, type INodeExecutionData } from 'n8n-workflow';
import * as bookingRecord from './bookingRecord/BookingRecord.resource';
import * as client from './client/Client.resource';
import * as invoice from './invoice/Invoice.resource';
import * as lookup from './lookup/Lookup.resource';
import type {
	FactuursturenOperation,
	FactuursturenRun,
	FactuursturenType,
	ResourceOperations,
} from './node.type';
import * as product from './product/Product.resource';

const bookingRecordOperations: ResourceOperations<'bookingRecord'> = bookingRecord;
const clientOperations: ResourceOperations<'client'> = client;
const invoiceOperations: ResourceOperations<'invoice'> = invoice;
const productOperations: ResourceOperations<'product'> = product;
const lookupOperations: ResourceOperations<'taxRate'> = lookup;

/** The module of an operation; undefined when the node is set to one this version does not know. */
function operationModule(entity: FactuursturenType): FactuursturenOperation | undefined {
	switch (entity.resource) {
		case 'bookingRecord':
			return bookingRecordOperations[entity.operation];
		case 'client':
			return clientOperations[entity.operation];
		case 'invoice':
			return invoiceOperations[entity.operation];
		case 'product':
			return productOperations[entity.operation];
		case 'category':
		case 'country':
		case 'profile':
		case 'taxRate':
			return lookupOperations[entity.operation];
		default:
			return undefined;
	}
}

/**
 * Each operation gets the whole batch (continueOnFail per item, pairedItem on every output): the integration
 * operations need it for their single bulk requests.
 */
export async function router(
	run: Omit<FactuursturenRun, 'resource' | 'operation'>,
): Promise<INodeExecutionData[]> {
	const resource = run.ctx.getNodeParameter('resource', 0) as string;
	const operation = run.ctx.getNodeParameter('operation', 0) as string;
	// a value from an old or hand-edited workflow is not in the closed list: the lookup finds no module
	const module = operationModule({ resource, operation } as FactuursturenType);
	if (typeof module?.execute !== 'function') {
		throw new NodeOperationError(
			run.ctx.getNode(),
			`The operation "${operation}" is not known for resource "${resource}"`,
		);
	}
	return await module.execute({ ...run, resource, operation });
}
