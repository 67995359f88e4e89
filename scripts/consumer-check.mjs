#!/usr/bin/env node
// The consumer check: `npm pack`, then the tarball installed into scratch projects as users would install it, and
// every supported setup exercised there. One line per check; `--json <file>` also writes the results for CI.
// It always writes bench-results/consumer-check.json too, from which `node scripts/readme-figures.mjs` writes the
// README's consumer table. Usage: node scripts/consumer-check.mjs [--json results.json] [--keep]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkGlobal, checkSpa } from './consumer-check/browser.mjs';
import { checkInstallsBesideMsw3, installConsumer } from './consumer-check/install.mjs';
import { checkCliServes, checkCliWithoutMsw, checkRequire, checkSsr } from './consumer-check/node.mjs';
import { checkTarballFiles, pack } from './consumer-check/pack.mjs';
import { checkRecipe, readReadmeRecipes, RECIPE_RUNNERS } from './consumer-check/recipes.mjs';
import { createReport } from './consumer-check/run.mjs';
import { checkAttw, checkPublint, checkTsc, TSC_PROJECTS, writeTscSources } from './consumer-check/types.mjs';
import { checkCdnSnippet } from './lib/cdn-snippet.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values: flags } = parseArgs({ options: { json: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'voucherify-consumers-'));
const report = createReport();
const started = Date.now();
/** What the checks measured, for the README's consumer table. */
const figures = {};

console.log(`[consumer-check] voucherify-browser ${version}, Node ${process.versions.node}, scratch ${scratch}`);
try {
	let packed;
	await report.check('package', 'npm pack (prepack: clean, build)', async () => {
		packed = await pack(ROOT, scratch);
		figures.tarball = { files: packed.files.length, packedBytes: packed.size, unpackedBytes: packed.unpackedSize };
		return `${packed.tarball.split('/').pop()}, ${packed.files.length} files, ${packed.size} B packed, ${packed.unpackedSize} B unpacked`;
	});
	if (!packed) throw new Error('npm pack failed: nothing to install');

	let browser;
	let node;
	await report.check('package', 'installs into a storefront (Vite, no msw) and a Node project (msw, vitest, Jest, tsc)', async () => {
		[browser, node] = await Promise.all([installConsumer(ROOT, scratch, 'browser', packed.tarball), installConsumer(ROOT, scratch, 'node', packed.tarball)]);
	});
	if (!browser || !node) throw new Error('npm install of the tarball failed');
	const installed = join(node, 'node_modules/voucherify-browser');

	await report.check('package', 'the tarball holds what users need, no repository-only file and no stale chunk', () => `${checkTarballFiles(packed.files, installed)} files`);
	await report.check('package', "README's CDN snippets pin this version with the packed files' sha384", () => checkCdnSnippet(readFileSync(join(ROOT, 'README.md'), 'utf8'), join(installed, 'dist'), version));
	await report.check('package', 'a project on msw 3 installs it (peer range)', () => checkInstallsBesideMsw3(scratch, packed.tarball));
	await report.check('package', 'publint --strict: no warning', () => checkPublint(ROOT, packed.tarball));
	await report.check('package', 'attw --profile esm-only: no problem', () => checkAttw(ROOT, packed.tarball));

	await report.check('browser', "Vite SPA build of createClient: no msw, no mock code, no node: built-ins; runs in a page", async () => {
		figures.spa = await checkSpa(browser);
		return `${figures.spa.modules} modules, ${figures.spa.min} B min, ${figures.spa.gzip} B gzip`;
	});
	await report.check('browser', "Vite build of the side-effect import 'voucherify-browser/voucherify.min.js' keeps window.Voucherify", async () => {
		figures.global = await checkGlobal(browser, version);
		return `window.Voucherify ${version} with its calls, ${figures.global.gzip} B gzip`;
	});
	await report.check('browser', 'npx voucherify-mock without msw exits 2 with one line', () => checkCliWithoutMsw(browser));

	await report.check('node', 'SSR: ESM import of every entry, a validate over HTTP, the server helper reads the id back', () => checkSsr(node));
	await report.check('node', 'require() of every entry from CommonJS', () => checkRequire(node));
	await report.check('node', 'npx voucherify-mock serves and stops on SIGTERM', () => checkCliServes(node));
	// Two compilers at a time: each takes a core for about 15 s.
	writeTscSources(node);
	const projects = Object.keys(TSC_PROJECTS);
	for (let index = 0; index < projects.length; index += 2) {
		await Promise.all(projects.slice(index, index + 2).map((project) => report.check('node', `tsc, project ${project}`, () => checkTsc(node, project))));
	}
	const recipes = readReadmeRecipes(ROOT);
	for (const runner of RECIPE_RUNNERS) {
		await report.check('node', `README "Use it in your own tests": the ${runner} recipe as written`, () => checkRecipe(node, runner, recipes[runner]));
	}
} catch (error) {
	console.log(`  FAIL  ${error instanceof Error ? error.message : String(error)}`);
	report.results.push({ consumer: 'package', name: 'setup', ok: false, detail: String(error) });
} finally {
	if (!flags.keep) rmSync(scratch, { recursive: true, force: true });
}

const passed = report.results.filter((result) => result.ok).length;
const failed = report.results.length - passed;
console.log(`[consumer-check] ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
const summary = { passed, failed, results: report.results };
if (flags.json) writeFileSync(flags.json, `${JSON.stringify(summary, null, 2)}\n`);
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
const record = { date: new Date().toISOString(), node: process.versions.node, seconds: Math.round((Date.now() - started) / 1000), figures, ...summary };
writeFileSync(join(ROOT, 'bench-results/consumer-check.json'), `${JSON.stringify(record, null, 2)}\n`);
process.exitCode = failed === 0 ? 0 : 1;
