import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/mock/cli/run.js';
import { SERVER_KEYS } from './support.js';

const directory = mkdtempSync(join(tmpdir(), 'voucherify-cli-customers-'));

/** Runs the CLI in-process; resolves once it prints its URL (or exits), with a way to stop it. */
function start(args: string[]) {
	let stderr = '';
	let stop = () => {};
	let announce: (url: string | undefined) => void = () => {};
	const url = new Promise<string | undefined>((resolve) => (announce = resolve));
	const exit = runCli(args, {
		stdout: { write: (text: string) => announce(/listening on (\S+)/.exec(text)?.[1]) },
		stderr: { write: (text: string) => (stderr += text) },
		onStopSignal: (callback) => (stop = callback),
	});
	void exit.then(() => announce(undefined));
	return { url, exit, stop: () => stop(), errors: () => stderr };
}

describe('voucherify-mock --customers', () => {
	test('seeds the customers of a CSV file at start and reports bad rows by line', async () => {
		const file = join(directory, 'seed.csv');
		writeFileSync(file, 'source_id,email,metadata.tier\nvip-1,vip@example.com,gold\nbad-2,not-an-email,gold\n');
		const run = start(['--port', '0', '--customers', file]);
		const url = await run.url;
		const response = await fetch(`${String(url)}/v1/customers/vip-1`, { headers: SERVER_KEYS });
		expect(await response.json()).toMatchObject({ source_id: 'vip-1', email: 'vip@example.com', metadata: { tier: 'gold' } });
		expect(run.errors()).toContain('Line 3: email not-an-email is not an email address');
		expect(run.errors()).toContain('1 created, 0 updated, 1 failed');
		run.stop();
		expect(await run.exit).toBe(0);
	});

	test('a file that is no customer import exits with status 2 naming the problem', async () => {
		const file = join(directory, 'wrong.csv');
		writeFileSync(file, 'source_id,source_id\nann,bob\n');
		const run = start(['--port', '0', '--customers', file]);
		expect(await run.exit).toBe(2);
		expect(run.errors()).toContain('source_id appears more than once');
	});

	test('a missing file exits with status 2', async () => {
		const run = start(['--port', '0', '--customers', join(directory, 'missing.csv')]);
		expect(await run.exit).toBe(2);
		expect(run.errors()).toContain('--customers');
	});
});
