import { withTrackingId, signalOf, type ClientContext } from '../context.js';
import { checkValidateQuery, encodeValidateQuery } from '../query.js';
import type { RequestOptions, ValidateParams } from '../types/params.js';
import type { ValidationResult } from '../types/validation-answers.js';

/**
`validate()` without a code: `GET /client/v1/promotions/validation`, params already checked by `validate()`. The API has
no single-URL form of it, so each new cart is a new URL (and a preflight). Kept out of the script tag's core.
*/
export const validatePromotions = async (context: ClientContext, params: ValidateParams, options?: RequestOptions): Promise<ValidationResult> => {
	checkValidateQuery(params);
	const signal = signalOf(options);
	return withTrackingId(context, signal, (trackingId) =>
		context.transport.send<ValidationResult>({ method: 'get', path: 'promotions/validation', query: encodeValidateQuery(params, trackingId), signal }),
	);
};
