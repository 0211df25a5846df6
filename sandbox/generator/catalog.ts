/**
 * The shop's products. Prices are Dutch consumer prices incl. 21 % / 9 % VAT (the store has
 * `prices_include_tax: true`); `zero` is a gift voucher, outside the scope of VAT, sold as a non-taxable article.
 */
export type RateKind = 'standard' | 'reduced' | 'zero';

export interface Product {
	id: number;
	sku: string;
	name: string;
	rateKind: RateKind;
	/** NL consumer price incl. VAT, cents */
	grossCents: number;
	/** purchase price excl. VAT, cents ('' in the API when not set) */
	purchaseCents: number | null;
	/** grams */
	weight: number;
	/** choice the customer makes, shown in the line description and as an article option */
	options?: readonly string[];
}

const P = (
	sku: string,
	name: string,
	rateKind: RateKind,
	grossCents: number,
	purchaseCents: number | null,
	weight: number,
	options?: readonly string[],
): Omit<Product, 'id'> => ({ sku, name, rateKind, grossCents, purchaseCents, weight, options });

const LIST: Array<Omit<Product, 'id'>> = [
	P('MOK-BL', 'Mok blauw', 'standard', 1210, 450, 400, ['Kleur: blauw', 'Kleur: zeegroen']),
	P('MOK-SET4', 'Café-glazen (set van 4)', 'standard', 2495, 900, 1200),
	P('THEEPOT-GIJ', 'Theepot gietijzer 1,2 l', 'standard', 3995, 1500, 1800, [
		'Kleur: zwart',
		'Kleur: rood',
	]),
	P('POSTER-A3', 'Poster A3 "Grachten"', 'standard', 1495, null, 200),
	P('KAARS-GEUR', 'Geurkaars vanille & amber', 'standard', 695, 210, 350),
	P('CREME-BRULEE', 'Crème brûlée-set met brander', 'standard', 2950, 1100, 900),
	P('SERVET-20', 'Servetten (20 stuks)', 'standard', 450, 120, 150),
	P('SCHORT-LIN', 'Keukenschort linnen', 'standard', 3450, 1250, 300, ['Maat: S/M', 'Maat: L/XL']),
	P('MESSENSET', 'Messenset 5-delig roestvrij staal', 'standard', 8999, 3500, 1400),
	P('THERMO-05', 'Thermosfles 0,5 l', 'standard', 2199, 800, 450),
	P('NOTITIE-A5', 'Notitieboek A5 gelinieerd', 'standard', 999, 300, 250),
	P('BOEK-KOOK-IT', 'Kookboek "La cucina di nonna"', 'reduced', 2495, 1400, 800),
	P('BOEK-KIND', 'Kinderboek "Het theezakje dat wilde reizen"', 'reduced', 1250, 700, 300),
	P('TIJDSCHRIFT', 'Tijdschrift "Thee & Tafel" nr. 12', 'reduced', 795, null, 200),
	P('KOFFIE-1KG', 'Koffiebonen espresso 1 kg', 'reduced', 1850, 900, 1050),
	P('THEE-ASS', 'Thee assortiment (48 zakjes)', 'reduced', 795, 300, 250),
	P('CHOCO-PUUR', 'Chocoladereep puur 72 %', 'reduced', 349, 120, 100),
	P('HONING', 'Heidehoning 450 g', 'reduced', 895, 380, 600),
	P('STROOP-W', "Stroopwafels 'Goudse' (10 st.)", 'reduced', 429, 150, 300),
	P('KAAS-OUD', 'Oude kaas 48+ (500 g)', 'reduced', 1095, 600, 520),
	P('BON-25', 'Cadeaubon € 25', 'zero', 2500, null, 0),
	P('BON-50', 'Cadeaubon € 50', 'zero', 5000, null, 0),
];

export const ARTICLE_ID_BASE = 3327550;

export const PRODUCTS: readonly Product[] = LIST.map((p, i) => ({ ...p, id: ARTICLE_ID_BASE + i }));
