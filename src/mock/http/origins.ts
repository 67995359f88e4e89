/** One entry of the allow-list: any origin, a host, a host's subdomains, or one exact origin. */
export type OriginPattern =
	| { readonly kind: 'any' }
	| { readonly kind: 'host'; readonly host: string }
	| { readonly kind: 'subdomains'; readonly suffix: string }
	| { readonly kind: 'origin'; readonly origin: string };

const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*$|^\[[0-9a-f:.]+\]$/i;

/**
 * Reads an allow-list entry: `*`, `shop.com` (that host, any scheme and port), `.shop.com` (its
 * subdomains) or `https://shop.com:8443` (exactly that origin). Returns `undefined` for anything else.
 */
export function parseOriginPattern(pattern: string): OriginPattern | undefined {
	const text = pattern.trim().toLowerCase();
	if (text === '*') return { kind: 'any' };
	if (text.includes('://')) {
		try {
			const { origin } = new URL(text);
			return origin === 'null' ? undefined : { kind: 'origin', origin };
		} catch {
			return undefined;
		}
	}
	if (text.startsWith('.') && HOST.test(text.slice(1))) return { kind: 'subdomains', suffix: text };
	return HOST.test(text) ? { kind: 'host', host: text } : undefined;
}

/** Whether an `Origin` header value matches the allow-list. `null` and malformed origins match only `*`. */
export function isOriginAllowed(origin: string, patterns: readonly OriginPattern[]): boolean {
	if (patterns.some((pattern) => pattern.kind === 'any')) return true;
	let url: URL;
	try {
		url = new URL(origin);
	} catch {
		return false;
	}
	const host = url.hostname.toLowerCase();
	return patterns.some((pattern) => {
		switch (pattern.kind) {
			case 'host':
				return host === pattern.host;
			case 'subdomains':
				return host.endsWith(pattern.suffix);
			case 'origin':
				return url.origin === pattern.origin;
			case 'any':
				return true;
		}
	});
}
