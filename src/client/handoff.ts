import { refuse } from '../errors/invalid-input-error.js';
import { ANONYMOUS_HEADER_NAME, ANONYMOUS_ID_NAME, TRACKING_FIELD_NAME, TRACKING_HEADER_NAME } from '../shared/handoff.js';
import type { DomInputElement } from '../shared/dom-types.js';
import { describeType } from '../shared/identity.js';

/** The ids checkout needs: the tracking id, and the anonymous id the visitor had before `setIdentity()`. */
export type VisitorIds = { trackingId: string | undefined; anonymousId: string | undefined };

/** Sets a hidden `<input>` to `value`, creating it when missing, or removes it when there is no value. */
function setHiddenField(form: HTMLFormElement, name: string, value: string | undefined): DomInputElement | undefined {
	const existing = [...form.querySelectorAll('input')].find((input) => input.name === name);
	if (value === undefined) {
		existing?.remove();
		return undefined;
	}
	const field = existing ?? form.ownerDocument.createElement('input');
	field.type = 'hidden';
	field.name = name;
	field.value = value;
	if (!existing) form.append(field);
	return field;
}

/**
Puts the tracking id, and the anonymous id when there is one, in hidden `<input>`s of the checkout form, creating them
when missing. A field without a value is removed, so a stale value from an earlier visitor is never posted.
*/
export function fillTrackingField(form: unknown, ids: VisitorIds, fieldName: string = TRACKING_FIELD_NAME): DomInputElement | undefined {
	// tagName rather than instanceof: the form may come from another frame.
	if (typeof form !== 'object' || form === null || (form as Element).tagName !== 'FORM') {
		refuse('form', `must be a <form> element, got ${describeType(form)}`);
	}
	if (typeof fieldName !== 'string' || fieldName.trim() === '') {
		refuse('fieldName', 'must be a non-empty string');
	}
	setHiddenField(form as HTMLFormElement, ANONYMOUS_ID_NAME, ids.anonymousId);
	return setHiddenField(form as HTMLFormElement, fieldName, ids.trackingId);
}

/** The headers that carry the visitor's ids to the shop's own backend on `fetch` calls; empty without an id. */
export const trackingHeaders = ({ trackingId, anonymousId }: VisitorIds): Record<string, string> => ({
	...(trackingId !== undefined && { [TRACKING_HEADER_NAME]: trackingId }),
	...(anonymousId !== undefined && { [ANONYMOUS_HEADER_NAME]: anonymousId }),
});
