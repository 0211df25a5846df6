/** docs/architecture.md is the map a newcomer follows: every file it names must exist. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const NOTE = fs.readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8');

describe('docs/architecture.md', () => {
	const named = [
		...new Set(
			[
				...NOTE.matchAll(
					/`((?:core|nodes|sandbox|scripts|test|docs|workflows)\/[^`\s]+\.(?:ts|md|json))`/g,
				),
			].map((m) => m[1]),
		),
	];

	it('names the files of the path of one order', () => {
		expect(named.length).toBeGreaterThan(30);
	});

	it.each(named)('%s exists', (file) => {
		expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
	});
});
