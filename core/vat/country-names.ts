/**
 * Country names as Mijnwebwinkel prints them (Dutch by default, English for en_GB shops) → ISO 3166-1
 * alpha-2. Used only when an address has no `country_code`. Covers the EU, the EEA, the UK, Switzerland
 * and the usual export destinations; unknown names give null (the caller then leaves the code empty
 * rather than guess).
 */
const NAMES: ReadonlyArray<[code: string, dutch: string, ...others: string[]]> = [
	['NL', 'Nederland', 'Netherlands', 'The Netherlands', 'Holland'],
	['BE', 'België', 'Belgie', 'Belgium', 'Belgique'],
	['DE', 'Duitsland', 'Germany', 'Deutschland'],
	['FR', 'Frankrijk', 'France'],
	['LU', 'Luxemburg', 'Luxembourg'],
	['AT', 'Oostenrijk', 'Austria', 'Österreich'],
	['BG', 'Bulgarije', 'Bulgaria'],
	['CY', 'Cyprus'],
	['CZ', 'Tsjechië', 'Tsjechie', 'Czech Republic', 'Czechia'],
	['DK', 'Denemarken', 'Denmark'],
	['EE', 'Estland', 'Estonia'],
	['ES', 'Spanje', 'Spain', 'España'],
	['FI', 'Finland'],
	['GR', 'Griekenland', 'Greece'],
	['HR', 'Kroatië', 'Kroatie', 'Croatia'],
	['HU', 'Hongarije', 'Hungary'],
	['IE', 'Ierland', 'Ireland'],
	['IT', 'Italië', 'Italie', 'Italy', 'Italia'],
	['LT', 'Litouwen', 'Lithuania'],
	['LV', 'Letland', 'Latvia'],
	['MT', 'Malta'],
	['PL', 'Polen', 'Poland'],
	['PT', 'Portugal'],
	['RO', 'Roemenië', 'Roemenie', 'Romania'],
	['SE', 'Zweden', 'Sweden'],
	['SI', 'Slovenië', 'Slovenie', 'Slovenia'],
	['SK', 'Slowakije', 'Slovakia'],
	['GB', 'Verenigd Koninkrijk', 'United Kingdom', 'Groot-Brittannië', 'Great Britain', 'UK'],
	['CH', 'Zwitserland', 'Switzerland', 'Schweiz', 'Suisse'],
	['NO', 'Noorwegen', 'Norway', 'Norge'],
	['IS', 'IJsland', 'Iceland'],
	['LI', 'Liechtenstein'],
	['US', 'Verenigde Staten', 'United States', 'United States of America', 'USA'],
	['CA', 'Canada'],
	['AU', 'Australië', 'Australie', 'Australia'],
	['JP', 'Japan'],
	['CW', 'Curaçao', 'Curacao'],
	['AW', 'Aruba'],
	['SR', 'Suriname'],
	['TR', 'Turkije', 'Turkey'],
];

const fold = (s: string): string =>
	s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.trim()
		.toLowerCase();

const byName = new Map<string, string>();
const dutchByCode = new Map<string, string>();
for (const [code, dutch, ...others] of NAMES) {
	dutchByCode.set(code, dutch);
	for (const name of [dutch, ...others]) byName.set(fold(name), code);
}

/** "Duitsland" / "Germany" → "DE"; null when unknown */
export function countryCodeFromName(name: string): string | null {
	return byName.get(fold(name)) ?? null;
}

/** "DE" → "Duitsland"; null when not in the table */
export function dutchCountryName(code: string): string | null {
	return dutchByCode.get(code.toUpperCase()) ?? null;
}
