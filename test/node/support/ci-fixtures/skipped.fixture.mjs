import { describe, test } from 'vitest';

test.skip('skipped on purpose', () => {});
test.todo('not written yet');
describe.skip('a skipped block', () => {
	test('inside it', () => {});
});
