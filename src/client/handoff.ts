import { VoucherifyInvalidInputError } from '../errors/invalid-input-error.js';
import { TRACKING_FIELD_NAME, TRACKING_HEADER_NAME } from '../shared/handoff.js';
import type { DomInputElement } from '../shared/dom-types.js';
import { describeType } from '../shared/identity.js';

/**
Puts the tracking id in a hidden `<input>` of the checkout form, creating it when missing. Without a tracking id,
the field is removed, so a stale value from an earlier visitor is never posted.
*/
export function fillTrackingField(
	form: unknown,
	trackingId: string | undefined,
	fieldName: string = TRACKING_FIELD_NAME,
): DomInputElement | undefined {
	// tagName rather than instanceof: the form may come from another frame.
	if (typeof form !== 'object' || form === null || (form as Element).tagName !== 'FORM') {
		throw new VoucherifyInvalidInputError('form', `\`form\` must be a <form> element, got ${describeType(form)}`);
	}
	if (typeof fieldName !== 'string' || fieldName.trim() === '') {
		throw new VoucherifyInvalidInputError('fieldName', '`fieldName` must be a non-empty string');
	}

	const formElement = form as HTMLFormElement;
	const existing = [...formElement.querySelectorAll('input')].find((input) => input.name === fieldName);
	if (trackingId === undefined) {
		existing?.remove();
		return undefined;
	}

	const field = existing ?? formElement.ownerDocument.createElement('input');
	field.type = 'hidden';
	field.name = fieldName;
	field.value = trackingId;
	if (!existing) formElement.append(field);
	return field;
}

/** The header that carries the tracking id to the shop's own backend on `fetch` calls; empty without an id. */
export const trackingHeaders = (trackingId: string | undefined): Record<string, string> =>
	trackingId === undefined ? {} : { [TRACKING_HEADER_NAME]: trackingId };
