// The scratch consumers: each a project that installs the packed tarball (and its tools) from the npm registry,
// at the versions the repository's lockfile holds, so the npm cache of the main install usually serves them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOk } from './run.mjs';

const versionIn = (root, name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

/**
`browser`: a storefront with Vite and no msw. `node`: a Node project with msw, the test runners the README's recipes
use, TypeScript and Node's types.
*/
export const CONSUMERS = {
	browser: ['vite'],
	node: ['msw', 'vitest', 'jsdom', 'jest', 'typescript', '@types/node'],
};

/** Creates `dir/<consumer>` with a package.json and installs the tarball and the consumer's tools there. */
export async function installConsumer(root, dir, consumer, tarball) {
	const cwd = join(dir, consumer);
	mkdirSync(cwd, { recursive: true });
	const devDependencies = Object.fromEntries(CONSUMERS[consumer].map((name) => [name, versionIn(root, name)]));
	writeFileSync(
		join(cwd, 'package.json'),
		`${JSON.stringify({ name: `consumer-${consumer}`, private: true, type: 'module', dependencies: { 'voucherify-browser': `file:${tarball}` }, devDependencies }, null, 2)}\n`,
	);
	await runOk('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd, timeoutMs: 300_000 });
	return cwd;
}

/** A project already on msw 3 resolves the tarball's peer range: `npm install` stops at ERESOLVE otherwise. */
export async function checkInstallsBesideMsw3(dir, tarball) {
	const cwd = join(dir, 'msw3');
	mkdirSync(cwd, { recursive: true });
	writeFileSync(join(cwd, 'package.json'), `${JSON.stringify({ name: 'consumer-msw3', private: true, type: 'module', devDependencies: { msw: '^3.0.0' } }, null, 2)}\n`);
	await runOk('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', `voucherify-browser@file:${tarball}`], { cwd, timeoutMs: 180_000 });
	const lock = JSON.parse(readFileSync(join(cwd, 'package-lock.json'), 'utf8'));
	return `resolved beside msw ${lock.packages['node_modules/msw']?.version}`;
}
