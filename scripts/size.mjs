#!/usr/bin/env node
// The size gate of `npm test`: fails when a built file grows past its gzip budget.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/**
Budgets in bytes after gzip -9. The script tag's is the product target, 10,240 B; `npm run bench` shows which
modules its bytes go to. The server helper's entry is unminified ESM with its JSDoc: 2,560 B since it gained
readVisitorIds and redemptionIdentity (the checkout hand-off of both ids).
*/
const BUDGETS = [
	{ file: 'dist/voucherify.min.js', gzip: 10_240 },
	// Every client call but validate, loaded by the core on the first such call.
	{ file: 'dist/voucherify-calls.min.js', gzip: 5_120 },
	// The discount widget, loaded by the core on the first Voucherify.render() only.
	{ file: 'dist/voucherify-widget.min.js', gzip: 2_560 },
	// The one-file script tag (every call and the widget, loads nothing else): 13,456 B when it was added, budget ~10% above.
	{ file: 'dist/voucherify.full.min.js', gzip: 14_848 },
	{ file: 'dist/server/index.js', gzip: 2_560 },
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
