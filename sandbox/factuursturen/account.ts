/**
 * The stored data of one sandbox account (clients, invoices, saved invoices, products) and its numbering.
 * Numbers start at seeded offsets so ids differ between seeds but repeat exactly under the same seed.
 */
import { seededRandom, type Random } from '../common/random';
import { createClient, type Client } from './clients';
import {
	DEFAULT_CATEGORIES,
	DEFAULT_TAXES,
	PROFILES,
	type Category,
	type TaxSetting,
} from './defaults';
import { buildInvoice, type Invoice } from './invoices';
import { applyProduct, type Product } from './products';
import { ApiError, clone, isObj, text, type Obj } from './values';
import { amsterdamClock } from '../common/amsterdam-clock';

export interface AccountSeed {
	seed: number;
	clients: Array<Record<string, unknown>>;
	invoices: Array<Record<string, unknown>>;
	taxes: TaxSetting[];
	categories: Category[];
	/** prefix of invoice numbers (e.g. "F"), so `invoicenr` differs from `id` as in the captured fixture */
	invoiceNumberPrefix: string;
}

export interface LocalTime {
	date: string;
	time: string;
}

/** Europe/Amsterdam local date (YYYY-MM-DD) and time (HH:mm) of an epoch millisecond */
export function amsterdam(ms: number): LocalTime {
	const { date, time } = amsterdamClock(ms);
	return { date, time: time.slice(0, 5) };
}

export class Account {
	readonly clients = new Map<string, Client>();
	readonly invoices: Invoice[] = [];
	readonly saved: Array<Invoice & { savename: string }> = [];
	readonly products: Product[] = [];
	readonly taxes: TaxSetting[];
	readonly categories: Category[];
	readonly categoryIds: Set<string>;
	readonly profileIds = new Set(PROFILES.map((p) => p.id));
	private readonly random: Random;
	private nextClientnr: number;
	private nextInvoiceSeq: number;
	private nextSavedId: number;
	private nextProductId = 1;

	constructor(
		private readonly seed: AccountSeed,
		private readonly now: () => number,
	) {
		this.random = seededRandom(seed.seed);
		this.taxes = clone(seed.taxes ?? DEFAULT_TAXES);
		this.categories = clone(seed.categories ?? DEFAULT_CATEGORIES);
		this.categoryIds = new Set(this.categories.map((c) => String(c.id)));
		this.nextClientnr = this.random.int(1, 200);
		this.nextInvoiceSeq = this.random.int(1, 400);
		this.nextSavedId = this.random.int(1, 50);
		for (const [i, raw] of seed.clients.entries()) {
			try {
				this.addClient(raw, raw.clientnr === undefined ? undefined : String(raw.clientnr));
			} catch (e) {
				throw new Error(`seed client #${i + 1} is invalid: ${(e as Error).message}`);
			}
		}
		for (const [i, raw] of seed.invoices.entries()) {
			try {
				this.seedInvoice(raw);
			} catch (e) {
				throw new Error(`seed invoice #${i + 1} is invalid: ${(e as Error).message}`);
			}
		}
	}

	local(): LocalTime {
		return amsterdam(this.now());
	}

	addClient(body: Obj, clientnr?: string): Client {
		const nr = clientnr ?? String(this.nextClientnr);
		if (this.clients.has(nr)) throw new ApiError(`clientnr ${nr} already exists`);
		const now = this.local();
		const client = createClient(body, nr, this.categoryIds, `${now.date} ${now.time}`);
		this.clients.set(nr, client);
		if (/^\d+$/.test(nr)) this.nextClientnr = Math.max(this.nextClientnr, Number(nr) + 1);
		return client;
	}

	findInvoice(idOrNr: string): Invoice | undefined {
		return this.invoices.find((i) => i.id === idOrNr || i.invoicenr === idOrNr);
	}

	private paymentUrl(): string {
		let token = '';
		for (let i = 0; i < 16; i++) token += this.random.int(0, 15).toString(16);
		return `https://www.factuursturen.nl/pay?${token}`;
	}

	private clientFor(body: Obj): Client {
		const clientnr = text(body, 'clientnr');
		if (clientnr === undefined || clientnr === '')
			throw new ApiError('clientnr is required: the number of an existing client');
		const client = this.clients.get(clientnr.trim());
		if (!client)
			throw new ApiError(
				`clientnr: client ${clientnr} does not exist; create it first with POST /clients`,
			);
		return client;
	}

	/** POST /invoices with action send: stores the invoice and answers its number. */
	createInvoice(body: Obj, at: LocalTime = this.local()): Invoice {
		const client = this.clientFor(body);
		const requested = text(body, 'invoicenr');
		const generated = (): string =>
			`${at.date.slice(0, 4)}${String(this.nextInvoiceSeq).padStart(4, '0')}`;
		// skip numbers taken by invoices whose number was set explicitly
		while (!requested && this.findInvoice(generated())) this.nextInvoiceSeq++;
		const id = requested?.trim() || generated();
		const invoicenr = requested?.trim() || `${this.seed.invoiceNumberPrefix}${id}`;
		if (this.findInvoice(id) || this.findInvoice(invoicenr))
			throw new ApiError(`invoicenr ${invoicenr} already exists`);
		const invoice = buildInvoice(body, {
			client,
			taxes: this.taxes,
			categoryIds: this.categoryIds,
			profileIds: this.profileIds,
			date: at.date,
			time: at.time,
			id,
			invoicenr,
			paymentUrl: this.paymentUrl(),
		});
		if (!requested) this.nextInvoiceSeq++;
		this.invoices.push(invoice);
		if (String(client.lastinvoice) < at.date) client.lastinvoice = at.date;
		return invoice;
	}

	/** POST /invoices with action save: a draft under invoices_saved, without number or sent date. */
	saveInvoice(body: Obj): Invoice & { savename: string } {
		const savename = text(body, 'savename', 20);
		if (!savename)
			throw new ApiError('savename is required when action is save (at most 20 characters)');
		const overwrite = body.overwrite_if_exist === true || body.overwrite_if_exist === 'true';
		const clash = this.saved.findIndex((s) => s.savename === savename);
		if (clash >= 0 && !overwrite)
			throw new ApiError(
				`savename: a saved invoice named "${savename}" exists; set overwrite_if_exist`,
			);
		const at = this.local();
		const id = String(this.nextSavedId);
		const draft = buildInvoice(
			{ ...body, sendmethod: text(body, 'sendmethod') || 'mail' },
			{
				client: this.clientFor(body),
				taxes: this.taxes,
				categoryIds: this.categoryIds,
				profileIds: this.profileIds,
				date: at.date,
				time: at.time,
				id,
				invoicenr: '',
				paymentUrl: '',
			},
		);
		this.nextSavedId++;
		const saved = {
			...draft,
			sent: '',
			duedate: '',
			open: draft.totalintax,
			paiddate: '',
			history: [],
			savename,
		};
		if (clash >= 0) this.saved.splice(clash, 1, saved);
		else this.saved.push(saved);
		return saved;
	}

	/** Seed invoices use the create payload, optionally with `sent` (YYYY-MM-DD) to date them in the past. */
	private seedInvoice(raw: Obj): void {
		const sent = text(raw, 'sent');
		if (sent !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(sent))
			throw new Error(`sent: "${sent}" is not YYYY-MM-DD`);
		const at = sent ? { date: sent, time: '09:00' } : this.local();
		const body: Obj = { action: 'send', sendmethod: 'mail', ...raw };
		if (isObj(raw.reference)) body.reference = { ...raw.reference };
		this.createInvoice(body, at);
	}

	addProduct(body: Obj): Product {
		const product = applyProduct(undefined, String(this.nextProductId), body, this.taxes);
		this.nextProductId++;
		this.products.push(product);
		return product;
	}
}
