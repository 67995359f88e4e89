import { bytes } from './format.mjs';

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
		return { header: ['workload', 'throughput', 'p50', 'p99'], rows, merge };
	}
	const rows = [];
	const walk = (value, path) => {
		if (typeof value === 'number') rows.push([path.join(' '), bytes(value)]);
		else if (value && typeof value === 'object') for (const [key, nested] of Object.entries(value)) walk(nested, [...path, key]);
	};
	walk(mock, []);
	return { header: ['figure', 'value'], rows };
}
