// What an SPA ships for `import { createClient } from 'voucherify-browser'`: the ESM build plus its dependencies.
export { createClient } from '../../../dist/index.js';
