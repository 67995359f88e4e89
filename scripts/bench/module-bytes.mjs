import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
Where the bytes of the built script tag go, by source module, read from its source map (`dist/voucherify.min.js.map`,
which rollup and terser write with the build): every stretch of the minified text belongs to the module its mapping
names. Gzip has no per-module size, so each module's stretches are gzipped on their own and the real gzip total is
shared out in proportion to those figures.
*/

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const UNMAPPED = '(unmapped: the IIFE wrapper, the sourceMappingURL comment)';

/** The fields of one source-map segment: generated column, then source index, line, column, name (relative values). */
function decodeSegment(text) {
	const values = [];
	let value = 0;
	let shift = 0;
	for (const char of text) {
		const digit = BASE64.indexOf(char);
		value += (digit & 31) << shift;
		if (digit & 32) {
			shift += 5;
		} else {
			values.push(value & 1 ? -(value >>> 1) : value >>> 1);
			value = 0;
			shift = 0;
		}
	}
	return values;
}

/** Per generated line, the `[column, source index | undefined]` points where the source changes. */
function mappedColumns(mappings) {
	let source = 0;
	return mappings.split(';').map((line) => {
		let column = 0;
		return line
			.split(',')
			.filter(Boolean)
			.map((segment) => {
				const [columnDelta, sourceDelta] = decodeSegment(segment);
				column += columnDelta;
				if (sourceDelta === undefined) return [column, undefined];
				source += sourceDelta;
				return [column, source];
			});
	});
}

const shortName = (source) =>
	source.replace(/^(\.\.\/)+/, '').replace(/^node_modules\/([^/]+)\/.*$/, '$1 (bundled package)');

/**
`code` split by source module. Returns one row per module, largest first: minified bytes, gzip of its text alone,
and its share of the real gzip total.
*/
export function bytesByModule(code, map) {
	const lines = code.split('\n');
	const texts = new Map();
	const add = (name, text) => texts.set(name, (texts.get(name) ?? '') + text);
	const columns = mappedColumns(map.mappings);
	lines.forEach((line, lineIndex) => {
		const points = columns[lineIndex] ?? [];
		add(UNMAPPED, line.slice(0, points[0]?.[0] ?? line.length));
		points.forEach(([column, source], index) => {
			const end = points[index + 1]?.[0] ?? line.length;
			add(source === undefined ? UNMAPPED : shortName(map.sources[source]), line.slice(column, end));
		});
		if (lineIndex < lines.length - 1) add(UNMAPPED, '\n');
	});

	const totalGzip = gzipSync(code, { level: 9 }).length;
	const rows = [...texts].map(([module, text]) => ({ module, min: Buffer.byteLength(text), gzipAlone: gzipSync(text, { level: 9 }).length }));
	const aloneSum = rows.reduce((sum, row) => sum + row.gzipAlone, 0);
	// Whole bytes that add up to the real total: floors first, the bytes left over to the largest remainders.
	const exact = rows.map((row) => (row.gzipAlone / aloneSum) * totalGzip);
	const shares = exact.map(Math.floor);
	let left = totalGzip - shares.reduce((sum, share) => sum + share, 0);
	for (const index of exact.map((value, i) => i).sort((a, b) => (exact[b] % 1) - (exact[a] % 1))) {
		if (left-- <= 0) break;
		shares[index] += 1;
	}
	return {
		totalMin: Buffer.byteLength(code),
		totalGzip,
		modules: rows.map((row, index) => ({ ...row, gzipShare: shares[index] })).sort((a, b) => b.gzipShare - a.gzipShare || b.min - a.min),
	};
}

/** The table for the built script tag at `iifePath` (its map next to it). */
export function measureModuleBytes(iifePath) {
	const code = readFileSync(iifePath, 'utf8');
	const map = JSON.parse(readFileSync(`${iifePath}.map`, 'utf8'));
	return bytesByModule(code, map);
}

// `npm run build && node scripts/bench/module-bytes.mjs`: the table alone, without the rest of the benchmark.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
	const iife = fileURLToPath(new URL('../../dist/voucherify.min.js', import.meta.url));
	const { totalMin, totalGzip, modules } = measureModuleBytes(iife);
	for (const row of modules) console.log(`${String(row.gzipShare).padStart(6)} B gzip  ${String(row.min).padStart(6)} B min  ${row.module}`);
	console.log(`${String(totalGzip).padStart(6)} B gzip  ${String(totalMin).padStart(6)} B min  dist/voucherify.min.js`);
}
