import { DomainError } from '../shared/errors.js';

/** One record of a CSV file, with the line it starts on (1 is the header). */
export interface CsvRecord {
	readonly line: number;
	readonly cells: readonly string[];
}

/**
 * Parses RFC 4180 CSV: quoted cells may hold commas, quotes (`""`) and line breaks; CRLF and LF both
 * end a record; a leading BOM is dropped; blank lines are skipped. An unclosed quote is `invalid_payload`.
 */
export function parseCsv(text: string): CsvRecord[] {
	const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const records: CsvRecord[] = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let line = 1;
	let recordLine = 1;
	const endRecord = () => {
		cells.push(cell);
		if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
		cells = [];
		cell = '';
	};
	for (let index = 0; index < source.length; index++) {
		const char = source[index];
		if (quoted) {
			if (char === '"' && source[index + 1] === '"') {
				cell += '"';
				index++;
			} else if (char === '"') quoted = false;
			else {
				if (char === '\n') line++;
				cell += char;
			}
		} else if (char === '"' && cell === '') quoted = true;
		else if (char === ',') {
			cells.push(cell);
			cell = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && source[index + 1] === '\n') index++;
			endRecord();
			line++;
			recordLine = line;
		} else cell += char;
	}
	if (quoted) throw new DomainError('invalid_payload', 'Invalid payload', `The CSV file has a quote opened on line ${recordLine} and never closed`);
	if (cell !== '' || cells.length > 0) endRecord();
	return records;
}

const needsQuotes = (cell: string) => /[",\r\n]/.test(cell) || cell !== cell.trim();

/** Writes rows as CSV, quoting only the cells that need it; lines end with CRLF, as RFC 4180 says. */
export const toCsv = (rows: readonly (readonly string[])[]): string =>
	rows.map((row) => row.map((cell) => (needsQuotes(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')).join('\r\n') + '\r\n';
