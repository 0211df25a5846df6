import { specialVatTerritoryOf } from '../../../core/vat/vat-territory';

describe('special VAT territories', () => {
	it.each([
		['GB', 'BT1 5GS', 'Northern Ireland'],
		['gb', 'bt481aa', 'Northern Ireland'],
		['MC', '98000', 'Monaco'],
		['MC', '', 'Monaco'],
		['ES', '35001', 'Canary Islands'],
		['ES', '38 400', 'Canary Islands'],
		['ES', '51001', 'Ceuta'],
		['ES', '52001', 'Melilla'],
		['FR', '97400', 'French overseas departments (DOM)'],
		['FR', '98800', 'French overseas collectivities'],
		['FI', '22100', 'Åland Islands'],
		['DE', '78266', 'Büsingen am Hochrhein'],
		['DE', '27498', 'Heligoland'],
		['IT', '23041', 'Livigno'],
		['IT', '23030', 'Livigno'],
		['IT', '22061', "Campione d'Italia"],
		['GR', '630 86', 'Mount Athos'],
	])('%s %s → %s', (country, zip, name) => {
		const t = specialVatTerritoryOf(country, zip);
		expect(t?.name).toBe(name);
		expect(t?.treatment.length).toBeGreaterThan(30);
	});

	it.each([
		['GB', 'NW1 6XE'],
		['GB', 'SW1A 1AA'],
		['ES', '28001'],
		['ES', '08001'],
		['FR', '75001'],
		['FR', '98000'],
		['FI', '00100'],
		['DE', '78267'],
		['DE', '10115'],
		['IT', '20121'],
		['GR', '10431'],
		['NL', '9711 AB'],
		['US', '97205'],
		[null, '35001'],
		['ES', ''],
		['GB', null],
	])('%s %s is an ordinary address', (country, zip) => {
		expect(specialVatTerritoryOf(country, zip)).toBeNull();
	});
});
