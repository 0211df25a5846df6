/**
 * Countries the generated shop sells to: names (nl/en), the Factuursturen country id (from the captured
 * country list), VAT rates in hundredths of a percent (2100 = 21 %) and generators for plausible local
 * formats (zip codes, phone numbers, VAT numbers).
 */
import type { Random } from '../common/random';

export interface CountryInfo {
	iso: string;
	nl: string;
	en: string;
	/** Factuursturen country id (captured/jfactuursturen-countrylist_response.json) */
	fsId: string;
	eu: boolean;
	/** standard and reduced VAT rate in hundredths of a percent; 0 outside the EU (not used there) */
	standard: number;
	reduced: number;
	locale: string;
	zip(r: Random): string;
	phone(r: Random): string;
	vat(r: Random): string;
	cities: readonly string[];
	streets: readonly string[];
	first: readonly string[];
	last: readonly string[];
	domains: readonly string[];
}

function digits(r: Random, n: number): string {
	let s = '';
	for (let i = 0; i < n; i++) s += String(r.int(0, 9));
	return s;
}
function letters(r: Random, n: number): string {
	let s = '';
	for (let i = 0; i < n; i++) s += 'ABCDEFGHJKLMNPRSTVWXZ'[r.int(0, 20)];
	return s;
}

export const COUNTRIES: Record<string, CountryInfo> = {
	NL: {
		iso: 'NL',
		nl: 'Nederland',
		en: 'Netherlands',
		fsId: '146',
		eu: true,
		standard: 2100,
		reduced: 900,
		locale: 'nl_NL',
		zip: (r) => `${r.int(1000, 9999)}${r.chance(0.6) ? ' ' : ''}${letters(r, 2)}`,
		phone: (r) =>
			r.pick([
				`06-${digits(r, 8)}`,
				`0${r.int(10, 79)}-${digits(r, 7)}`,
				`+31 6 ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`,
				`06${digits(r, 8)}`,
			]),
		vat: (r) => `NL${digits(r, 9)}B${r.pick(['01', '02', '03', '12'])}`,
		cities: [
			'Amsterdam',
			'Utrecht',
			'Rotterdam',
			'Den Haag',
			"'s-Hertogenbosch",
			"'s-Gravenhage",
			'Oss',
			'Groningen',
			'Zwolle',
			'Eindhoven',
			'Leeuwarden',
			'Maastricht',
			'Alphen aan den Rijn',
			'Bergen op Zoom',
		],
		streets: [
			'Molenstraat',
			'Kerkstraat',
			'Dorpsstraat',
			'Hoofdweg',
			'Stationsplein',
			'Julianalaan',
			"Van 't Hoffstraat",
			'Prinsengracht',
			'Oude Gracht',
			'Burgemeester de Vlugtlaan',
			'Laan van Nieuw Oost-Indië',
		],
		first: [
			'Jan',
			'Truus',
			'Sanne',
			'Daan',
			'Eva',
			'Pieter',
			'Renée',
			'Anne-Marie',
			'Zoë',
			'Sem',
			'Fleur',
			'Mohammed',
			'Aïsha',
			'Joëlle',
			'Bram',
		],
		last: [
			'Jansen',
			'de Vries',
			'van den Berg',
			"van 't Hof",
			'Bakker',
			'Visser',
			'Smit',
			'de Jong',
			'Özdemir',
			'Meijer',
			'van Dijk',
			'Mulder',
			'Bos',
			'de Bruijn-Çelik',
		],
		domains: ['gmail.com', 'hotmail.nl', 'ziggo.nl', 'kpnmail.nl', 'outlook.com', 'xs4all.nl'],
	},
	BE: {
		iso: 'BE',
		nl: 'België',
		en: 'Belgium',
		fsId: '18',
		eu: true,
		standard: 2100,
		reduced: 600,
		locale: 'nl_NL',
		zip: (r) => String(r.int(1000, 9999)),
		phone: (r) =>
			r.pick([
				`04${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`,
				`+32 4${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`,
			]),
		// a real Belgian number: 0 + 7 digits + check digits 97 − (first eight mod 97); nine digits are drawn as
		// before so the seeded stream (and every shop generated from it) stays the same
		vat: (r) => {
			const base = `0${digits(r, 9).slice(0, 7)}`;
			const check = 97 - (Number(base) % 97);
			return `BE${base}${String(check).padStart(2, '0')}`;
		},
		cities: [
			'Antwerpen',
			'Gent',
			'Brugge',
			'Leuven',
			'Liège',
			'Bruxelles',
			'Hasselt',
			'Sint-Niklaas',
		],
		streets: [
			'Meir',
			'Veldstraat',
			'Rue de la Loi',
			'Grote Markt',
			'Kortrijksesteenweg',
			'Chaussée de Louvain',
		],
		first: ['Lotte', 'Wout', 'Amélie', 'Thibault', 'Lien', 'Arne', 'Hélène'],
		last: ['Peeters', 'Janssens', 'Maes', "D'Hondt", 'Dubois', 'Lambrecht', 'Vandenbroucke'],
		domains: ['telenet.be', 'skynet.be', 'gmail.com', 'proximus.be'],
	},
	DE: {
		iso: 'DE',
		nl: 'Duitsland',
		en: 'Germany',
		fsId: '50',
		eu: true,
		standard: 1900,
		reduced: 700,
		locale: 'de_DE',
		zip: (r) => String(r.int(10000, 99999)),
		phone: (r) =>
			r.pick([`+49 30 ${digits(r, 7)}`, `0151 ${digits(r, 8)}`, `+49 (0)221 ${digits(r, 6)}`]),
		vat: (r) => `DE${digits(r, 9)}`,
		cities: ['Berlin', 'Köln', 'München', 'Düsseldorf', 'Münster', 'Aachen', 'Frankfurt am Main'],
		streets: [
			'Hauptstraße',
			'Bahnhofstraße',
			'Schloßallee',
			'Königsallee',
			'Am Weißen Steinbruch',
			'Müllerstraße',
		],
		first: ['Jürgen', 'Anna', 'Lukas', 'Søren', 'Käthe', 'Maximilian', 'Jörg'],
		last: ['Müller', 'Schmidt', 'Weiß', 'Schäfer', 'Großmann', 'Becker', 'Hoffmann'],
		domains: ['web.de', 'gmx.de', 't-online.de', 'gmail.com'],
	},
	FR: {
		iso: 'FR',
		nl: 'Frankrijk',
		en: 'France',
		fsId: '63',
		eu: true,
		standard: 2000,
		reduced: 550,
		locale: 'fr_FR',
		zip: (r) => String(r.int(10000, 95999)),
		phone: (r) => `+33 6 ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`,
		vat: (r) => `FR${digits(r, 2)}${digits(r, 9)}`,
		cities: ['Paris', 'Lyon', 'Lille', 'Saint-Étienne', 'Aix-en-Provence', "Villeneuve-d'Ascq"],
		streets: [
			'Rue de Rivoli',
			"Avenue de l'Opéra",
			'Boulevard Saint-Germain',
			'Rue du Faubourg Saint-Honoré',
		],
		first: ['François', 'Élodie', 'Gaëlle', 'Jérôme', 'Chloé', 'Benoît'],
		last: ['Lefèvre', 'Dupont', "D'Artagnan", 'Moreau', 'Girard', 'Lemaître'],
		domains: ['orange.fr', 'free.fr', 'laposte.net', 'gmail.com'],
	},
	AT: {
		iso: 'AT',
		nl: 'Oostenrijk',
		en: 'Austria',
		fsId: '163',
		eu: true,
		standard: 2000,
		reduced: 1000,
		locale: 'de_DE',
		zip: (r) => String(r.int(1010, 9999)),
		phone: (r) => `+43 664 ${digits(r, 7)}`,
		vat: (r) => `ATU${digits(r, 8)}`,
		cities: ['Wien', 'Graz', 'Linz', 'Salzburg', 'Innsbruck'],
		streets: ['Mariahilfer Straße', 'Getreidegasse', 'Kärntner Straße', 'Herrengasse'],
		first: ['Florian', 'Theresa', 'Lukas', 'Valentina'],
		last: ['Gruber', 'Huber', 'Wagner', 'Pichler', 'Strauß'],
		domains: ['gmx.at', 'aon.at', 'gmail.com'],
	},
	ES: {
		iso: 'ES',
		nl: 'Spanje',
		en: 'Spain',
		fsId: '192',
		eu: true,
		standard: 2100,
		reduced: 1000,
		locale: 'es_ES',
		zip: (r) => String(r.int(1000, 52999)).padStart(5, '0'),
		phone: (r) => `+34 6${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`,
		vat: (r) => `ESB${digits(r, 8)}`,
		cities: ['Madrid', 'Barcelona', 'València', 'Málaga', 'A Coruña'],
		streets: ['Calle de Alcalá', 'Gran Vía', 'Passeig de Gràcia', 'Calle Mayor'],
		first: ['José', 'María', 'Iñaki', 'Lucía', 'Jordi'],
		last: ['García', 'Fernández', 'Núñez', 'Martínez', 'Puig i Ferrer'],
		domains: ['gmail.com', 'telefonica.net', 'yahoo.es'],
	},
	IT: {
		iso: 'IT',
		nl: 'Italië',
		en: 'Italy',
		fsId: '93',
		eu: true,
		standard: 2200,
		reduced: 1000,
		locale: 'it_IT',
		zip: (r) => String(r.int(10, 98168)).padStart(5, '0'),
		phone: (r) => `+39 3${digits(r, 2)} ${digits(r, 7)}`,
		vat: (r) => `IT${digits(r, 11)}`,
		cities: ['Roma', 'Milano', 'Firenze', 'Torino', "Reggio nell'Emilia"],
		streets: [
			'Via Roma',
			'Corso Vittorio Emanuele II',
			'Via dei Fori Imperiali',
			"Piazza dell'Unità",
		],
		first: ['Giulia', 'Niccolò', 'Francesca', 'Lorenzo'],
		last: ['Rossi', 'Bianchi', "Dell'Acqua", 'Esposito', 'Ricci'],
		domains: ['libero.it', 'gmail.com', 'tiscali.it'],
	},
	LU: {
		iso: 'LU',
		nl: 'Luxemburg',
		en: 'Luxembourg',
		fsId: '119',
		eu: true,
		standard: 1700,
		reduced: 800,
		locale: 'fr_FR',
		zip: (r) => r.pick([`L-${r.int(1000, 9999)}`, String(r.int(1000, 9999))]),
		phone: (r) => `+352 621 ${digits(r, 3)} ${digits(r, 3)}`,
		vat: (r) => `LU${digits(r, 8)}`,
		cities: ['Luxembourg', 'Esch-sur-Alzette', 'Differdange'],
		streets: ['Grand-Rue', 'Boulevard Royal', 'Avenue de la Liberté'],
		first: ['Luc', 'Marie', 'Jang'],
		last: ['Schmit', 'Weber', 'Hoffmann'],
		domains: ['pt.lu', 'gmail.com'],
	},
	PL: {
		iso: 'PL',
		nl: 'Polen',
		en: 'Poland',
		fsId: '171',
		eu: true,
		standard: 2300,
		reduced: 800,
		locale: 'pl_PL',
		zip: (r) => `${digits(r, 2)}-${digits(r, 3)}`,
		phone: (r) => `+48 ${digits(r, 3)} ${digits(r, 3)} ${digits(r, 3)}`,
		vat: (r) => `PL${digits(r, 10)}`,
		cities: ['Warszawa', 'Kraków', 'Łódź', 'Wrocław', 'Gdańsk'],
		streets: ['ulica Marszałkowska', 'ulica Floriańska', 'Aleje Jerozolimskie'],
		first: ['Łukasz', 'Małgorzata', 'Zofia', 'Paweł'],
		last: ['Kowalski', 'Wiśniewska', 'Wójcik', 'Zieliński'],
		domains: ['wp.pl', 'onet.pl', 'gmail.com'],
	},
	GB: {
		iso: 'GB',
		nl: 'Verenigd Koninkrijk',
		en: 'United Kingdom',
		fsId: '224',
		eu: false,
		standard: 0,
		reduced: 0,
		locale: 'en_GB',
		zip: (r) => `${letters(r, 2)}${r.int(1, 20)} ${r.int(1, 9)}${letters(r, 2)}`,
		phone: (r) => `+44 7${digits(r, 3)} ${digits(r, 6)}`,
		vat: (r) => `GB${digits(r, 9)}`,
		cities: ['London', 'Manchester', 'Edinburgh', "King's Lynn", 'Bury St Edmunds'],
		streets: ['Baker Street', "St John's Wood Road", 'High Street', 'Abbey Road'],
		first: ['Oliver', 'Siobhán', 'Amelia', 'Rhys'],
		last: ["O'Brien", 'Smith', 'Jones', 'Fitzgerald-Hughes'],
		domains: ['btinternet.com', 'gmail.com', 'outlook.com'],
	},
	US: {
		iso: 'US',
		nl: 'Verenigde Staten',
		en: 'United States',
		fsId: '226',
		eu: false,
		standard: 0,
		reduced: 0,
		locale: 'en_GB',
		zip: (r) => (r.chance(0.5) ? `${digits(r, 5)}-${digits(r, 4)}` : digits(r, 5)),
		phone: (r) => `+1 (${r.int(201, 989)}) ${digits(r, 3)}-${digits(r, 4)}`,
		vat: (r) => `US${digits(r, 9)}`,
		cities: ['New York, NY', 'San Francisco, CA', "Coeur d'Alene, ID", 'Austin, TX'],
		streets: ['5th Avenue', 'Market Street', 'Main Street', 'Martin Luther King Jr. Boulevard'],
		first: ['John', 'Emily', 'DeShawn', 'Madison'],
		last: ['Johnson', "O'Connor", 'Williams', 'Van Buren'],
		domains: ['gmail.com', 'yahoo.com', 'icloud.com'],
	},
	CH: {
		iso: 'CH',
		nl: 'Zwitserland',
		en: 'Switzerland',
		fsId: '237',
		eu: false,
		standard: 0,
		reduced: 0,
		locale: 'de_DE',
		zip: (r) => `CH-${r.int(1000, 9658)}`,
		phone: (r) => `+41 79 ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 2)}`,
		vat: (r) => `CHE-${digits(r, 3)}.${digits(r, 3)}.${digits(r, 3)} MWST`,
		cities: ['Zürich', 'Genève', 'Bern', 'Basel'],
		streets: ['Bahnhofstrasse', 'Rue du Rhône', 'Spitalgasse'],
		first: ['Urs', 'Céline', 'Reto', 'Mirjam'],
		last: ['Müller', 'Meier', 'Favre', 'Brunner'],
		domains: ['bluewin.ch', 'gmail.com'],
	},
	NO: {
		iso: 'NO',
		nl: 'Noorwegen',
		en: 'Norway',
		fsId: '157',
		eu: false,
		standard: 0,
		reduced: 0,
		locale: 'no_NO',
		zip: (r) => String(r.int(1, 9991)).padStart(4, '0'),
		phone: (r) => `+47 ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 3)}`,
		vat: (r) => `NO${digits(r, 9)}MVA`,
		cities: ['Oslo', 'Bergen', 'Tromsø', 'Trondheim'],
		streets: ['Karl Johans gate', 'Bryggen', 'Storgata'],
		first: ['Ørjan', 'Åse', 'Bjørn', 'Ingrid'],
		last: ['Hansen', 'Sæther', 'Løvås', 'Johansen'],
		domains: ['online.no', 'gmail.com'],
	},
};

export const OSS_COUNTRIES = ['DE', 'BE', 'FR', 'AT', 'ES', 'IT', 'LU'] as const;
/** intra-EU B2B destinations; PL has no OSS region in the shop, so its tax_region stays NL */
export const REVERSE_CHARGE_COUNTRIES = ['BE', 'DE', 'FR', 'AT', 'ES', 'IT', 'LU', 'PL'] as const;
export const EXPORT_COUNTRIES = ['US', 'CH', 'NO', 'GB'] as const;
