/** Number formatting shared by the console table and the README section. */
export const bytes = (value) => value.toLocaleString('en-US');
export const ms = (value) => value.toFixed(value < 10 ? 2 : 1);
export const ratio = (value) => `${value.toFixed(2)}×`;
export const sizeTriple = ({ min, gzip, brotli }) => `${bytes(min)} / ${bytes(gzip)} / ${bytes(brotli)}`;
export const targetValue = ({ value, unit }) => {
	if (unit === 'B') return `${bytes(value)} B`;
	// Three decimals, so a figure just over its limit never prints as the limit itself.
	if (unit === '×') return `${value.toFixed(3)}×`;
	if (unit === 'ms') return `${value.toFixed(3)} ms`;
	if (unit === 'µs') return `${value.toFixed(1)} µs`;
	return `${value} ${unit}${value === 1 ? '' : 's'}`;
};

/** A plain-text table with padded columns. */
export function textTable(header, rows) {
	const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => String(row[column] ?? '').length)));
	const line = (row) => row.map((cell, column) => String(cell ?? '').padEnd(widths[column])).join('  ').trimEnd();
	return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
