import type { AllEntities } from 'n8n-workflow';

/** Every resource of the node with its operations: the closed list the router switches on. */
type NodeMap = {
	article: 'get' | 'getAll';
	customer: 'get' | 'searchByEmail';
	order: 'count' | 'get' | 'getAll' | 'update';
	orderStatus: 'getAll';
	paymentMethod: 'getAll';
	store: 'get';
	taxRegion: 'getAll';
};

export type MijnwebwinkelType = AllEntities<NodeMap>;
