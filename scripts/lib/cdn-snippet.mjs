// The README's script-tag snippets: a CDN URL pinned to the released version, with Subresource Integrity, one for
// the core (`voucherify.min.js`) and one for the one-file build (`voucherify.full.min.js`).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CDN_START = '<!-- cdn-snippet:start -->';
export const CDN_END = '<!-- cdn-snippet:end -->';

/** Each snippet: the built file it loads and the README markers around it. */
export const CDN_SNIPPETS = [
	{ file: 'voucherify.min.js', start: CDN_START, end: CDN_END },
	{ file: 'voucherify.full.min.js', start: '<!-- cdn-snippet-full:start -->', end: '<!-- cdn-snippet-full:end -->' },
];

/** The `integrity` value of a file: its SHA-384, base64, as browsers check it. */
export const integrityOf = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;

export const cdnUrl = (version, file = 'voucherify.min.js') => `https://cdn.jsdelivr.net/npm/voucherify-browser@${version}/dist/${file}`;

/** The snippet as the README shows it, between its markers. */
export const renderCdnSnippet = (version, integrity, file = 'voucherify.min.js') =>
	[
		'```html',
		'<script',
		`\tsrc="${cdnUrl(version, file)}"`,
		`\tintegrity="${integrity}"`,
		'\tcrossorigin="anonymous"',
		'\tdata-client-application-id="YOUR-CLIENT-APPLICATION-ID"',
		'\tdata-client-token="YOUR-CLIENT-TOKEN"',
		'\tdefer',
		'></script>',
		'```',
	].join('\n');

/** The README text with every snippet rewritten for `version` and the built files in `distDir`. */
export function withCdnSnippet(readme, version, distDir) {
	return CDN_SNIPPETS.reduce((text, { file, start, end }) => {
		const from = text.indexOf(start);
		const to = text.indexOf(end);
		if (from === -1 || to < from) throw new Error(`README.md has no ${start} … ${end} section`);
		return `${text.slice(0, from + start.length)}\n${renderCdnSnippet(version, integrityOf(join(distDir, file)), file)}\n${text.slice(to)}`;
	}, readme);
}

/** Throws unless the README's snippets are exactly the ones for `version` and the files in `distDir` (the packed ones). */
export function checkCdnSnippet(readme, distDir, version) {
	const expected = withCdnSnippet(readme, version, distDir);
	if (expected !== readme) {
		const shown = CDN_SNIPPETS.map(({ start, end }) => readme.slice(readme.indexOf(start), readme.indexOf(end))).join('\n');
		throw new Error(`README.md's CDN snippets are not the ones for ${version} and the files in ${distDir}: run \`npm run build && node scripts/readme-figures.mjs --cdn\`\n${shown}`);
	}
	return CDN_SNIPPETS.map(({ file }) => `${cdnUrl(version, file)} ${integrityOf(join(distDir, file))}`).join(', ');
}
