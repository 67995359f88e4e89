import { bytes } from './format.mjs';

const megabytes = (value) => `${(value / 1024 / 1024).toFixed(1)} MB`;

/** The `--data` scaling rows (bench/mock-scaling.mjs): p50 per operation by customers stored, and the ratio to the empty store. */
function scalingTable(scaling) {
	if (!Array.isArray(scaling) || scaling.length === 0) return undefined;
	const empty = scaling.find((row) => row.customers === 0);
	const ratio = (row, key) => (empty && typeof row.customers === 'number' ? ` (${(row[key] / empty[key]).toFixed(2)}×)` : '');
	const rows = scaling.map((row) => [
		typeof row.customers === 'number' ? `${bytes(row.customers)} customers, \`--data\`` : 'no data file (memory only)',
		`${row.mergeP50Ms} ms${ratio(row, 'mergeP50Ms')}`,
		`${row.validateP50Ms} ms${ratio(row, 'validateP50Ms')}`,
		row.startMs === undefined ? '' : `${bytes(row.startMs)} ms`,
		row.diskBytes === undefined ? '' : megabytes(row.diskBytes),
	]);
	return { header: ['stored', 'merge p50', 'validate p50', 'start', 'on disk'], rows };
}

/**
The mock throughput figures of bench-results/mock.json (written by scripts/bench-mock.mjs, which owns its shape) as
a table of validate throughput per concurrency level, plus the merge timing. A shape this does not know still shows,
as one row per number.
*/
export function mockTable(mock) {
	if (!mock || mock.note) return undefined;
	if (Array.isArray(mock.validate)) {
		const rows = mock.validate.map((level) => [
			`\`validate\`, ${level.concurrency} at a time (${bytes(level.requests)} requests)`,
			`${bytes(level.requestsPerSecond)} req/s`,
			`${level.p50Ms} ms`,
			`${level.p99Ms} ms`,
		]);
		const merge = mock.merge && {
			label: `${bytes(mock.merge.merges)} merges in a row (a validate, then a server-side redemption, per new visitor)`,
			each: `${mock.merge.perMergeMs} ms each`,
			total: `${bytes(mock.merge.totalMs)} ms in all`,
		};
		return { header: ['workload', 'throughput', 'p50', 'p99'], rows, merge, scaling: scalingTable(mock.scaling) };
	}
	const rows = [];
	const walk = (value, path) => {
		if (typeof value === 'number') rows.push([path.join(' '), bytes(value)]);
		else if (value && typeof value === 'object') for (const [key, nested] of Object.entries(value)) walk(nested, [...path, key]);
	};
	walk(mock, []);
	return { header: ['figure', 'value'], rows };
}
