/**
 * The node's closed list of resources and their operations: the router switches on it, and every operation
 * named here must have its module.
 */
import type { AllEntities } from 'n8n-workflow';
import type { OperationModule, OperationRun } from '../../common/operation';
import type { MijnwebwinkelClient } from '../transport/client';

type MijnwebwinkelMap = {
	article: 'get' | 'getAll';
	customer: 'get' | 'searchByEmail';
	order: 'count' | 'get' | 'getAll' | 'update';
	orderStatus: 'getAll';
	paymentMethod: 'getAll';
	store: 'get';
	taxRegion: 'getAll';
};

export type MijnwebwinkelType = AllEntities<MijnwebwinkelMap>;

/** the operations of one resource, each with its module */
export type ResourceOperations<R extends keyof MijnwebwinkelMap> = Record<
	MijnwebwinkelMap[R],
	MijnwebwinkelOperation
>;

export type MijnwebwinkelRun = OperationRun<MijnwebwinkelClient>;
export type MijnwebwinkelOperation = OperationModule<MijnwebwinkelClient>;
