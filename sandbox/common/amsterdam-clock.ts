/** Both stand-ins date what they write on the Europe/Amsterdam wall clock, as the real shops do. */
const AMSTERDAM = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Amsterdam',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23',
});

/** Europe/Amsterdam local date (YYYY-MM-DD) and time (HH:mm:ss) of an instant */
export function amsterdamClock(at: Date | number): { date: string; time: string } {
	const p = Object.fromEntries(AMSTERDAM.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
	return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}` };
}
