/**
 * The complete-list reader against fake servers that page in every way a real one might (honour count, cap
 * it, ignore it, ignore start) and answer garbage: the result is every record, or an error, never a short list.
 */
import {
	IncompleteListError,
	listAnswerProblem,
	readCompleteList,
	type ListPolicy,
} from '../../../core/booking/complete-list';

const records = (n: number) => Array.from({ length: n }, (_x, i) => ({ id: String(1000 + i) }));
const key = (r: Record<string, unknown>) => String(r.id ?? '');
const policy: ListPolicy = { pageSize: 100, attempts: 3, backoffMs: 10, maxPages: 50 };

function server(
	all: Array<Record<string, unknown>>,
	mode: 'honour' | 'cap50' | 'ignoreCount' | 'ignoreBoth' | 'ignoreStart',
	answers: unknown[] = [],
) {
	const calls: Array<[number, number]> = [];
	const sleeps: number[] = [];
	return {
		calls,
		sleeps,
		port: {
			page: async (start: number, count: number) => {
				calls.push([start, count]);
				if (answers.length) return answers.shift();
				if (mode === 'honour') return all.slice(start, start + count);
				if (mode === 'cap50') return all.slice(start, start + Math.min(count, 50));
				if (mode === 'ignoreCount') return all.slice(start);
				if (mode === 'ignoreStart') return all.slice(0, count);
				return all;
			},
			sleep: async (ms: number) => void sleeps.push(ms),
		},
	};
}

describe('readCompleteList', () => {
	it.each(['honour', 'ignoreCount', 'ignoreBoth'] as const)(
		'reads all 250 records when the server pages as %s',
		async (mode) => {
			const s = server(records(250), mode);
			const out = await readCompleteList(s.port, key, 'invoice list', policy);
			expect(out.map(key)).toEqual(records(250).map(key));
		},
	);

	it('honoured paging: pages of 100 until a short one (no extra request)', async () => {
		const s = server(records(250), 'honour');
		await readCompleteList(s.port, key, 'invoice list', policy);
		expect(s.calls).toEqual([
			[0, 100],
			[100, 100],
			[200, 100],
		]);
	});

	it('exactly a full last page: one more (empty) page ends the list', async () => {
		const s = server(records(200), 'honour');
		expect(await readCompleteList(s.port, key, 'invoice list', policy)).toHaveLength(200);
		expect(s.calls.map((c) => c[0])).toEqual([0, 100, 200]);
	});

	it('a server that ignores start (same 100 again) is an error, not a list of 100', async () => {
		const s = server(records(150), 'ignoreStart');
		await expect(readCompleteList(s.port, key, 'invoice list', policy)).rejects.toThrow(
			/same records again for start=100/,
		);
	});

	it('an unreadable page is retried with backoff, then the list is read completely', async () => {
		const s = server(records(120), 'honour', ['<html>Bad gateway</html>', '[{"id":"1000"},{"id"']);
		expect(await readCompleteList(s.port, key, 'invoice list', policy)).toHaveLength(120);
		expect(s.sleeps).toEqual([10, 20]);
	});

	it.each([
		['<!DOCTYPE html><html>…</html>', /not JSON \(an HTML page/],
		['[{"id":"1"},{"id":"2"', /cut off JSON/],
		['', /empty/],
		[{ error: 'Internal error' }, /an object, not a list/],
		[['x'], /element 0 is not a record/],
	])(
		'an answer %j is an error after the bounded tries, never an empty list',
		async (answer, problem) => {
			const s = server(records(10), 'honour', [answer, answer, answer]);
			const error = await readCompleteList(s.port, key, 'invoice list', policy).catch(
				(e: unknown) => e,
			);
			expect(error).toBeInstanceOf(IncompleteListError);
			expect((error as Error).message).toMatch(problem);
			expect(s.calls).toHaveLength(3);
		},
	);

	it('a record without a key makes the list unreadable', async () => {
		const s = server([{ id: '1' }, { name: 'no number' }], 'honour');
		await expect(readCompleteList(s.port, key, 'client list', policy)).rejects.toThrow(
			/without a number/,
		);
	});

	it('an empty JSON array is an empty list (the one way to say "nothing there")', async () => {
		expect(listAnswerProblem([])).toBeNull();
		expect(await readCompleteList(server([], 'honour').port, key, 'invoice list', policy)).toEqual(
			[],
		);
	});

	it('a cap below the page size is detected as the end of the list: documented limit of this reader', async () => {
		// a server capping at 50 answers a short page, which is how a list ends: the reader cannot tell them apart
		const s = server(records(120), 'cap50');
		expect(await readCompleteList(s.port, key, 'invoice list', policy)).toHaveLength(50);
	});
});
