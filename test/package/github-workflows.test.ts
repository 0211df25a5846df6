/** The GitHub workflows do what the README promises: CI runs `.ci/run`; a version tag publishes with npm provenance. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '..', '..');
interface Step {
	run?: string;
	uses?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
const load = (name: string) =>
	parse(fs.readFileSync(path.join(root, '.github', 'workflows', name), 'utf8')) as {
		on: Record<string, { tags?: string[] } | null>;
		permissions: Record<string, string>;
		jobs: Record<string, { steps: Step[] }>;
	};

test('CI runs the suite the way .ci/run does, on pushes and pull requests', () => {
	const ci = load('ci.yml');
	expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
	const steps = Object.values(ci.jobs).flatMap((j) => j.steps);
	expect(steps.map((s) => s.run).filter(Boolean)).toEqual(['bash .ci/run']);
	expect(fs.existsSync(path.join(root, '.ci', 'run'))).toBe(true);
});

test('a version tag publishes with provenance, after the tests, when the tag matches package.json', () => {
	const pub = load('publish.yml');
	expect(pub.on.push?.tags?.length).toBeGreaterThan(0);
	for (const tag of pub.on.push!.tags!) expect(tag).toMatch(/\[0-9\]\+\\?\.\[0-9\]\+/);
	expect(pub.permissions['id-token']).toBe('write');
	const steps = Object.values(pub.jobs).flatMap((j) => j.steps);
	const runs = steps.map((s) => s.run ?? '');
	const publish = runs.findIndex((r) => /npm publish/.test(r));
	expect(runs[publish]).toContain('--provenance');
	expect(runs.findIndex((r) => /npm test/.test(r))).toBeLessThan(publish);
	expect(runs.some((r) => r.includes('package.json'))).toBe(true);
	expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['registry-url']).toBe(
		'https://registry.npmjs.org',
	);
});
