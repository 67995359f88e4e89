import { VoucherifyNetworkError } from '../errors/network-error.js';

/**
Loads a companion file of the script tag once, with a `<script src>` beside the core's own file (`script`, read
while the core ran; the page's URL for an inline core) and the core's CSP nonce, so a `script-src 'self'` or nonce
policy admits it, and resolves with the global it defines. When the core itself was loaded with Subresource
Integrity, the companion is too: `integrity` is its SHA-256 (shorter in the core than sha384, and as strong a check), written into the core by the build. A page that includes
the file itself loads nothing. A file that cannot be loaded rejects with a `VoucherifyNetworkError`, and the next
call tries again.
*/
export function companionLoader<T>(script: HTMLOrSVGScriptElement | null, file: string, globalName: string, integrity: string): () => Promise<T> {
	const core = script as HTMLScriptElement | null;
	const src = new URL(file, core?.src || location.href).href;
	const nonce = script?.nonce;
	const defined = () => (window as unknown as Record<string, T | undefined>)[globalName];
	let loading: Promise<T> | undefined;
	return () =>
		(loading ??= new Promise<T>((resolve, reject) => {
			if (defined()) return resolve(defined()!);
			const tag = document.createElement('script');
			tag.src = src;
			if (nonce) tag.nonce = nonce;
			if (core?.integrity && integrity) {
				tag.integrity = integrity;
				tag.crossOrigin = core.crossOrigin ?? 'anonymous';
			}
			tag.onload = () => resolve(defined()!);
			tag.onerror = () => {
				tag.remove();
				loading = undefined;
				reject(new VoucherifyNetworkError(`Could not load ${src}`, { method: 'GET', url: src }));
			};
			document.head.append(tag);
		}));
}
