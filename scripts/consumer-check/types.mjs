// Types as consumers see them: tsc under each module resolution, then publint and attw on the tarball itself.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOk } from './run.mjs';

const USES_BROWSER_AND_SERVER = `import { createClient, hashIdentity, isApiError, type VoucherifyClient } from 'voucherify-browser';
import { readTrackingId, trackingCookie } from 'voucherify-browser/server';

const client: VoucherifyClient = createClient({ clientApplicationId: 'a', clientToken: 'b' });
export const used = [client, hashIdentity('a'), isApiError(null), readTrackingId('a=b'), trackingCookie('track_x')];

// @ts-expect-error createClient needs the keys
createClient({});
// @ts-expect-error readTrackingId answers a string or undefined
export const notAnyServer: number = readTrackingId('a=b');
`;

const USES_MOCK = `import { createMockApi, MOCK_DEFAULTS, type MockApi } from 'voucherify-browser/mock';

const api: MockApi = createMockApi({ allowedOrigins: ['shop.example'] });
export const used = [api, MOCK_DEFAULTS.clientToken];

// @ts-expect-error MOCK_DEFAULTS.port is a number
export const notAnyMock: string = MOCK_DEFAULTS.port;
`;

/** The script tag's global, typed by its side-effect import. */
const GLOBAL_SOURCE = `import 'voucherify-browser/voucherify.min.js';

window.Voucherify.initialize('YOUR-CLIENT-APPLICATION-ID', 'YOUR-CLIENT-TOKEN');
export const client = window.Voucherify.createClient({ clientApplicationId: 'a', clientToken: 'b' });
// @ts-expect-error initialize takes the keys as strings
window.Voucherify.initialize(1, 2);
`;

/**
The compiler settings per project; each uses the public names and misuses them under @ts-expect-error, so a name
typed `any` leaves a directive unused. skipLibCheck is off, so the package's own declarations are checked too. msw's
declarations need the DOM lib, so every project that imports `/mock` has it; `nodenext-no-dom` is a Node project
without it, which must still compile the browser entry and the server helper.
*/
export const TSC_PROJECTS = {
	bundler: { module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], files: ['entries.ts', 'mock.ts', 'global.ts'] },
	node16: { module: 'node16', moduleResolution: 'node16', lib: ['es2022', 'dom'], files: ['entries.ts', 'mock.ts'] },
	nodenext: { module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom'], files: ['entries.ts', 'mock.ts'] },
	node10: { module: 'commonjs', moduleResolution: 'node10', lib: ['es2022', 'dom'], files: ['entries.ts', 'mock.ts', 'global.ts'] },
	'nodenext-no-dom': { module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022'], files: ['entries.ts'] },
};

/** Writes the sources every project compiles; once, before the projects run side by side. */
export function writeTscSources(cwd) {
	writeFileSync(join(cwd, 'entries.ts'), USES_BROWSER_AND_SERVER);
	writeFileSync(join(cwd, 'mock.ts'), USES_MOCK);
	writeFileSync(join(cwd, 'global.ts'), GLOBAL_SOURCE);
}

export async function checkTsc(cwd, project) {
	const { files, ...options } = TSC_PROJECTS[project];
	const config = { compilerOptions: { ...options, target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, files };
	writeFileSync(join(cwd, `tsconfig.${project}.json`), JSON.stringify(config, null, 2));
	await runOk(process.execPath, [join(cwd, 'node_modules/typescript/bin/tsc'), '-p', `tsconfig.${project}.json`], { cwd, timeoutMs: 180_000 });
	return `${files.join(' + ')}, lib ${options.lib.join('+')}, skipLibCheck off`;
}

/** publint on the tarball; --strict turns every warning into a failure. */
export async function checkPublint(root, tarball) {
	const { stdout } = await runOk('npx', ['--no-install', 'publint', 'run', tarball, '--strict'], { cwd: root, timeoutMs: 120_000 });
	return stdout.trim().split('\n').pop();
}

/** Are the Types Wrong, with the profile of an ESM-only package (no CommonJS resolutions to satisfy). */
export async function checkAttw(root, tarball) {
	const { stdout } = await runOk('npx', ['--no-install', 'attw', tarball, '--profile', 'esm-only', '--format', 'table-flipped', '--no-emoji', '--no-color'], {
		cwd: root,
		timeoutMs: 120_000,
	});
	console.log(stdout.replace(/^/gm, '        '));
	// The profile leaves out node10 and node16-cjs: an ESM-only package is not meant to resolve there.
	const ignored = /ignoring resolutions: ([^)]*)/.exec(stdout)?.[1];
	return `exit 0, no problem in the resolutions the profile checks${ignored ? ` (it ignores ${ignored})` : ''}`;
}
