#!/usr/bin/env node
// The mock API's own suite (test/mock) on msw 3, which needs Node >= 22.12: a copy of the repository gets msw 3
// (`npm install --no-save`, so the lockfile and this tree stay on msw 2) and runs under Node 22 from the npm
// registry's `node` package. Usage: node scripts/mock-on-msw3.mjs [--json vitest-report.json] [--keep]
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { run, runOk } from './consumer-check/run.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MSW = 'msw@^3.0.0';
const NODE = 'node@22';
const { values: flags } = parseArgs({ options: { json: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const copy = mkdtempSync(join(tmpdir(), 'voucherify-msw3-'));
const SKIPPED = new Set(['node_modules', 'dist', '.git', 'bench-results', 'coverage', 'test-results']);

/** Runs `node <args>` on Node 22 in the copy, through npx and the registry's `node` package. */
const onNode22 = (args, options) => run('npx', ['--yes', '--package', NODE, '--', 'node', ...args], { cwd: copy, timeoutMs: 600_000, ...options });

let status = 1;
try {
	cpSync(ROOT, copy, { recursive: true, filter: (source) => !SKIPPED.has(relative(ROOT, source).split('/')[0]) });
	console.log(`[msw3] copy of the repository in ${copy}; npm install --no-save ${MSW}`);
	await runOk('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', '--no-save', MSW], { cwd: copy, timeoutMs: 600_000 });
	const mswVersion = JSON.parse(readFileSync(join(copy, 'node_modules/msw/package.json'), 'utf8')).version;
	const nodeVersion = (await onNode22(['--version'])).stdout.trim();
	console.log(`[msw3] msw ${mswVersion}, Node ${nodeVersion}`);
	if (!mswVersion.startsWith('3.') || !nodeVersion.startsWith('v22.')) throw new Error(`expected msw 3 and Node 22, got msw ${mswVersion} and Node ${nodeVersion}`);
	// The CLI tests run dist/mock/cli.js: it is built here, on Node 22, against msw 3.
	const build = await onNode22(['node_modules/rollup/dist/bin/rollup', '-c', '--silent']);
	if (build.code !== 0) throw new Error(`the build failed on Node 22:\n${build.stdout}${build.stderr}`);
	const reporters = ['--reporter=default', ...(flags.json ? ['--reporter=json', `--outputFile.json=${flags.json}`] : [])];
	const tests = await onNode22(['node_modules/vitest/vitest.mjs', 'run', '--project', 'node', 'test/mock', ...reporters], {
		env: { FORCE_COLOR: '0' },
	});
	process.stdout.write(tests.stdout.split('\n').filter((line) => !/^\s+✓/.test(line)).join('\n'));
	process.stdout.write(tests.stderr);
	status = tests.code === 0 ? 0 : 1;
	console.log(`[msw3] test/mock on msw ${mswVersion} and Node ${nodeVersion}: ${status === 0 ? 'passed' : 'FAILED'}`);
} catch (error) {
	console.log(`[msw3] FAILED: ${error instanceof Error ? error.message : String(error)}`);
} finally {
	if (!flags.keep) rmSync(copy, { recursive: true, force: true });
}
process.exitCode = status;
