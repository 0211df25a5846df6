/**
 * readUntilStable against a fake offset-paged store whose orders change status while the pages are read:
 * the order that a shift pushes over a page boundary is found by the next pass, an order that moved between
 * two lists is kept, and a list that never settles is an error rather than a short list.
 */
import { readUntilStable } from '../../../core/mijnwebwinkel/stable-read';

interface Order {
	number: string;
	status: 'paid' | 'shipped' | 'open';
}

/** one pass as the node reads it: each status list by offset pages of `size`, with `during` run after each page */
function passReader(
	store: Order[],
	statuses: Array<Order['status']>,
	size: number,
	during: (page: number) => void,
) {
	let pageNo = 0;
	return async () => {
		const out = new Map<string, Order>();
		for (const status of statuses) {
			for (let offset = 0; ; offset += size) {
				const page = store
					.filter((o) => o.status === status)
					.slice(offset, offset + size)
					.map((o) => ({ ...o }));
				during(++pageNo);
				for (const o of page) out.set(o.number, o);
				if (page.length < size) break;
			}
		}
		return out;
	};
}

const shop = (): Order[] =>
	Array.from({ length: 7 }, (_x, n) => ({ number: String(1001 + n), status: 'paid' }));

describe('readUntilStable', () => {
	it('nothing changes: two passes, every order once', async () => {
		const store = shop();
		const read = await readUntilStable(passReader(store, ['paid', 'shipped'], 3, () => undefined));
		expect([...read.records.keys()]).toEqual(store.map((o) => o.number));
		expect(read).toMatchObject({ passes: 2, stable: true });
		expect(read.changedDuringRead).toEqual([]);
	});

	it('an order shipped after the first page shifts the list: one pass alone misses 1004, the second finds it', async () => {
		const store = shop();
		// after page 1 of the paid list (1001-1003), 1002 is shipped: 1004 moves to offset 2 and page 2 starts at 1005
		const reader = passReader(store, ['paid', 'shipped'], 3, (page) => {
			if (page === 1) store[1].status = 'shipped';
		});
		const single = await reader();
		expect(single.has('1004')).toBe(false);
		store[1].status = 'paid';
		const read = await readUntilStable(
			passReader(store, ['paid', 'shipped'], 3, (page) => {
				if (page === 1) store[1].status = 'shipped';
			}),
		);
		expect([...read.records.keys()].sort()).toEqual(store.map((o) => o.number));
		expect(read.records.get('1002')!.status).toBe('shipped');
	});

	it('an order that leaves the list during the read is kept (seen in a pass), and named as changed', async () => {
		const store = shop();
		const read = await readUntilStable(
			passReader(store, ['paid'], 3, (page) => {
				if (page === 2) store[0].status = 'open';
			}),
		);
		expect(read.records.has('1001')).toBe(true);
		expect(read.changedDuringRead).toContain('1001');
	});

	it('a list that changes in every pass is marked unstable, never passed off as complete', async () => {
		const store = shop();
		let n = 0;
		const reader = async () => {
			store.push({ number: String(2000 + n++), status: 'paid' });
			return new Map(store.map((o) => [o.number, o]));
		};
		expect(await readUntilStable(reader, 4)).toMatchObject({ stable: false, passes: 4 });
	});
});
