import { expect, test } from 'vitest';

test('one', () => expect(1).toBe(1));
test('two', () => expect(2).toBe(2));
test('three', () => expect(3).toBe(3));
