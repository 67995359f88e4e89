import { beforeAll, test } from 'vitest';

beforeAll(() => {
	throw new Error('the set-up broke');
});
for (const name of ['a', 'b', 'c', 'd', 'e']) test(name, () => {});
