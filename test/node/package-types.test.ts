import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

/**
The types a user gets from the built package: the `exports` map points at declaration files that exist, and a tiny
consumer, compiled against `dist/` through the package name, sees every public name with its real type (never
`any`). `npm test` builds before it runs vitest, so `dist/` is the build under test.
*/

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGE_NAME = 'voucherify-browser';
const ENTRIES = ['.', './server', './mock'] as const;
const COMPILE_TIMEOUT_MS = 60_000;

type ExportEntry = { types?: string; default?: string };
const exportsMap = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, ExportEntry | string> }).exports;

/**
Per entry, a consumer that uses its public names as a user would, then misuses each under `@ts-expect-error`: a
missing name fails the import, and a name typed `any` accepts the misuse, which leaves the directive unused (TS2578).
*/
const CONSUMERS: Record<(typeof ENTRIES)[number], string> = {
	'.': `
import { createClient, VoucherifyApiError, isApiError, hashIdentity, type VoucherifyClient, type ClientOptions } from '${PACKAGE_NAME}';

const options: ClientOptions = { clientApplicationId: 'app', clientToken: 'token' };
const client: VoucherifyClient = createClient(options);
const status = (error: unknown): number | undefined => (error instanceof VoucherifyApiError ? error.status : undefined);
export const used = [client, status, isApiError(null), hashIdentity('a')];

// @ts-expect-error createClient needs the keys
createClient({});
// @ts-expect-error VoucherifyApiError is a class, not a number
export const notAnyApiError: 12345 = VoucherifyApiError;
// @ts-expect-error isApiError answers a boolean
export const notAnyGuard: string = isApiError(null);
// @ts-expect-error hashIdentity answers a string
export const notAnyHash: number = hashIdentity('a');
`,
	'./server': `
import { readTrackingId, trackingCookie, hashIdentity } from '${PACKAGE_NAME}/server';

const trackingId: string | undefined = readTrackingId('voucherify_tracking_id=track_x');
export const used = [trackingId, trackingCookie('track_x'), hashIdentity('a')];

// @ts-expect-error readTrackingId takes a Cookie header, not a number
readTrackingId(42);
// @ts-expect-error trackingCookie answers a string
export const notAnyCookie: number = trackingCookie('track_x');
// @ts-expect-error hashIdentity answers a string
export const notAnyHash: number = hashIdentity('a');
`,
	'./mock': `
import { createMockApi, MOCK_DEFAULTS, type MockApi } from '${PACKAGE_NAME}/mock';

const api: MockApi = createMockApi({ allowedOrigins: ['shop.example'] });
export const used = [api, MOCK_DEFAULTS.clientToken];

// @ts-expect-error createMockApi takes an options object
createMockApi(42);
// @ts-expect-error MOCK_DEFAULTS.port is a number
export const notAnyDefaults: string = MOCK_DEFAULTS.port;
`,
};

/** Compiles `source` as a file of a project that installed the package, and returns every diagnostic as text. */
function compileConsumer(source: string, resolution: 'Bundler' | 'NodeNext'): string[] {
	const dir = mkdtempSync(join(tmpdir(), 'voucherify-consumer-'));
	try {
		mkdirSync(join(dir, 'node_modules'));
		symlinkSync(ROOT, join(dir, 'node_modules', PACKAGE_NAME), 'dir');
		writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
		const file = join(dir, 'consumer.ts');
		writeFileSync(file, source);
		const program = ts.createProgram([file], {
			strict: true,
			noEmit: true,
			target: ts.ScriptTarget.ES2022,
			module: resolution === 'NodeNext' ? ts.ModuleKind.NodeNext : ts.ModuleKind.ESNext,
			moduleResolution: resolution === 'NodeNext' ? ts.ModuleResolutionKind.NodeNext : ts.ModuleResolutionKind.Bundler,
			lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
			types: ['node'],
			typeRoots: [join(ROOT, 'node_modules', '@types')],
			// The dependencies' own declarations are theirs to check; ours are still read, and any error in them that
			// breaks a public name shows up in the consumer.
			skipLibCheck: true,
		});
		return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
			const where = diagnostic.file ? `${diagnostic.file.fileName.replace(dir, '<consumer>')}: ` : '';
			return `${where}TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
		});
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('the exports map', () => {
	test.each(ENTRIES)('%s lists its types first, pointing at a declaration file the build wrote', (entry) => {
		const target = exportsMap[entry];

		expect(typeof target).toBe('object');
		const { types } = target as ExportEntry;
		expect(Object.keys(target as ExportEntry)[0]).toBe('types');
		expect(types).toMatch(/^\.\/dist\/.+\.d\.ts$/);
		expect(existsSync(join(ROOT, types as string)), `${types} is missing: run \`npm run build\` first`).toBe(true);
	});
});

describe('a consumer compiled against dist/', () => {
	test.each(ENTRIES)(
		'with moduleResolution Bundler sees the public names of %s fully typed',
		(entry) => {
			expect(compileConsumer(CONSUMERS[entry], 'Bundler')).toEqual([]);
		},
		COMPILE_TIMEOUT_MS,
	);

	// NodeNext needs the `.js` extension on every relative import inside the declarations, or the names turn to `any`.
	test.each(ENTRIES)(
		'with moduleResolution NodeNext sees the public names of %s fully typed',
		(entry) => {
			expect(compileConsumer(CONSUMERS[entry], 'NodeNext')).toEqual([]);
		},
		COMPILE_TIMEOUT_MS,
	);
});
