/**
 * The search for secrets in what n8n kept and printed: every file under its folders (database, logs, settings) and
 * every text it printed or answered. A hit names the place and the secret's first 4 characters only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every file under `dir`, except under the folders in `skip` (e.g. the installed package's own code). */
export function filesUnder(dir: string, skip: string[] = []): string[] {
	const files: string[] = [];
	const walk = (d: string): void => {
		for (const e of fs.readdirSync(d, { withFileTypes: true })) {
			const p = path.join(d, e.name);
			if (e.isDirectory()) {
				if (!skip.includes(p)) walk(p);
			} else if (e.isFile()) files.push(p);
		}
	};
	walk(dir);
	return files;
}

/** Where any of `secrets` occurs: in the files (read byte for byte) and in the texts. */
export function secretHits(
	secrets: string[],
	files: string[],
	texts: string[],
	root: string,
): string[] {
	const hits: string[] = [];
	for (const f of files) {
		const text = fs.readFileSync(f).toString('latin1');
		for (const secret of secrets)
			if (text.includes(secret)) hits.push(`${path.relative(root, f)}: ${secret.slice(0, 4)}…`);
	}
	texts.forEach((text, i) =>
		secrets.forEach(
			(secret) => text.includes(secret) && hits.push(`output ${i}: ${secret.slice(0, 4)}…`),
		),
	);
	return hits;
}
