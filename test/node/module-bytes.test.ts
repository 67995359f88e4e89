import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { bytesByModule, measureModuleBytes } from '../../scripts/bench/module-bytes.mjs';

/** The "where the bytes go" table of `npm run bench`: it must account for every byte of the script tag. */

const SCRIPT_TAG_BUILD = fileURLToPath(new URL('../../dist/voucherify.min.js', import.meta.url));

describe('where the script tag’s bytes go', () => {
	test('splits a text at the columns its source map names, and shares the real gzip total out', () => {
		// Segments: column 0 → source 0, column 4 → source 1 (base64 VLQ "AAAA", "ICAA"), then a second, unmapped line.
		const code = 'aaaabbbbbbbb\n//# comment';
		const table = bytesByModule(code, { sources: ['../src/a.ts', '../node_modules/pkg/dist/x.js'], mappings: 'AAAA,ICAA' });

		expect(Object.fromEntries(table.modules.map(({ module, min }) => [module, min]))).toEqual({
			'src/a.ts': 4,
			'pkg (bundled package)': 8,
			'(unmapped: the IIFE wrapper, the sourceMappingURL comment)': 12, // the line break and the comment
		});
		expect(table.totalGzip).toBe(gzipSync(code, { level: 9 }).length);
		expect(table.modules.reduce((sum, row) => sum + row.gzipShare, 0)).toBe(table.totalGzip);
	});

	test('accounts for every byte of the built dist/voucherify.min.js, module by module', () => {
		const table = measureModuleBytes(SCRIPT_TAG_BUILD);
		const file = readFileSync(SCRIPT_TAG_BUILD);

		expect(table.totalMin).toBe(file.length);
		expect(table.modules.reduce((sum, row) => sum + row.min, 0)).toBe(file.length);
		expect(table.modules.reduce((sum, row) => sum + row.gzipShare, 0)).toBe(gzipSync(file, { level: 9 }).length);
		expect(table.modules.map((row) => row.module)).toEqual(expect.arrayContaining(['src/client/transport.ts', 'src/shared/sha256.ts', 'src/tracking/cookie-store.ts']));
	});
});
