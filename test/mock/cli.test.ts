import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CLIENT_KEYS, SERVER_KEYS } from './support.js';

// The CLI is tested as shipped: `npm test` builds dist/ before vitest runs.
const CLI = fileURLToPath(new URL('../../dist/mock/cli.js', import.meta.url));
const LISTENING = /^Voucherify mock API listening on (http:\/\/127\.0\.0\.1:\d+)\n/;

const running = new Set<ChildProcessWithoutNullStreams>();
let directory: string;

beforeAll(() => {
	if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first with \`npx rollup -c\` (npm test does)`);
	directory = mkdtempSync(join(tmpdir(), 'voucherify-cli-'));
});
afterEach(() => {
	for (const child of running) child.kill('SIGKILL');
	running.clear();
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

interface Exit {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

function launch(args: string[]) {
	const child = spawn(process.execPath, [CLI, ...args]);
	running.add(child);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const exited = new Promise<Exit>((resolve) => child.once('exit', (code) => {
		running.delete(child);
		resolve({ code, stdout, stderr });
	}));
	/** Resolves with the URL once the one ready line is out; rejects if the process exits first. */
	const ready = new Promise<string>((resolve, reject) => {
		child.stdout.on('data', () => {
			const match = LISTENING.exec(stdout);
			if (match?.[1]) resolve(match[1]);
		});
		void exited.then((exit) => reject(new Error(`the CLI exited with ${exit.code}: ${exit.stderr}`)));
	});
	// Tests that expect an exit never await `ready`; its rejection is not a failure there.
	ready.catch(() => undefined);
	return { child, ready, exited, output: () => stdout, errors: () => stderr };
}

describe('voucherify-mock', () => {
	test('prints one line with its URL and serves the API there', async () => {
		const { ready, output, child, exited } = launch(['--port', '0']);
		const url = await ready;
		const response = await fetch(`${url}/client/v1/validate?code=WELCOME10&amount=1000`, { headers: CLIENT_KEYS });
		expect(await response.json()).toMatchObject({ valid: true, order: { total_amount: 900 } });
		expect(output().split('\n')).toEqual([expect.stringMatching(LISTENING.source.slice(1, -2)), '']);
		child.kill('SIGTERM');
		expect((await exited).code).toBe(0);
	});

	test('stops cleanly on SIGINT', async () => {
		const { ready, child, exited } = launch(['--port', '0']);
		await ready;
		child.kill('SIGINT');
		expect(await exited).toMatchObject({ code: 0, stderr: '' });
	});

	test('--help prints the flags and exits 0', async () => {
		const { exited } = launch(['--help']);
		const { code, stdout } = await exited;
		expect(code).toBe(0);
		for (const flag of ['--port', '--host', '--client-app-id', '--client-token', '--app-id', '--app-token', '--allowed-origin', '--fixtures', '--data']) expect(stdout).toContain(flag);
	});

	test('--help lists the fault, rate-limit and timeout flags', async () => {
		const { stdout } = await launch(['--help']).exited;
		const flags = ['--latency', '--jitter', '--fail-500', '--fail-503', '--fail-429', '--retry-after', '--fail-reset', '--fail-html', '--fail-truncated', '--fault-seed', '--rate-limit', '--request-timeout', '--headers-timeout'];
		expect(flags.filter((flag) => !stdout.includes(flag))).toEqual([]);
	});

	test.each([[['--bogus']], [['--port', 'eighty']], [['--port', '70000']], [['--port']], [['positional']]])('%j is refused with exit code 2', async (args) => {
		const { code, stderr, stdout } = await launch(args).exited;
		expect(code).toBe(2);
		expect(stderr).toMatch(/^\[voucherify\] mock: /);
		expect(stdout).toBe('');
	});

	test('the key flags replace the default keys', async () => {
		const { ready, child } = launch(['--port', '0', '--client-app-id', 'my-app', '--client-token', 'my-token', '--app-id', 'my-server', '--app-token', 'my-secret']);
		const url = await ready;
		expect((await fetch(`${url}/client/v1/validate?code=SAVE5`, { headers: CLIENT_KEYS })).status).toBe(401);
		expect((await fetch(`${url}/client/v1/validate?code=SAVE5`, { headers: { 'X-Client-Application-Id': 'my-app', 'X-Client-Token': 'my-token' } })).status).toBe(200);
		expect((await fetch(`${url}/v1/vouchers/SAVE5`, { headers: SERVER_KEYS })).status).toBe(401);
		expect((await fetch(`${url}/v1/vouchers/SAVE5`, { headers: { 'X-App-Id': 'my-server', 'X-App-Token': 'my-secret' } })).status).toBe(200);
		child.kill('SIGTERM');
	});

	test('--allowed-origin is repeatable and replaces the default list', async () => {
		const { ready, child } = launch(['--port', '0', '--allowed-origin', 'shop.test', '--allowed-origin', '.shop.test']);
		const url = await ready;
		const statusFrom = async (origin: string) => (await fetch(`${url}/client/v1/validate?code=SAVE5`, { headers: { ...CLIENT_KEYS, Origin: origin } })).status;
		expect([await statusFrom('http://shop.test'), await statusFrom('https://www.shop.test'), await statusFrom('http://localhost:3000')]).toEqual([200, 200, 403]);
		child.kill('SIGTERM');
	});

	test('--fixtures replaces the default vouchers', async () => {
		const fixtures = join(directory, 'fixtures.json');
		writeFileSync(fixtures, JSON.stringify([{ code: 'ONLYME', discount: { type: 'AMOUNT', amount_off: 250 } }]));
		const { ready, child } = launch(['--port', '0', '--fixtures', fixtures]);
		const url = await ready;
		const validate = async (code: string) => (await (await fetch(`${url}/client/v1/validate?code=${code}&amount=1000`, { headers: CLIENT_KEYS })).json()) as Record<string, unknown>;
		expect(await validate('ONLYME')).toMatchObject({ valid: true, order: { discount_amount: 250 } });
		expect(await validate('WELCOME10')).toMatchObject({ valid: false });
		child.kill('SIGTERM');
	});

	test('an invalid --fixtures file is refused with exit code 2, naming the field', async () => {
		const fixtures = join(directory, 'broken.json');
		writeFileSync(fixtures, JSON.stringify([{ code: 'BAD', discount: { type: 'PERCENT', percent_off: 250 } }]));
		const { code, stderr } = await launch(['--port', '0', '--fixtures', fixtures]).exited;
		expect(code).toBe(2);
		expect(stderr).toContain('vouchers[0].discount.percent_off');
	});

	test('--data state survives a restart, even after a hard kill', async () => {
		const dataFile = join(directory, 'state.json');
		const first = launch(['--port', '0', '--data', dataFile]);
		const firstUrl = await first.ready;
		const redemption = await fetch(`${firstUrl}/v1/vouchers/LASTONE/redemption?tracking_id=track_cli`, {
			method: 'POST',
			headers: { ...SERVER_KEYS, 'Content-Type': 'application/json' },
			body: JSON.stringify({ customer: { name: 'Vera' }, order: { amount: 2000 } }),
		});
		expect(redemption.status).toBe(200);
		first.child.kill('SIGKILL');
		await first.exited;

		const second = launch(['--port', '0', '--data', dataFile]);
		const secondUrl = await second.ready;
		const customer = await fetch(`${secondUrl}/v1/customers/track_cli`, { headers: SERVER_KEYS });
		expect(await customer.json()).toMatchObject({ source_id: 'track_cli', name: 'Vera', summary: { redemptions: { total_succeeded: 1 } } });
		expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
		second.child.kill('SIGTERM');
		expect((await second.exited).code).toBe(0);
	});

	test('--fail-503 1 --retry-after 4 answers every client call 503 with Retry-After 4, and no server call', async () => {
		const { ready, child } = launch(['--port', '0', '--fail-503', '1', '--retry-after', '4']);
		const url = await ready;
		const client = await fetch(`${url}/client/v1/validate?code=SAVE5`, { headers: CLIENT_KEYS });
		expect([client.status, client.headers.get('retry-after')]).toEqual([503, '4']);
		expect((await client.json()) as unknown).toMatchObject({ code: 503, key: 'service_unavailable' });
		expect((await fetch(`${url}/v1/vouchers/SAVE5`, { headers: SERVER_KEYS })).status).toBe(200);
		child.kill('SIGTERM');
	});

	test('the same --fault-seed and shares fault the same calls in two runs', async () => {
		const statuses = async () => {
			const { ready, child } = launch(['--port', '0', '--fault-seed', '42', '--fail-500', '0.3', '--fail-429', '0.3']);
			const url = await ready;
			const seen = [];
			for (let call = 0; call < 20; call += 1) seen.push((await fetch(`${url}/client/v1/validate?code=SAVE5`, { headers: CLIENT_KEYS })).status);
			child.kill('SIGTERM');
			return seen;
		};
		const first = await statuses();
		expect(new Set(first)).toEqual(new Set([200, 429, 500]));
		expect(await statuses()).toEqual(first);
	});

	test('without --fault-seed, the seed drawn is printed on stderr, and passing it reproduces the run', async () => {
		const statuses = async (args: string[]) => {
			const { ready, child, errors } = launch(['--port', '0', '--fail-500', '0.5', ...args]);
			const url = await ready;
			const seen = [];
			for (let call = 0; call < 20; call += 1) seen.push((await fetch(`${url}/client/v1/validate?code=SAVE5`, { headers: CLIENT_KEYS })).status);
			child.kill('SIGTERM');
			return { seen, stderr: errors() };
		};
		const first = await statuses([]);
		const seed = /--fault-seed (\d+) reproduces this run/.exec(first.stderr)?.[1];
		expect(seed).toMatch(/^\d+$/);
		expect((await statuses(['--fault-seed', String(seed)])).seen).toEqual(first.seen);
	});

	test('--rate-limit 2/60 answers the third client call from one IP 429', async () => {
		const { ready, child } = launch(['--port', '0', '--rate-limit', '2/60']);
		const url = await ready;
		const seen = [];
		for (let call = 0; call < 3; call += 1) seen.push((await fetch(`${url}/client/v1/validate?code=SAVE5`, { headers: CLIENT_KEYS })).status);
		expect(seen).toEqual([200, 200, 429]);
		child.kill('SIGTERM');
	});

	test.each([
		[['--fail-500', '1.5'], '--fail-500'],
		[['--fail-500', 'half'], '--fail-500'],
		[['--fail-500', '0.6', '--fail-503', '0.6'], '--fail-* shares'],
		[['--latency', '-5'], '--latency'],
		[['--rate-limit', 'lots'], '--rate-limit'],
		[['--request-timeout', '1000', '--headers-timeout', '2000'], '--headers-timeout'],
	])('%j is refused with exit code 2, naming %s', async (args, named) => {
		const { code, stderr } = await launch(['--port', '0', ...args]).exited;
		expect(code).toBe(2);
		expect(stderr).toContain(named);
	});

	test('a port in use exits with code 1', async () => {
		const first = launch(['--port', '0']);
		const port = new URL(await first.ready).port;
		const { code, stderr } = await launch(['--port', port]).exited;
		expect(code).toBe(1);
		expect(stderr).toContain('EADDRINUSE');
	});
});
