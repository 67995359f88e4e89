import type { createClient } from '../client/client.js';
import type {
	isApiError,
	isInvalidInputError,
	isNetworkError,
	isRateLimitError,
	isTimeoutError,
	isVoucherifyError,
} from '../errors/guards.js';
import type { hashIdentity } from '../shared/identity.js';
import type { createLegacyInstance } from './legacy-instance.js';
import type { createRender } from './widget-loader.js';

/**
The types of `window.Voucherify` as the script tag (`dist/voucherify.min.js`) defines it. The package maps
`voucherify-browser/voucherify.min.js` to this file, so `import 'voucherify-browser/voucherify.min.js'` types the
global; a page that loads the file from a CDN can add `/// <reference types="voucherify-browser/voucherify.min.js" />`.

@example
```ts
import 'voucherify-browser/voucherify.min.js';

window.Voucherify.initialize('YOUR-CLIENT-APPLICATION-ID', 'YOUR-CLIENT-TOKEN');
```
*/
export type VoucherifyGlobal = ReturnType<typeof createLegacyInstance> & {
	/** The SDK version, e.g. `"0.2.0"`. */
	readonly version: string;
	readonly createClient: typeof createClient;
	readonly hashIdentity: typeof hashIdentity;
	readonly isVoucherifyError: typeof isVoucherifyError;
	readonly isApiError: typeof isApiError;
	readonly isRateLimitError: typeof isRateLimitError;
	readonly isNetworkError: typeof isNetworkError;
	readonly isTimeoutError: typeof isTimeoutError;
	readonly isInvalidInputError: typeof isInvalidInputError;
	/** Gives `window.Voucherify` back to whatever held it before the script, and returns this one. */
	noConflict(): VoucherifyGlobal;
	/** voucherify.js's discount widget: loads `voucherify-widget.min.js` from beside the script on the first call. */
	readonly render: ReturnType<typeof createRender>;
};

declare global {
	interface Window {
		/** Defined by the script tag `voucherify-browser/voucherify.min.js`. */
		Voucherify: VoucherifyGlobal;
	}
}
