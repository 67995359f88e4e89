import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import commonjs from '@rollup/plugin-commonjs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { round } from './stats.mjs';

const entry = (name) => fileURLToPath(new URL(`./entries/${name}`, import.meta.url));

/** min, gzip -9 and brotli (max quality) bytes of one file's text. */
export function measureText(code) {
	const bytes = Buffer.from(code);
	return {
		min: bytes.length,
		gzip: gzipSync(bytes, { level: 9 }).length,
		brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length,
	};
}

/** Bundles one entry the way an app's build would: browser resolution, tree-shaking, terser as our own build uses it. */
async function bundle(input, { format, withCommonjs = false }) {
	const build = await rollup({
		input,
		plugins: [nodeResolve({ browser: true }), withCommonjs && commonjs(), terser({ ecma: 2020 })].filter(Boolean),
		onwarn(warning, warn) {
			// axios and qs have circular imports and `this` at top level; harmless for a size figure.
			if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
			warn(warning);
		},
	});
	try {
		const { output } = await build.generate({ format, inlineDynamicImports: true });
		return output[0].code;
	} finally {
		await build.close();
	}
}

/** A bundle that still reaches for Node's crypto would not be what a browser runs. */
function assertBrowserCode(name, code) {
	if (/require\(["'](node:)?crypto["']\)|from\s*["'](node:)?crypto["']|createHash\(/.test(code)) {
		throw new Error(`${name}: the bundle contains Node's crypto, which no browser has`);
	}
}

/**
Builds the three comparison bundles and measures them with our built script tag.
Returns the figures and the official bundle's code, which the browser benchmarks load.
*/
export async function measureSizes({ iifePath }) {
	const [esm, official] = await Promise.all([
		bundle(entry('esm-create-client.js'), { format: 'es' }),
		bundle(entry('official-client-side.js'), { format: 'iife', withCommonjs: true }),
	]);
	const iife = readFileSync(iifePath, 'utf8');
	// The companion files sit beside the core and are measured on their own: a page loads each only when it needs it.
	const beside = (file) => readFileSync(iifePath.replace(/voucherify\.min\.js$/, file), 'utf8');
	const [calls, widget, full] = [beside('voucherify-calls.min.js'), beside('voucherify-widget.min.js'), beside('voucherify.full.min.js')];
	for (const [name, code] of Object.entries({ iife, calls, widget, full, esm })) assertBrowserCode(name, code);

	const sizes = {
		iife: measureText(iife),
		calls: measureText(calls),
		widget: measureText(widget),
		full: measureText(full),
		esmCreateClient: measureText(esm),
		official: measureText(official),
	};
	const ratio = (ours, other) => Object.fromEntries(Object.keys(ours).map((key) => [key, round(ours[key] / other[key], 3)]));
	sizes.ratios = {
		iifeVsOfficial: ratio(sizes.iife, sizes.official),
		fullVsOfficial: ratio(sizes.full, sizes.official),
		esmVsOfficial: ratio(sizes.esmCreateClient, sizes.official),
	};
	return { sizes, officialCode: official };
}
