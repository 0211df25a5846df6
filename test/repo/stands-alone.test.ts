/**
 * The published repository is all a user gets: no tracked file may read or point at anything outside the clone
 * (a sibling folder of the developer's, an absolute path of one machine).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

// Built from parts so this file does not name what it looks for.
const FORBIDDEN: Array<[string, RegExp]> = [
	['a sibling folder of the clone', new RegExp(['\\.\\.', 'shared'].join('/'))],
	[
		'an absolute machine path',
		new RegExp(`(^|[\\s'"\`(=])/(${['work', 'root', 'home', 'Users', 'mnt'].join('|')})/`),
	],
];

function trackedTextFiles(): string[] {
	const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
		.split('\0')
		.filter(Boolean);
	return files.filter(
		(file) => !/\.(png|jpe?g|gif|ico|pdf|svg)$/i.test(file) && fs.existsSync(path.join(ROOT, file)),
	);
}

describe('the repository stands alone', () => {
	it('lists the tracked files (the check below has something to check)', () => {
		expect(trackedTextFiles().length).toBeGreaterThan(100);
	});

	it.each(FORBIDDEN)('no tracked file names %s', (_what, pattern) => {
		const hits: string[] = [];
		for (const file of trackedTextFiles()) {
			const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
			lines.forEach((line, i) => {
				if (pattern.test(line)) hits.push(`${file}:${i + 1}: ${line.trim().slice(0, 160)}`);
			});
		}
		expect(hits).toEqual([]);
	});

	it('ships the template with the npm package', () => {
		const [packed] = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
				cwd: ROOT,
				encoding: 'utf8',
			}),
		) as Array<{ files: Array<{ path: string }> }>;
		expect(packed.files.map((f) => f.path)).toContain(
			'workflows/mijnwebwinkel-to-factuursturen.json',
		);
	});
});
