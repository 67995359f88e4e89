import type { ClientCalls } from '../client-calls.js';
import { withTrackingId, signalOf, type ClientContext } from '../context.js';
import { normalizeValidateParams } from '../validate-params.js';
import { stackBodyOf, validationOf } from '../validation-answer.js';
import type { RequestOptions, ValidateParams } from '../types/params.js';
import type { StackableValidationResult, ValidationResult } from '../types/validation-answers.js';

/**
With a code, `POST /client/v1/validations` (one URL, so one preflight the browser caches), answered in the one-code
shape and repeated like a GET on a failure, since it redeems nothing; without one, the promotions validation of `calls`.
*/
export async function validate(
	context: ClientContext,
	calls: Pick<ClientCalls, 'validatePromotions'>,
	codeOrParams: string | ValidateParams,
	options?: RequestOptions,
): Promise<ValidationResult> {
	const params = normalizeValidateParams(codeOrParams);
	const { code } = params;
	if (code === undefined) return calls.validatePromotions(context, params, options);
	const signal = signalOf(options);
	return withTrackingId(context, signal, async (trackingId) =>
		validationOf(
			await context.transport.send<StackableValidationResult>({ method: 'post', path: 'validations', json: stackBodyOf(params, trackingId), idempotent: true, signal }),
			code,
		),
	);
}
