// The script tag's two swaps, for rollup (the build) and vitest (the `unit-script-tag` project) alike:
// a plain-fetch transport for ky's, and a compact SHA-256 for js-sha256. The npm build keeps both dependencies.
import { fileURLToPath } from 'node:url';

const source = (path) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

export const scriptTagSwaps = () => ({
	name: 'script-tag-swaps',
	// Before Vite's own resolver, which would otherwise settle these imports first.
	enforce: 'pre',
	resolveId(id, importer) {
		if (id === 'js-sha256') return source('shared/sha256.ts');
		if (id === './transport.js' && importer?.replaceAll('\\', '/').endsWith('/src/client/create-client.ts')) return source('client/fetch-transport.ts');
		return null;
	},
});
