import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { missingPackageOf } from '../../src/mock/cli/missing-package.js';

/**
`voucherify-mock` in a project that installed the SDK but not its optional peer msw: the built package is copied to
a temporary folder with no node_modules above it, so `msw` cannot resolve, as in such a project.
*/
const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
let packageDir: string;

beforeAll(() => {
	if (!existsSync(join(DIST, 'mock/cli.js'))) throw new Error('dist/mock/cli.js is missing: build first (npm test does)');
	const scratch = mkdtempSync(join(tmpdir(), 'voucherify-no-msw-'));
	packageDir = join(scratch, 'node_modules', 'voucherify-browser');
	cpSync(DIST, join(packageDir, 'dist'), { recursive: true });
	writeFileSync(join(packageDir, 'package.json'), JSON.stringify({ name: 'voucherify-browser', type: 'module' }));
});
afterAll(() => rmSync(join(packageDir, '..', '..'), { recursive: true, force: true }));

describe('voucherify-mock without msw installed', () => {
	test('exits 2 with one line that names msw and the command that installs it', () => {
		const run = spawnSync(process.execPath, [join(packageDir, 'dist/mock/cli.js'), '--port', '0'], { encoding: 'utf8', timeout: 20_000 });

		expect(run.status).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toBe(
			'[voucherify] mock: voucherify-mock needs the msw package, which is not installed; install it with: npm install --save-dev msw@^2.15.0\n',
		);
	});
});

describe('missingPackageOf', () => {
	const importError = async (specifier: string) => import(specifier).then(() => undefined, (error: unknown) => error);

	test('names the package, scoped or not, that a failed import could not find', async () => {
		expect(missingPackageOf(await importError('voucherify-absent-package/sub'))).toBe('voucherify-absent-package');
		expect(missingPackageOf(await importError('@voucherify-absent/package'))).toBe('@voucherify-absent/package');
	});

	test('is undefined for a missing file and for any other error', async () => {
		expect(missingPackageOf(await importError('./voucherify-absent-file.js'))).toBeUndefined();
		expect(missingPackageOf(new Error("Cannot find package 'msw'"))).toBeUndefined();
		expect(missingPackageOf('msw')).toBeUndefined();
	});
});
