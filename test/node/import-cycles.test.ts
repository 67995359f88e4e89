import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

/**
Imports in src/ go one way: a module never reaches itself again through what it imports (type-only imports count
too, since they tie the modules' designs together just the same).
*/

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

type Graph = ReadonlyMap<string, readonly string[]>;

function sourceFiles(directory: string): string[] {
	return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
		const path = join(directory, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

/** Each file of src/ and the files of src/ it imports (relative specifiers, `.js` written for the `.ts` source). */
function importGraph(): Graph {
	const files = sourceFiles(SRC);
	return new Map(
		files.map((file) => {
			const imported = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((entry) => entry.fileName);
			const local = imported.filter((specifier) => specifier.startsWith('.')).map((specifier) => resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
			return [relative(SRC, file), local.map((path) => relative(SRC, path))];
		}),
	);
}

/** Every import circle, each as the path that closes it (`a → b → a`), found by depth-first search. */
function importCycles(graph: Graph): string[] {
	const cycles: string[] = [];
	const done = new Set<string>();
	const visit = (file: string, path: string[]) => {
		const start = path.indexOf(file);
		if (start !== -1) {
			cycles.push([...path.slice(start), file].join(' → '));
			return;
		}
		if (done.has(file)) return;
		for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
		done.add(file);
	};
	for (const file of graph.keys()) visit(file, []);
	return cycles;
}

describe('imports in src/', () => {
	test('form no circle', () => {
		const graph = importGraph();

		expect(graph.size).toBeGreaterThan(50);
		expect(importCycles(graph)).toEqual([]);
	});

	test('are read with their type-only imports', () => {
		// context.ts has nothing but `import type { Transport } from './api-request.js'` from that module.
		expect(importGraph().get(join('client', 'context.ts'))).toContain(join('client', 'api-request.ts'));
	});

	test('the check finds a circle of three modules', () => {
		const graph = new Map([
			['a.ts', ['b.ts']],
			['b.ts', ['c.ts', 'd.ts']],
			['c.ts', ['a.ts']],
			['d.ts', []],
		]);

		expect(importCycles(graph)).toEqual(['a.ts → b.ts → c.ts → a.ts']);
	});
});
