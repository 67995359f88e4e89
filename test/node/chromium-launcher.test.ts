import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { findChromium, launchChromium } from '../../scripts/lib/chromium.mjs';

/**
The browser suites and the benchmark fail, never skip, when there is no Chromium: the launcher stops with the
command that installs one. CHROME_PATH is its seam: when set, it is the only binary the launcher will try.
*/

const MISSING_BINARY = join(tmpdir(), 'voucherify-no-such-dir', 'chromium');
const INSTALL_COMMAND = 'apt-get install -y --no-install-recommends chromium';

afterEach(() => {
	vi.unstubAllEnvs();
});

/** What a call threw or rejected with; fails when it succeeded. */
async function failureOf(run: () => unknown): Promise<Error> {
	try {
		await run();
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the call to fail, but it succeeded');
}

describe('with CHROME_PATH pointing at a file that does not exist', () => {
	test('findChromium fails with the command that installs Chromium, and names CHROME_PATH', async () => {
		vi.stubEnv('CHROME_PATH', MISSING_BINARY);

		const error = await failureOf(() => findChromium());

		expect(error).toBeInstanceOf(Error);
		expect(error.message).toContain(INSTALL_COMMAND);
		expect(error.message).toContain('CHROME_PATH');
	});

	test('launchChromium rejects with the same instructions, before starting any browser', async () => {
		vi.stubEnv('CHROME_PATH', MISSING_BINARY);

		const launching = launchChromium();
		const error = await launching.then(
			() => {
				throw new Error('expected launchChromium to reject, but it resolved');
			},
			(reason: unknown) => reason as Error,
		);

		expect(error.message).toMatch(/^No Chromium found\./);
		expect(error.message).toContain(INSTALL_COMMAND);
	});
});

describe('with CHROME_PATH pointing at a file that exists', () => {
	test('findChromium returns that path', () => {
		const dir = mkdtempSync(join(tmpdir(), 'voucherify-chrome-'));
		const binary = join(dir, 'chrome');
		writeFileSync(binary, '');
		vi.stubEnv('CHROME_PATH', binary);
		try {
			expect(findChromium()).toBe(binary);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
