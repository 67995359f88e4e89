import { beforeAll, describe, test } from 'vitest';

// An engine's suite whose launch fails: a beforeAll inside a describe block, the way test/e2e's useEngine hooks in.
describe('webkit: a journey', () => {
	beforeAll(() => {
		throw new Error('the engine did not launch');
	});
	test('one', () => {});
	test('two', () => {});
});
describe('chromium: a journey', () => {
	test('three', () => {});
});
