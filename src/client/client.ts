import { CLIENT_CALLS } from './client-calls.js';
import { createClientWith, type VoucherifyClient } from './create-client.js';
import type { ClientOptions } from './options.js';
import { fromSdkOptions } from './sdk-options.js';

/**
Creates a client. Options are checked at once; a bad one throws a `TypeError` that names it.
Nothing touches the network, the cookie or `window` until the first call, but for one read of sessionStorage: calls
an earlier page of the tab could not send are sent then (README, Calls made as the page is left).

@example
```
import { createClient } from 'voucherify-browser';

const voucherify = createClient({ clientApplicationId: 'YOUR-CLIENT-APP-ID', clientToken: 'YOUR-CLIENT-TOKEN' });
const result = await voucherify.validate({ code: 'SUMMER10', amount: 25_000 });
if (result.valid) console.log(result.order?.total_amount);
```
*/
export function createClient(options: ClientOptions): VoucherifyClient {
	const [own, names] = fromSdkOptions(options);
	return createClientWith(CLIENT_CALLS, own as ClientOptions, names);
}
