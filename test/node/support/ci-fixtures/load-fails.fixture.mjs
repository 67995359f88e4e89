import { test } from 'vitest';

throw new Error('the module broke while loading');
// eslint-disable-next-line no-unreachable
test('never registered', () => {});
