// The README's test recipes, run as written: every fenced block after a `<!-- consumer-test: <runner>/<file> -->`
// comment is written to that file of a scratch project, which then runs `npm test`. The README cannot drift.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assert, runOk } from './run.mjs';

/** The runners the README has a recipe for; a recipe that goes missing from the README fails the check. */
export const RECIPE_RUNNERS = ['vitest', 'jest'];

const MARKED_BLOCK = /<!-- consumer-test: ([\w.-]+)\/([\w./-]+) -->\s*\n```\w*\n([\s\S]*?)\n```/g;

/** `{ runner: { file: text } }` from the README's marked code blocks. */
export function readRecipes(readmeText) {
	const recipes = {};
	for (const [, runner, file, text] of readmeText.matchAll(MARKED_BLOCK)) {
		recipes[runner] ??= {};
		assert(!(file in recipes[runner]), `README.md: ${runner}/${file} is marked twice`);
		recipes[runner][file] = `${text}\n`;
	}
	return recipes;
}

export const readReadmeRecipes = (root) => readRecipes(readFileSync(join(root, 'README.md'), 'utf8'));

/** Writes one runner's files under `cwd/<runner>` (the consumer's node_modules above it) and runs its `npm test`. */
export async function checkRecipe(cwd, runner, files) {
	assert(files?.['package.json'], `README.md has no <!-- consumer-test: ${runner}/package.json --> block`);
	const dir = join(cwd, runner);
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, file)), { recursive: true });
		writeFileSync(join(dir, file), text);
	}
	const expected = Object.values(files).join('\n').match(/^test\(/gm)?.length ?? 0;
	assert(expected > 0, `README.md's ${runner} recipe has no test`);
	const { stdout, stderr } = await runOk('npm', ['test', '--silent'], { cwd: dir, env: { CI: '1', FORCE_COLOR: '0', NO_COLOR: '1' }, timeoutMs: 180_000 });
	const output = `${stdout}\n${stderr}`;
	// vitest: "Tests  2 passed (2)"; Jest: "Tests:       2 passed, 2 total".
	const passed = Number(/Tests:?\s+(\d+) passed/.exec(output)?.[1] ?? 0);
	assert(passed === expected, `${passed} of the recipe's ${expected} tests passed:\n${output}`);
	return `${Object.keys(files).join(', ')}: ${passed} tests passed`;
}
