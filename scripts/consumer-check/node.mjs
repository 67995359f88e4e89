// The Node consumer: every entry imported (ESM) and required (CommonJS) from the installed tarball, and the CLI.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, runOk, run } from './run.mjs';

/** Server-side rendering: the browser entry without a DOM, against the mock over real HTTP; the server helper reads the id back. */
const SSR = `import { createClient } from 'voucherify-browser';
import { readTrackingId, trackingCookie } from 'voucherify-browser/server';
import { createMockApi, MOCK_DEFAULTS } from 'voucherify-browser/mock';

const api = createMockApi();
const { url, close } = await api.start({ port: 0 });
try {
	const client = createClient({ clientApplicationId: MOCK_DEFAULTS.clientApplicationId, clientToken: MOCK_DEFAULTS.clientToken, apiUrl: url });
	const result = await client.validate({ code: 'WELCOME10', amount: 10000 });
	const cookie = trackingCookie(client.trackingId).split(';')[0];
	console.log(JSON.stringify({ valid: result.valid, total: result.order.total_amount, roundTrip: readTrackingId(cookie) === client.trackingId }));
} finally {
	await close();
}
`;

const REQUIRE = `const browser = require('voucherify-browser');
const server = require('voucherify-browser/server');
const mock = require('voucherify-browser/mock');
console.log(JSON.stringify([typeof browser.createClient, typeof server.readTrackingId, typeof mock.createMockApi]));
`;

export async function checkSsr(cwd) {
	writeFileSync(join(cwd, 'ssr.mjs'), SSR);
	const { stdout } = await runOk(process.execPath, ['ssr.mjs'], { cwd, timeoutMs: 60_000 });
	assert(stdout.trim() === JSON.stringify({ valid: true, total: 9000, roundTrip: true }), `ssr.mjs printed ${stdout.trim()}`);
	return 'voucherify-browser, /server and /mock imported; validate answered over HTTP';
}

export async function checkRequire(cwd) {
	writeFileSync(join(cwd, 'require.cjs'), REQUIRE);
	const { stdout } = await runOk(process.execPath, ['require.cjs'], { cwd, timeoutMs: 60_000 });
	assert(stdout.trim() === '["function","function","function"]', `require.cjs printed ${stdout.trim()}`);
	return `require() of every entry on Node ${process.versions.node}`;
}

/** `npx voucherify-mock` in a project with msw: one ready line, then a clean stop on SIGTERM. */
export function checkCliServes(cwd) {
	return new Promise((resolve, reject) => {
		const child = spawn(join(cwd, 'node_modules/.bin/voucherify-mock'), ['--port', '0'], { cwd });
		let stdout = '';
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`no ready line within 30 s: ${stdout}`));
		}, 30_000);
		child.stdout.on('data', (chunk) => {
			stdout += chunk;
			if (/^Voucherify mock API listening on http:\/\/127\.0\.0\.1:\d+\n$/.test(stdout)) child.kill('SIGTERM');
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			if (code === 0 && stdout.startsWith('Voucherify mock API listening')) resolve(stdout.trim());
			else reject(new Error(`exited ${code}: ${stdout}`));
		});
	});
}

/** `npx voucherify-mock` in a project without msw: exit 2 and one line naming msw and its install command. */
export async function checkCliWithoutMsw(cwd) {
	const { code, stdout, stderr } = await run(join(cwd, 'node_modules/.bin/voucherify-mock'), ['--port', '0'], { cwd, timeoutMs: 30_000 });
	assert(code === 2, `exit code ${code}, expected 2: ${stderr}`);
	assert(stdout === '' && stderr.split('\n').filter(Boolean).length === 1, `expected one line on stderr, got:\n${stdout}${stderr}`);
	assert(/\bmsw\b/.test(stderr) && stderr.includes('npm install'), `the line does not name msw and the install command: ${stderr}`);
	return stderr.trim();
}
