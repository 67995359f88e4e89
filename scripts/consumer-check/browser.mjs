// The browser consumer: a Vite storefront built from the installed tarball, its bundle then run in jsdom.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { assert, runOk } from './run.mjs';

const VITE_CONFIG = `// Records which modules each chunk holds, so the check can tell what the app bundled.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export default {
	logLevel: 'warn',
	build: { modulePreload: false },
	plugins: [{
		name: 'record-modules',
		writeBundle(options, bundle) {
			const modules = Object.values(bundle).filter((file) => file.type === 'chunk').flatMap((chunk) => chunk.moduleIds ?? Object.keys(chunk.modules));
			writeFileSync(join(options.dir, 'modules.json'), JSON.stringify(modules, null, 2));
		},
	}],
};
`;

const PAGES = {
	spa: `import { createClient } from 'voucherify-browser';

const client = createClient({ clientApplicationId: 'YOUR-CLIENT-APPLICATION-ID', clientToken: 'YOUR-CLIENT-TOKEN' });
document.querySelector('#visitor').textContent = client.trackingId ?? 'new visitor';
`,
	// As README "Install" puts it: the calls file first, so the core finds every call in the bundle and loads nothing.
	global: `import 'voucherify-browser/voucherify-calls.min.js';
import 'voucherify-browser/voucherify.min.js';
`,
};

/** Module ids an SPA must never bundle: msw, the mock API, Node built-ins and Vite's stand-ins for them. */
const FORBIDDEN_MODULE = /[\\/]msw[\\/]|[\\/]dist[\\/]mock[\\/]|create-mock-api|^node:|__vite-browser-external|[\\/]@mswjs[\\/]/;

/** Builds `page` with the consumer's own Vite; returns the bundled modules, the JS code and what Vite warned. */
async function viteBuild(cwd, page) {
	const root = join(cwd, page);
	mkdirSync(root, { recursive: true });
	writeFileSync(join(root, 'index.html'), `<!doctype html>\n<p id="visitor"></p>\n<script type="module" src="./main.js"></script>\n`);
	writeFileSync(join(root, 'main.js'), PAGES[page]);
	writeFileSync(join(cwd, 'vite.config.js'), VITE_CONFIG);
	const { stdout, stderr } = await runOk(process.execPath, [join(cwd, 'node_modules/vite/bin/vite.js'), 'build', page, '--config', 'vite.config.js'], { cwd });
	const outDir = join(root, 'dist');
	const assets = readdirSync(join(outDir, 'assets')).filter((file) => file.endsWith('.js'));
	assert(assets.length === 1, `expected one JS chunk, got ${assets.join(', ')}`);
	return {
		modules: JSON.parse(readFileSync(join(outDir, 'modules.json'), 'utf8')),
		code: readFileSync(join(outDir, 'assets', assets[0]), 'utf8'),
		warnings: `${stdout}${stderr}`.trim(),
	};
}

/** A page on https, with the bundle evaluated as the page's script. */
function runInPage(code) {
	const dom = new JSDOM('<!doctype html><p id="visitor"></p>', { url: 'https://shop.example/', runScripts: 'outside-only' });
	assert(!/^\s*(import|export)\b/m.test(code), 'the chunk has import or export statements: it cannot run as one script');
	dom.window.eval(code);
	return dom.window;
}

export async function checkSpa(cwd) {
	const { modules, code, warnings } = await viteBuild(cwd, 'spa');
	const forbidden = modules.filter((id) => FORBIDDEN_MODULE.test(id));
	assert(forbidden.length === 0, `the SPA bundled: ${forbidden.join(', ')}`);
	assert(modules.some((id) => /voucherify-browser[\\/]dist[\\/]index\.js$/.test(id)), `voucherify-browser's dist/index.js is not in the bundle: ${modules.join(', ')}`);
	assert(!/["'`]node:/.test(code), 'the bundle names a node: built-in');
	assert(!/externalized for browser compatibility/.test(warnings), `Vite replaced Node built-ins:\n${warnings}`);
	const window = runInPage(code);
	const visitor = window.document.querySelector('#visitor').textContent;
	assert(visitor === 'new visitor', `the page shows ${JSON.stringify(visitor)}`);
	return { modules: modules.length, min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

export async function checkGlobal(cwd, version) {
	const { code } = await viteBuild(cwd, 'global');
	const window = runInPage(code);
	assert(window.Voucherify?.version === version, `window.Voucherify.version is ${JSON.stringify(window.Voucherify?.version)}, expected ${version}`);
	assert(typeof window.Voucherify.createClient === 'function' && typeof window.Voucherify.validate === 'function', 'window.Voucherify lacks createClient or validate');
	assert(typeof window.VoucherifyCalls?.redeem === 'function', 'the bundle dropped voucherify-calls.min.js: window.VoucherifyCalls is missing');
	return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}
