import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// js-sha256 is only a test oracle for src/shared/sha256.ts: its pure-JS source, not its Node build over node:crypto,
// so the oracle is an implementation of its own and not node:crypto a second time.
const jsSha256BrowserSource = fileURLToPath(new URL('./node_modules/js-sha256/src/index.mjs', import.meta.url));

// A fresh object per project: vitest consumes `define` entries while it sets a project up.
const shared = () => ({
	define: { __SDK_VERSION__: JSON.stringify(version), __CALLS_INTEGRITY__: '""', __WIDGET_INTEGRITY__: '""' },
	resolve: { alias: { 'js-sha256': jsSha256BrowserSource } },
});

export default defineConfig({
	test: {
		projects: [
			{
				...shared(),
				test: {
					name: 'unit',
					include: ['test/unit/**/*.test.ts'],
					environment: 'jsdom',
					environmentOptions: { jsdom: { url: 'https://shop.example/' } },
					typecheck: { enabled: true, include: ['test/unit/**/*.test-d.ts'] },
				},
			},
			{
				...shared(),
				test: { name: 'node', include: ['test/node/**/*.test.ts', 'test/mock/**/*.test.ts'], environment: 'node' },
			},
			{
				...shared(),
				test: {
					name: 'e2e',
					include: ['test/e2e/**/*.test.ts'],
					environment: 'node',
					testTimeout: 150_000,
					// WebKitWebDriver's New Session now and then hangs on this machine (a driver hang, not a page's answer): a
					// journey that fails is run again, up to twice; one that fails three times is red.
					retry: 2,
					hookTimeout: 120_000,
					fileParallelism: false,
				},
			},
		],
	},
});
