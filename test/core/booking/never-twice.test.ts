/**
 * The never-twice protocol with a fake API that behaves like a server with a store: a create may be stored
 * and its answer lost, be stored only later (slow commit), fail before storing, or answer something that is
 * not an id. Whatever happens, at most ONE record exists and no second create is ever sent.
 */
import {
	createOnce,
	unknownOutcomeText,
	type BookingPolicy,
	type CreateAnswer,
	type LookupAnswer,
} from '../../../core/booking/never-twice';
import { createdClientNumber, createdInvoiceNumber } from '../../../core/booking/created-id';
import { duplicateFix } from '../../../core/booking/duplicates';

type Behaviour =
	| 'ok'
	/** stored, the answer is lost on the way */
	| 'commit-then-drop'
	/** the client gives up waiting; the server stores it `commitAfterMs` later */
	| 'slow'
	/** 5xx answer, nothing stored */
	| 'server-error'
	/** 5xx answer although it was stored (a gateway timed out) */
	| 'server-error-stored'
	/** stored, but the 2xx body is not an id */
	| 'unreadable'
	/** refused: nothing stored */
	| 'rejected';

class FakeServer {
	now = 0;
	readonly stored: Array<{ id: string; at: number }> = [];
	creates = 0;
	lookups = 0;
	sleeps: number[] = [];
	private next = 100;

	constructor(
		private readonly behaviour: Behaviour,
		private readonly lookupAnswers: Array<'normal' | 'unreadable'> = [],
		private readonly commitAfterMs = 5_000,
	) {}

	port() {
		return {
			create: async (): Promise<CreateAnswer> => {
				this.creates++;
				const id = String(this.next++);
				switch (this.behaviour) {
					case 'ok':
						this.stored.push({ id, at: this.now });
						return { kind: 'id', id };
					case 'commit-then-drop':
						this.stored.push({ id, at: this.now });
						return { kind: 'unknown', reason: 'no_answer' };
					case 'slow':
						this.stored.push({ id, at: this.now + this.commitAfterMs });
						return { kind: 'unknown', reason: 'timeout' };
					case 'server-error':
						return { kind: 'unknown', reason: 'server_error' };
					case 'server-error-stored':
						this.stored.push({ id, at: this.now });
						return { kind: 'unknown', reason: 'server_error' };
					case 'unreadable':
						this.stored.push({ id, at: this.now });
						return createdInvoiceNumber('<html>OK</html>') === null
							? { kind: 'unknown', reason: 'unreadable_answer' }
							: { kind: 'id', id };
					case 'rejected':
						return { kind: 'rejected', error: new Error('400 clientnr unknown') };
				}
			},
			findByReference: async (): Promise<LookupAnswer> => {
				const mode = this.lookupAnswers[this.lookups++] ?? 'normal';
				if (mode === 'unreadable') return { kind: 'unreadable', detail: 'the answer is not JSON' };
				const visible = this.stored.filter((s) => s.at <= this.now);
				return visible.length ? { kind: 'found', id: visible[0].id } : { kind: 'absent' };
			},
			sleep: async (ms: number) => {
				this.sleeps.push(ms);
				this.now += ms;
			},
		};
	}
}

const policy: BookingPolicy = {
	settleAfterTimeoutMs: 2_000,
	lookupAttempts: 3,
	lookupBackoffMs: 100,
};

describe('createOnce: never a second create', () => {
	it('an id answer is created, with no look-up', async () => {
		const f = new FakeServer('ok');
		expect(await createOnce(f.port(), policy)).toEqual({
			kind: 'created',
			id: '100',
			recovered: false,
		});
		expect([f.creates, f.lookups]).toEqual([1, 0]);
	});

	it('a lost answer (stored, connection dropped) is found by the look-up: created, recovered', async () => {
		const f = new FakeServer('commit-then-drop');
		expect(await createOnce(f.port(), policy)).toEqual({
			kind: 'created',
			id: '100',
			recovered: true,
			firstAnswer: 'no_answer',
		});
		expect([f.creates, f.lookups, f.stored.length]).toEqual([1, 1, 1]);
		expect(f.sleeps).toEqual([]);
	});

	it('a timeout waits for the server to settle before looking: a commit within that time is found', async () => {
		const f = new FakeServer('slow', [], 1_500);
		expect(await createOnce(f.port(), policy)).toMatchObject({
			kind: 'created',
			id: '100',
			recovered: true,
			firstAnswer: 'timeout',
		});
		expect(f.sleeps).toEqual([2_000]);
		expect(f.creates).toBe(1);
	});

	it('a slow commit still running after the settle time is NOT created again: outcome unknown, and the record appears later', async () => {
		const f = new FakeServer('slow', [], 60_000);
		const out = await createOnce(f.port(), policy);
		expect(out).toMatchObject({ kind: 'unknown', reason: 'timeout', lookup: 'absent' });
		expect(f.creates).toBe(1);
		f.now += 60_000;
		expect(f.stored.filter((s) => s.at <= f.now)).toHaveLength(1);
	});

	it.each(['server-error', 'server-error-stored'] as const)(
		'a 5xx (%s) is never followed by a second create',
		async (behaviour) => {
			const f = new FakeServer(behaviour);
			const out = await createOnce(f.port(), policy);
			expect(f.creates).toBe(1);
			if (behaviour === 'server-error-stored')
				expect(out).toMatchObject({
					kind: 'created',
					recovered: true,
					firstAnswer: 'server_error',
				});
			else expect(out).toMatchObject({ kind: 'unknown', reason: 'server_error', lookup: 'absent' });
			expect(f.stored.length).toBeLessThanOrEqual(1);
		},
	);

	it('a 2xx answer that is not an id is an unknown outcome settled by the look-up, not an invoice number', async () => {
		const f = new FakeServer('unreadable');
		expect(await createOnce(f.port(), policy)).toEqual({
			kind: 'created',
			id: '100',
			recovered: true,
			firstAnswer: 'unreadable_answer',
		});
		expect(f.creates).toBe(1);
	});

	it('an unreadable look-up is retried with backoff, bounded; it never counts as "not created"', async () => {
		const f = new FakeServer('commit-then-drop', ['unreadable', 'unreadable']);
		expect(await createOnce(f.port(), policy)).toMatchObject({ kind: 'created', recovered: true });
		expect(f.sleeps).toEqual([100, 200]);

		const g = new FakeServer('commit-then-drop', [
			'unreadable',
			'unreadable',
			'unreadable',
			'normal',
		]);
		const out = await createOnce(g.port(), policy);
		expect(out).toMatchObject({
			kind: 'unknown',
			lookup: 'unreadable',
			detail: 'the answer is not JSON',
		});
		expect([g.creates, g.lookups]).toEqual([1, 3]);
	});

	it('a rejection stored nothing and is passed on as is', async () => {
		const f = new FakeServer('rejected');
		const out = await createOnce(f.port(), policy);
		expect(out.kind).toBe('rejected');
		expect((out as { error: Error }).error.message).toBe('400 clientnr unknown');
		expect([f.creates, f.lookups]).toEqual([1, 0]);
	});

	it('the report text of an unknown outcome says it was not sent again and is verified next run', () => {
		const text = unknownOutcomeText(
			{ kind: 'unknown', reason: 'timeout', lookup: 'absent', detail: '' },
			'the invoice of order 1042',
			'reference "Bestelling 1042"',
		);
		expect(text.message).toMatch(
			/^Outcome unknown for the invoice of order 1042: the answer did not come within the time-out.*not sent again/,
		);
		expect(text.hint).toMatch(/verified next run/);
	});
});

describe('created ids', () => {
	it.each([
		['58', '58'],
		[58, '58'],
		[' 2024057\n', '2024057'],
		['"F2024-057"', 'F2024-057'],
		['2024/0012', '2024/0012'],
	])('invoice number from %j', (body, id) => expect(createdInvoiceNumber(body)).toBe(id));

	it.each([
		['OK'],
		[''],
		['<html><body>Created</body></html>'],
		[{ error: 'x' }],
		[{ id: 5 }],
		[null],
		[undefined],
		[1.5],
		['58 created'],
	])('%j is no invoice number', (body) => expect(createdInvoiceNumber(body)).toBeNull());

	it('client numbers are whole numbers only', () => {
		expect(createdClientNumber('  61\n')).toBe('61');
		expect(createdClientNumber(61)).toBe('61');
		expect(createdClientNumber('F61')).toBeNull();
		expect(createdClientNumber('{"clientnr":"61"}')).toBeNull();
	});
});

describe('duplicateFix', () => {
	it('keeps the lowest number and credits the others, numerically ordered', () => {
		expect(duplicateFix('1042', ['2025010', '2025009', '2025100'])).toEqual({
			orderNumber: '1042',
			invoiceNumbers: ['2025009', '2025010', '2025100'],
			keep: '2025009',
			credit: ['2025010', '2025100'],
			hint: expect.stringMatching(
				/^Order 1042 is invoiced 3 times .* Keep invoice 2025009; credit 2025010, 2025100 .*never deleted/,
			),
		});
	});

	it('one invoice (or the same number twice) is no duplicate', () => {
		expect(duplicateFix('1042', ['7'])).toBeNull();
		expect(duplicateFix('1042', ['7', '7'])).toBeNull();
	});
});
