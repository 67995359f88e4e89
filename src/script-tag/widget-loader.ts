import { companionLoader } from './companion.js';
import { legacyPromise } from './legacy-promise.js';

declare const __WIDGET_INTEGRITY__: string;

/** What `dist/voucherify-widget.min.js` defines: the discount widget, for any client whose `validate(params)` returns a Promise. */
export type WidgetGlobal = { render(voucherify: unknown, selector: unknown, options?: unknown): HTMLElement };

/** `Voucherify.render(selector, options)`. The widget is not in the core: the first call loads it once, beside the core. */
export function createRender(script: HTMLOrSVGScriptElement | null, voucherify: unknown) {
	const load = companionLoader<WidgetGlobal>(script, 'voucherify-widget.min.js', 'VoucherifyWidget', __WIDGET_INTEGRITY__);
	return (selector: unknown, options?: unknown) => legacyPromise(load().then((widget) => widget.render(voucherify, selector, options)));
}
