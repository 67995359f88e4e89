import { VoucherifyError } from '../errors/voucherify-error.js';
import { legacyPromise } from './legacy-promise.js';

/** What `dist/voucherify-widget.min.js` defines: the discount widget, for any client whose `validate(params)` returns a Promise. */
export type WidgetGlobal = { render(voucherify: unknown, selector: unknown, options?: unknown): HTMLElement };
type WidgetWindow = { VoucherifyWidget?: WidgetGlobal };

/**
`Voucherify.render(selector, options)`. The widget is not in the core: the first call loads it once, with a
`<script src>` beside the core's own file (`script`, read while the core ran; the page's URL for an inline core)
and the core's CSP nonce, so a `script-src 'self'` or nonce policy admits it. A page that includes the widget
itself loads nothing.
*/
export function createRender(script: HTMLOrSVGScriptElement | null, voucherify: unknown) {
	const src = new URL('voucherify-widget.min.js', (script as HTMLScriptElement | null)?.src || location.href).href;
	const nonce = script?.nonce;
	let loading: Promise<unknown> | undefined;
	return (selector: unknown, options?: unknown) =>
		legacyPromise(
			(loading ??= (window as WidgetWindow).VoucherifyWidget
				? Promise.resolve()
				: new Promise((resolve, reject) => {
						const tag = document.createElement('script');
						tag.src = src;
						if (nonce) tag.nonce = nonce;
						tag.onload = resolve;
						tag.onerror = () => reject(new VoucherifyError(`Could not load ${src}`));
						document.head.append(tag);
					})
			).then(() => (window as WidgetWindow).VoucherifyWidget!.render(voucherify, selector, options)),
		);
}
