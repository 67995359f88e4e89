import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { scriptTagSwaps } from './scripts/lib/script-tag-swaps.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Test the pure-JS SHA-256 that ships to browsers, not js-sha256's node:crypto build.
const jsSha256BrowserSource = fileURLToPath(new URL('./node_modules/js-sha256/src/index.mjs', import.meta.url));

// A fresh object per project: vitest consumes `define` entries while it sets a project up.
const shared = () => ({
	define: { __SDK_VERSION__: JSON.stringify(version) },
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
				// The same unit suite through what the script tag bundles in place of ky and js-sha256.
				define: { __SDK_VERSION__: JSON.stringify(version) },
				plugins: [scriptTagSwaps()],
				test: {
					name: 'unit-script-tag',
					include: ['test/unit/**/*.test.ts'],
					environment: 'jsdom',
					environmentOptions: { jsdom: { url: 'https://shop.example/' } },
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
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false,
				},
			},
		],
	},
});
