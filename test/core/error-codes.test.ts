/** One error vocabulary: the catalogue (core/error-codes.ts), the codes the code base uses, and the README's table. */
import * as fs from 'fs';
import * as path from 'path';
import { ERROR_CODES, errorCodeTable, httpErrorCode } from '../../core/error-codes';
import { TABLE_DOCUMENTS, readmeWithTable } from '../../scripts/error-codes-readme';

const ROOT = path.resolve(__dirname, '..', '..');

function sources(dir: string): string[] {
	return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
		const rel = path.join(dir, e.name);
		if (e.isDirectory()) return sources(rel);
		return e.name.endsWith('.ts') ? [rel] : [];
	});
}

describe('error-code catalogue', () => {
	it.each(TABLE_DOCUMENTS.map((file) => [path.relative(ROOT, file), file]))(
		"%s: the troubleshooting table is exactly the catalogue's (regenerate: npx tsx scripts/error-codes-readme.ts)",
		(_name, file) => {
			const text = fs.readFileSync(file, 'utf8');
			expect(text).toBe(readmeWithTable(text));
			expect(text).toContain(errorCodeTable());
		},
	);

	it('every code the Dutch guide names is in the catalogue', () => {
		const guide = fs.readFileSync(TABLE_DOCUMENTS[1], 'utf8').split('<!-- error-codes:start')[0];
		// codes stand first in a table row ("| `voucher_line` |", "| `a` / `b` |") or in brackets ("(`before_cut_over`)")
		const rows = [...guide.matchAll(/^\| ((?:`[a-z_]+`(?: \/ )?)+) \|/gm)].flatMap((m) =>
			[...m[1].matchAll(/`([a-z_]+)`/g)].map((c) => c[1]),
		);
		const bracketed = [...guide.matchAll(/\(`([a-z]+(?:_[a-z]+)+)`\)/g)].map((m) => m[1]);
		const named = [...rows, ...bracketed].filter((c) => c.includes('_') && !/^[a-z]+[A-Z]/.test(c));
		expect(named).toEqual(
			expect.arrayContaining(['voucher_line', 'outcome_unknown', 'before_cut_over']),
		);
		expect(named.filter((code) => !(code in ERROR_CODES))).toEqual([]);
	});

	it('every code has a meaning and a fix', () => {
		for (const [code, e] of Object.entries(ERROR_CODES)) {
			expect([code, e.meaning.length > 10, e.fix.length > 5]).toEqual([code, true, true]);
			expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
		}
	});

	it('no code is made up outside the catalogue: no http_<status> codes, and every literal code in core/ and nodes/ is listed', () => {
		const known = new Set(Object.keys(ERROR_CODES));
		const problems: string[] = [];
		for (const file of [...sources('core'), ...sources('nodes')]) {
			const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
			if (/[`'"]http_(\$\{|\d)/.test(text)) problems.push(`${file}: http_<status> code`);
			for (const m of text.matchAll(
				/(?:new OrderRefusal\(\s*|code(?:: | = )|_CODE = )'([a-z_]+)'/g,
			))
				if (!known.has(m[1])) problems.push(`${file}: ${m[1]}`);
		}
		expect(problems).toEqual([]);
	});

	it('HTTP statuses map to catalogue codes; a spent budget is rate_limited', () => {
		expect(httpErrorCode(429)).toBe('rate_limited');
		expect([400, 401, 403, 404, 409, 422, 500, 503, 418].map(httpErrorCode)).toEqual([
			'request_rejected',
			'invalid_credentials',
			'forbidden',
			'not_found',
			'conflict',
			'request_rejected',
			'server_error',
			'server_error',
			'unexpected_response',
		]);
	});
});
