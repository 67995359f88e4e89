import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const { version, dependencies, peerDependencies } = JSON.parse(readFileSync('./package.json', 'utf8'));

/** Replaces the `__SDK_VERSION__` placeholder so the runtime never reads package.json. */
const injectVersion = () => ({
	name: 'inject-version',
	// `map: null` keeps the existing source map: the replacement moves no line.
	transform: (code) =>
		code.includes('__SDK_VERSION__') ? { code: code.replaceAll('__SDK_VERSION__', JSON.stringify(version)), map: null } : null,
});

/**
Writes the SHA-256 of the companion files into the core, which loads them with Subresource Integrity when it was
loaded that way itself. The companions are built first (the configs below build in order).
*/
const injectCompanionIntegrity = () => {
	const integrity = (file) => `sha256-${createHash('sha256').update(readFileSync(`dist/${file}`)).digest('base64')}`;
	const placeholders = { __CALLS_INTEGRITY__: 'voucherify-calls.min.js', __WIDGET_INTEGRITY__: 'voucherify-widget.min.js' };
	return {
		name: 'inject-companion-integrity',
		transform(code) {
			const found = Object.keys(placeholders).filter((placeholder) => code.includes(placeholder));
			if (found.length === 0) return null;
			return { code: found.reduce((text, placeholder) => text.replaceAll(placeholder, JSON.stringify(integrity(placeholders[placeholder]))), code), map: null };
		},
	};
};

/** The script-tag builds run only in a page: `inBrowser` is `true` there, so the SSR paths are not shipped. */
const inBrowserOnly = () => ({
	name: 'in-browser-only',
	resolveId: (source) => (source.endsWith('/shared/environment.js') ? resolve('src/script-tag/in-browser.ts') : null),
});

const packageDependencies = [...Object.keys(dependencies ?? {}), ...Object.keys(peerDependencies)];
const isExternal = (id) =>
	id.startsWith('node:') ||
	builtinModules.includes(id) ||
	packageDependencies.some((name) => id === name || id.startsWith(`${name}/`));

const typescriptFor = (withDeclarations) =>
	typescript({
		tsconfig: './tsconfig.build.json',
		compilerOptions: withDeclarations
			? { rootDir: 'src', outDir: 'dist', declaration: true, declarationMap: true, declarationDir: 'dist', sourceMap: true, noEmit: false }
			: { rootDir: 'src', outDir: 'dist', declaration: false, sourceMap: true, noEmit: false },
	});

export default [
	{
		// The npm package: browser SDK, Node-safe server helper and mock API, dependencies left to the app's bundler.
		input: {
			index: 'src/index.ts',
			'server/index': 'src/server/index.ts',
			'mock/index': 'src/mock/index.ts',
			'mock/cli': 'src/mock/cli.ts',
		},
		external: isExternal,
		output: {
			dir: 'dist',
			format: 'es',
			chunkFileNames: 'chunks/[name]-[hash].js',
			sourcemap: true,
			banner: (chunk) => (chunk.name === 'mock/cli' ? '#!/usr/bin/env node' : ''),
		},
		plugins: [injectVersion(), typescriptFor(true)],
	},
	{
		// Every client call but validate, kept out of the core: the script tag loads it on the first such call.
		input: 'src/script-tag/calls.ts',
		output: { file: 'dist/voucherify-calls.min.js', format: 'iife', sourcemap: true },
		plugins: [injectVersion(), inBrowserOnly(), nodeResolve({ browser: true }), typescriptFor(false), terser({ ecma: 2020, compress: { passes: 2 } })],
	},
	{
		// voucherify.js's discount widget, kept out of the core: the core loads it on the first Voucherify.render().
		input: 'src/widget/index.ts',
		output: { file: 'dist/voucherify-widget.min.js', format: 'iife', sourcemap: true },
		plugins: [typescriptFor(false), terser({ ecma: 2020, compress: { passes: 2 } })],
	},
	{
		// The script-tag build: the same modules as the npm build, minified; defines window.Voucherify. Built after its
		// companion files, whose hashes it carries.
		input: 'src/script-tag/index.ts',
		output: { file: 'dist/voucherify.min.js', format: 'iife', sourcemap: true },
		plugins: [injectVersion(), injectCompanionIntegrity(), inBrowserOnly(), nodeResolve({ browser: true }), typescriptFor(false), terser({ ecma: 2020, compress: { passes: 2 } })],
	},
	{
		// The one-file script tag: the same window.Voucherify with every call and the widget bound in; loads no other file.
		input: 'src/script-tag/full.ts',
		output: { file: 'dist/voucherify.full.min.js', format: 'iife', sourcemap: true },
		plugins: [injectVersion(), inBrowserOnly(), nodeResolve({ browser: true }), typescriptFor(false), terser({ ecma: 2020, compress: { passes: 2 } })],
	},
];
