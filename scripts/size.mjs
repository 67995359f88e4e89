#!/usr/bin/env node
// The size gate of `npm test`: fails when a built file grows past its gzip budget.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/**
Budgets in bytes after gzip -9. The script tag's is the product target, 10,240 B: it holds because that build
bundles a plain-fetch transport and a compact SHA-256 in place of ky and js-sha256 (scripts/lib/script-tag-swaps.mjs).
*/
const BUDGETS = [
	{ file: 'dist/voucherify.min.js', gzip: 10_240 },
	// The discount widget, loaded by the core on the first Voucherify.render() only.
	{ file: 'dist/voucherify-widget.min.js', gzip: 2_560 },
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
