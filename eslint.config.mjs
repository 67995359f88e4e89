import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/', 'node_modules/', 'bench-results/', 'test-results/', 'coverage/'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		// Scripts, the demo and page fixtures run in Node or in a browser page.
		files: ['**/*.js', '**/*.mjs'],
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
	},
	{
		rules: {
			// A leading underscore marks a value left out on purpose (`const { port: _port, ...rest } = …`).
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
		},
	},
);
