/**
 * The node's closed list of resources and their operations: the router switches on it, and every operation
 * named here must have its module (TypeScript checks both ways).
 */
import type { AllEntities } from 'n8n-workflow';
import type { OperationModule, OperationRun } from '../../common/operation';
import type { FactuursturenClient } from '../transport/client';

type FactuursturenMap = {
	bookingRecord: 'buildRows' | 'migrationProgress' | 'planMigrationSlice';
	category: 'getAll';
	client:
		| 'create'
		| 'delete'
		| 'get'
		| 'getAll'
		| 'getOrCreateByEmail'
		| 'searchByEmail'
		| 'update';
	country: 'getAll';
	invoice:
		| 'create'
		| 'createFromOrder'
		| 'delete'
		| 'downloadPdf'
		| 'findByOrders'
		| 'get'
		| 'getAll'
		| 'reconcile'
		| 'registerPayment';
	product: 'create' | 'delete' | 'get' | 'getAll' | 'update';
	profile: 'getAll';
	taxRate: 'getAll';
};

export type FactuursturenType = AllEntities<FactuursturenMap>;

/** the operations of one resource, each with its module */
export type ResourceOperations<R extends keyof FactuursturenMap> = Record<
	FactuursturenMap[R],
	FactuursturenOperation
>;

export type FactuursturenRun = OperationRun<FactuursturenClient>;
export type FactuursturenOperation = OperationModule<FactuursturenClient>;
