import { withTrackingId, signalOf, type ClientContext } from '../context.js';
import { encodeValidateQuery } from '../query.js';
import { normalizeValidateParams } from '../validate-params.js';
import type { RequestOptions, ValidateParams } from '../types/params.js';
import type { ValidationResult } from '../types/validation-answers.js';

/** `GET /client/v1/validate` with a code, `GET /client/v1/promotions/validation` without one. */
export async function validate(
	context: ClientContext,
	codeOrParams: string | ValidateParams,
	options?: RequestOptions,
): Promise<ValidationResult> {
	const params = normalizeValidateParams(codeOrParams);
	const signal = signalOf(options);
	return withTrackingId(context, signal, (trackingId) =>
		context.transport.send<ValidationResult>({
			method: 'get',
			path: params.code === undefined ? 'promotions/validation' : 'validate',
			query: encodeValidateQuery(params, trackingId),
			signal,
		}),
	);
}
