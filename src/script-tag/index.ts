import { defineGlobal } from './define-global.js';
import { lazyCalls } from './lazy-calls.js';
import { createRender } from './widget-loader.js';

/**
The script-tag build `dist/voucherify.min.js`. Unlike the ESM entry, it acts on load (see `defineGlobal`). Every
call but `validate` is in `voucherify-calls.min.js` and the widget in `voucherify-widget.min.js`, both loaded from
beside this script on first use.
*/
defineGlobal(lazyCalls, createRender);
