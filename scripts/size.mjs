#!/usr/bin/env node
// The size gate of `npm test`: fails when a built file grows past its gzip budget.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/**
Budgets in bytes after gzip -9, set just above today's figures so growth fails the gate. The IIFE's target is
10,240 B, which the dependencies alone (ky, js-cookie, js-sha256: ~8,530 B) nearly fill; see README "Size and speed".
Raised from 16,384 B once, deliberately: a stalled body bounded by the timeout, header-safe options, cookies of the
same name on other domains, and voucherify.js's lenient arguments cost ~730 B gzip together.
*/
const BUDGETS = [
	{ file: 'dist/voucherify.min.js', gzip: 16_896 },
	{ file: 'dist/server/index.js', gzip: 2_048 },
];

export function measure(file) {
	const source = readFileSync(file);
	return {
		file,
		min: source.length,
		gzip: gzipSync(source, { level: 9 }).length,
		brotli: brotliCompressSync(source).length,
	};
}

let failed = false;
for (const budget of BUDGETS) {
	const size = measure(budget.file);
	const verdict = size.gzip <= budget.gzip ? 'ok' : 'OVER BUDGET';
	failed ||= size.gzip > budget.gzip;
	console.log(`${budget.file}: ${size.min} B min, ${size.gzip} B gzip, ${size.brotli} B brotli (budget ${budget.gzip} B gzip) ${verdict}`);
}
process.exitCode = failed ? 1 : 0;
