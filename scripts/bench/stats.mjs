export const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Nearest-rank percentile of a list of numbers (p in 0..100). */
export function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[rank - 1];
}

export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median and p95 in milliseconds, rounded to microseconds. */
export const summarize = (values) => ({ median: round(median(values), 3), p95: round(percentile(values, 95), 3), n: values.length });
