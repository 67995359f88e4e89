/**
The base class of every error this SDK throws, so one `catch` can tell ours from everything else.

@example
```
import { isVoucherifyError } from 'voucherify-browser';

try {
	await client.validate('SUMMER');
} catch (error) {
	if (isVoucherifyError(error)) console.log(error.name, error.message);
}
```
*/
export class VoucherifyError extends Error {
	override name = 'VoucherifyError';

	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
	}
}
