import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { renderSection } from '../../scripts/readme-figures.mjs';
import { CONSUMERS_END, CONSUMERS_START, renderConsumerTable } from '../../scripts/lib/consumer-table.mjs';

/** The README states only what was measured: its figure sections are exactly what scripts/readme-figures.mjs writes from the committed results. */
const ROOT = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', ROOT), 'utf8');
const results = (name: string) => JSON.parse(readFileSync(new URL(`bench-results/${name}`, ROOT), 'utf8'));
const between = (start: string, end: string) => readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end)).trim();

describe('README figures', () => {
	test('the results they come from are committed', () => {
		expect(existsSync(new URL('bench-results/bench.json', ROOT))).toBe(true);
		expect(existsSync(new URL('bench-results/consumer-check.json', ROOT))).toBe(true);
	});

	test('"Size and speed" is the section bench-results/bench.json renders, figure for figure', () => {
		expect(between('<!-- size-and-speed:start -->', '<!-- size-and-speed:end -->')).toBe(renderSection(results('bench.json')).trim());
	});

	test('the consumer table is the one bench-results/consumer-check.json renders, tarball figures included', () => {
		const record = results('consumer-check.json');
		expect(between(CONSUMERS_START, CONSUMERS_END)).toBe(renderConsumerTable(record).trim());
		expect(between(CONSUMERS_START, CONSUMERS_END)).toContain(`${record.figures.tarball.files.toLocaleString('en-US')} files`);
	});
});
