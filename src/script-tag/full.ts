import { CLIENT_CALLS } from '../client/client-calls.js';
import { renderWidget, type WidgetClient, type WidgetOptions } from '../widget/render.js';
import { defineGlobal } from './define-global.js';
import { legacyPromise } from './legacy-promise.js';

/**
The one-file script-tag build `dist/voucherify.full.min.js`: the same `window.Voucherify` as `voucherify.min.js`,
with every call and the discount widget in the file itself, so it never loads another (for a shop that self-hosts
one file). `render()` answers a promise, as the core's does.
*/
defineGlobal(
	() => CLIENT_CALLS,
	(_script, voucherify) => (selector, options) =>
		legacyPromise(new Promise<HTMLElement>((resolve) => resolve(renderWidget(voucherify as WidgetClient, selector, options as WidgetOptions)))),
);
