// `npm pack` of the repository (its prepack cleans and builds), and what the tarball must and must not hold.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, runOk } from './run.mjs';

/** Packs the repository into `destination`; returns the tarball's path and the list of files it holds. */
export async function pack(root, destination) {
	const { stdout } = await runOk('npm', ['pack', '--json', '--pack-destination', destination], { cwd: root, timeoutMs: 300_000 });
	// prepack's own output precedes the JSON on stdout.
	const [info] = JSON.parse(stdout.slice(stdout.indexOf('[\n')));
	return { tarball: join(destination, info.filename), files: info.files.map((file) => file.path), size: info.size, unpackedSize: info.unpackedSize };
}

const REQUIRED = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/index.js', 'dist/index.d.ts', 'dist/index.js.map', 'dist/index.d.ts.map', 'dist/server/index.js', 'dist/mock/index.js', 'dist/mock/cli.js', 'dist/voucherify.min.js', 'dist/voucherify-calls.min.js', 'dist/voucherify-widget.min.js', 'dist/voucherify.full.min.js', 'dist/script-tag/global.d.ts'];

/** The files a user needs are there; nothing from the repository's tests, scripts or CI is; no chunk is stale. */
export function checkTarballFiles(files, packageDir) {
	const missing = REQUIRED.filter((file) => !files.includes(file));
	assert(missing.length === 0, `missing from the tarball: ${missing.join(', ')}`);
	const stray = files.filter((file) => /^(test|scripts|demo|\.ci|node_modules|bench-results)\//.test(file));
	assert(stray.length === 0, `the tarball holds repository-only files: ${stray.join(', ')}`);
	// A chunk nothing imports is left over from an earlier build: prepack must clean dist/ first.
	const code = files.filter((file) => file.startsWith('dist/') && file.endsWith('.js')).map((file) => readFileSync(join(packageDir, file), 'utf8')).join('\n');
	const stale = files.filter((file) => /^dist\/chunks\/.+\.js$/.test(file) && !code.includes(`/${file.slice('dist/chunks/'.length)}'`));
	assert(stale.length === 0, `chunks no module imports (a stale build): ${stale.join(', ')}`);
	return files.length;
}
