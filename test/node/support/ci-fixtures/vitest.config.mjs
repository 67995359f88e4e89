import { defineConfig } from 'vitest/config';

// The fixture suite test/node/ci-summary.test.ts runs with the real vitest, for the JSON report .ci/summarize.mjs reads.
export default defineConfig({ test: { include: ['*.fixture.mjs'], environment: 'node' } });
