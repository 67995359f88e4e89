import { VoucherifyError } from './voucherify-error.js';

/** An argument was refused before any request was made; nothing was sent and nothing stored changed. */
export class VoucherifyInvalidInputError extends VoucherifyError {
	override name = 'VoucherifyInvalidInputError';
	/** The argument or field at fault, as a path such as `items[2].quantity`. */
	readonly field: string;

	constructor(field: string, message: string) {
		super(message);
		this.field = field;
	}
}

/** Throws the VoucherifyInvalidInputError for `field`, its message starting with the field's name: `` `amount` must be… ``. */
export const refuse = (field: string, message: string): never => {
	throw new VoucherifyInvalidInputError(field, `\`${field}\` ${message}`);
};
