import { existsSync, readFileSync } from 'node:fs';

/** Prints the wall time of each engine's end-to-end suites (launch included), from test/e2e/support/engines' log. */
const file = process.argv[2] ?? 'test-results/engine-timings.jsonl';
if (!existsSync(file)) {
	console.log(`== Engine timings: ${file} is missing (the end-to-end suite did not run)`);
	process.exit(0);
}
const totals = new Map();
for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
	const { engine, version, suite, ms } = JSON.parse(line);
	const entry = totals.get(engine) ?? { version, ms: 0, suites: [] };
	entry.ms += ms;
	entry.suites.push(`${suite} ${(ms / 1000).toFixed(1)} s`);
	totals.set(engine, entry);
}
console.log('== Engine timings (end-to-end suites, wall time)');
for (const [engine, { version, ms, suites }] of totals) {
	console.log(`${engine} (${version ?? 'did not start'}): ${(ms / 1000).toFixed(1)} s — ${suites.join(', ')}`);
}
