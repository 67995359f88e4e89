import { renderWidget } from './render.js';

/**
The widget build, `dist/voucherify-widget.min.js`: defines `window.VoucherifyWidget`. The core script tag loads it
on the first `Voucherify.render(selector, options)`; a page may also include it itself and call
`VoucherifyWidget.render(client, selector, options)` with any client.
*/
(window as { VoucherifyWidget?: unknown }).VoucherifyWidget = { render: renderWidget };

export type { WidgetClient, WidgetOptions } from './render.js';
