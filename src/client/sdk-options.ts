import { inBrowser } from '../shared/environment.js';
import { isPlainObject } from './input.js';
import { MAX_TIMEOUT, headerValue, type OptionNames } from './options.js';

type OwnName = keyof OptionNames;

/**
`@voucherify/sdk`'s `VoucherifyClientSide` options in our names, so its configuration runs unchanged through the npm
entry's `createClient`: `clientSecretKey`, `timeoutMs` (`0`, no timeout there, is the longest one here),
`customHeaders`, `origin` (sent as the `Origin` header outside a browser) and `exposeErrorCause` (no effect). Returns
the options and, for messages, the names the caller used. Kept out of the script tag, whose `createClient` takes our
names only (voucherify.js had none of these).
*/
export function fromSdkOptions(options: unknown): [options: unknown, names: OptionNames] {
	if (!isPlainObject(options)) return [options, {}];
	const { clientSecretKey, timeoutMs, customHeaders, origin, exposeErrorCause: _noEffect, ...own } = options;
	const names: OptionNames = {};
	const alias = (name: OwnName, other: string, value: unknown) => {
		if (value === undefined) return;
		if (own[name] !== undefined && own[name] !== value) throw new TypeError(`The \`${name}\` and \`${other}\` options are aliases: give one of them`);
		own[name] = value;
		names[name] = other;
	};
	alias('clientToken', 'clientSecretKey', clientSecretKey);
	alias('timeout', 'timeoutMs', timeoutMs);
	alias('headers', 'customHeaders', customHeaders);
	// `timeoutMs: 0` is axios's "no timeout".
	if (timeoutMs === 0 && own.timeout === 0) own.timeout = MAX_TIMEOUT;
	if (origin !== undefined) {
		headerValue(origin, 'origin');
		// A browser sends the page's Origin itself and lets no script set it; elsewhere the API needs one to check.
		if (!inBrowser() && (own.headers === undefined || isPlainObject(own.headers))) own.headers = { ...own.headers, Origin: origin };
	}
	return [own, names];
}
