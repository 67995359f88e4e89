// The README's consumer-check table, written from bench-results/consumer-check.json (what the last
// `npm run consumer-check` measured), so its figures are never typed by hand.
import { bytes } from '../bench/format.mjs';

export const CONSUMERS_START = '<!-- consumer-check:start -->';
export const CONSUMERS_END = '<!-- consumer-check:end -->';

const kilobytes = (value) => `${Math.round(value / 1000).toLocaleString('en-US')} KB`;

/** The "Last run" line and the table, from a consumer-check record. */
export function renderConsumerTable({ node, passed, failed, seconds, figures }) {
	const { tarball, spa, global } = figures;
	const rows = [
		['package', '`npm pack`', `${bytes(tarball.files)} files, ${kilobytes(tarball.packedBytes)} packed, ${kilobytes(tarball.unpackedBytes)} unpacked (the ES modules with source and declaration maps, the TypeScript sources they point to, the script-tag files, docs, LICENSE, CHANGELOG); no test, script or stale chunk`],
		['package', "README's CDN snippet", "the packed `dist/voucherify.min.js`'s sha384 and this version"],
		['package', 'a project on msw 3', 'installs it (peer range `^2.15.0 \\|\\| ^3.0.0`)'],
		['package', '`publint --strict`', 'no warning'],
		['package', '`attw --profile esm-only`', 'no problem (the profile leaves out `node10` and `node16-cjs`)'],
		['storefront', 'Vite SPA build of `createClient`', `no msw, no mock code, no \`node:\` built-in; it runs in a page: ${spa.modules} modules, ${bytes(spa.min)} B min, **${bytes(spa.gzip)} B gzip**`],
		['storefront', "Vite build of `import 'voucherify-browser/voucherify-calls.min.js'` then `'voucherify-browser/voucherify.min.js'`", `\`window.Voucherify\` defined, with every call in the bundle, ${bytes(global.gzip)} B gzip`],
		['storefront', '`npx voucherify-mock` without msw', 'exit 2, one line naming msw and its install command'],
		['Node', 'SSR', 'every entry imported, a `validate` over HTTP against the mock, the server helper reads the id back'],
		['Node', 'CommonJS', '`require()` of every entry'],
		['Node', '`npx voucherify-mock`', 'serves, stops on SIGTERM'],
		['Node', '`tsc`, `skipLibCheck` off', '`bundler`, `node16`, `nodenext`, `node10` (every entry, the global\'s types), and `nodenext` without the DOM lib (browser entry and server helper)'],
		['Node', 'README recipes', 'Vitest and Jest, copied from "Use it in your own tests"'],
	];
	return [
		`Last run, on Node ${node}: ${passed} passed, ${failed} failed, in ${seconds} s.`,
		'',
		'| consumer | check | result |',
		'|---|---|---|',
		...rows.map((row) => `| ${row.join(' | ')} |`),
	].join('\n');
}

/** `readme` with the text between the consumer-check markers replaced by the table. */
export function withConsumerTable(readme, record) {
	const start = readme.indexOf(CONSUMERS_START);
	const end = readme.indexOf(CONSUMERS_END);
	if (start === -1 || end < start) throw new Error(`README.md has no ${CONSUMERS_START} … ${CONSUMERS_END} section`);
	return `${readme.slice(0, start + CONSUMERS_START.length)}\n${renderConsumerTable(record)}\n${readme.slice(end)}`;
}
