// The README's script-tag snippet: a CDN URL pinned to the released version, with Subresource Integrity.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const CDN_START = '<!-- cdn-snippet:start -->';
export const CDN_END = '<!-- cdn-snippet:end -->';

/** The `integrity` value of a file: its SHA-384, base64, as browsers check it. */
export const integrityOf = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;

export const cdnUrl = (version) => `https://cdn.jsdelivr.net/npm/voucherify-browser@${version}/dist/voucherify.min.js`;

/** The snippet as the README shows it, between its markers. */
export const renderCdnSnippet = (version, integrity) =>
	[
		'```html',
		'<script',
		`\tsrc="${cdnUrl(version)}"`,
		`\tintegrity="${integrity}"`,
		'\tcrossorigin="anonymous"',
		'\tdata-client-application-id="YOUR-CLIENT-APPLICATION-ID"',
		'\tdata-client-token="YOUR-CLIENT-TOKEN"',
		'\tdefer',
		'></script>',
		'```',
	].join('\n');

/** The README text with the snippet rewritten for `version` and the built `file`. */
export function withCdnSnippet(readme, version, file) {
	const start = readme.indexOf(CDN_START);
	const end = readme.indexOf(CDN_END);
	if (start === -1 || end < start) throw new Error(`README.md has no ${CDN_START} … ${CDN_END} section`);
	return `${readme.slice(0, start + CDN_START.length)}\n${renderCdnSnippet(version, integrityOf(file))}\n${readme.slice(end)}`;
}

/** Throws unless the README's snippet is exactly the one for `version` and `file` (the packed script tag). */
export function checkCdnSnippet(readme, file, version) {
	const expected = withCdnSnippet(readme, version, file);
	if (expected !== readme) {
		const shown = readme.slice(readme.indexOf(CDN_START), readme.indexOf(CDN_END));
		throw new Error(
			`README.md's CDN snippet is not the one for ${version} with ${integrityOf(file)}: run \`npm run build && node scripts/readme-figures.mjs --cdn\`\n${shown}`,
		);
	}
	return `${cdnUrl(version)} ${integrityOf(file)}`;
}
