/**
 * Builds an n8n workflow's nodes and connections: one builder per workflow, so building one template twice (or two
 * templates one after the other) gives the same file each time.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

export type Json = Record<string, unknown>;
export type Connections = Record<
	string,
	{ main: Array<Array<{ node: string; type: 'main'; index: number }>> }
>;
type FieldType = 'string' | 'number' | 'boolean' | 'array' | 'object';

/** Stable uuid-shaped ids, so regenerating the template gives the same file. */
export function idFor(seed: string): string {
	const h = createHash('sha256').update(seed).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface Builder {
	readonly nodes: Json[];
	readonly connections: Connections;
	node(
		name: string,
		type: string,
		typeVersion: number,
		position: [number, number],
		parameters: Json,
		extra?: Json,
	): void;
	connect(from: string, to: string, fromOutput?: number, toInput?: number): void;
	/** A Set node (v3.4) with these assignments; a strict one stops on a value that does not convert to its type. */
	set(
		name: string,
		position: [number, number],
		fields: Json[],
		options?: { ignoreConversionErrors?: boolean; extra?: Json },
	): void;
	/** One Set node assignment; its id counts the assignments made so far, so each is unique. */
	field(name: string, value: unknown, type?: FieldType): Json;
	sticky(
		name: string,
		position: [number, number],
		width: number,
		height: number,
		content: string,
		color?: number,
	): void;
}

export function createBuilder(): Builder {
	const nodes: Json[] = [];
	const connections: Connections = {};
	let assignments = 0;
	const node: Builder['node'] = (name, type, typeVersion, position, parameters, extra = {}) => {
		nodes.push({ parameters, id: idFor(name), name, type, typeVersion, position, ...extra });
	};
	return {
		nodes,
		connections,
		node,
		connect(from, to, fromOutput = 0, toInput = 0) {
			const c = (connections[from] ??= { main: [] });
			while (c.main.length <= fromOutput) c.main.push([]);
			c.main[fromOutput].push({ node: to, type: 'main', index: toInput });
		},
		set(name, position, fields, { ignoreConversionErrors = true, extra } = {}) {
			node(
				name,
				'n8n-nodes-base.set',
				3.4,
				position,
				setParams(fields, ignoreConversionErrors),
				extra,
			);
		},
		field(name, value, type = 'string') {
			return { id: idFor(`assignment-${++assignments}-${name}`), name, value, type };
		},
		sticky(name, position, width, height, content, color = 7) {
			node(name, 'n8n-nodes-base.stickyNote', 1, position, { content, height, width, color });
		},
	};
}

function setParams(fields: Json[], ignoreConversionErrors = true): Json {
	return { assignments: { assignments: fields }, options: { ignoreConversionErrors } };
}

/** If v2.2 on a boolean expression */
export function ifParams(expression: string): Json {
	return {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
			conditions: [
				{
					id: idFor(expression),
					leftValue: expression,
					rightValue: '',
					operator: { type: 'boolean', operation: 'true', singleValue: true },
				},
			],
			combinator: 'and',
		},
		looseTypeValidation: true,
		options: {},
	};
}

export function switchRule(key: string, expression: string): Json {
	return {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
			conditions: [
				{
					id: idFor(`rule-${key}`),
					leftValue: expression,
					rightValue: '',
					operator: { type: 'boolean', operation: 'true', singleValue: true },
				},
			],
			combinator: 'and',
		},
		renameOutput: true,
		outputKey: key,
	};
}

/** The workflow JSON as committed: two-space indent, one final newline. */
export function jsonText(workflow: Json): string {
	return `${JSON.stringify(workflow, null, 2)}\n`;
}

/** A workflow as n8n exports it, not published, without pinned data or tags; `settings` adds to the shared ones. */
export function workflowFile(id: string, name: string, b: Builder, settings: Json = {}): Json {
	return {
		id,
		name,
		nodes: b.nodes,
		connections: b.connections,
		settings: {
			executionOrder: 'v1',
			timezone: 'Europe/Amsterdam',
			saveManualExecutions: true,
			...settings,
		},
		pinData: {},
		active: false,
		meta: { templateCredsSetupCompleted: false },
		tags: [],
	};
}

/** `npm run template`: writes a workflow's JSON next to its source. */
export function writeWorkflowFile(file: string, text: string): void {
	fs.writeFileSync(file, text);
	process.stdout.write(`wrote ${file}\n`);
}
