import type { RedeemableRef } from '../domain/validations/redeemables.js';
import type { InputReader } from './reader.js';

const OBJECTS = ['voucher', 'promotion_tier'] as const;

/** Reads `redeemables: [{object: 'voucher', id: CODE} | {object: 'promotion_tier', id}]`. */
export function readRedeemables(read: InputReader, value: unknown, path = 'redeemables'): RedeemableRef[] {
	const list = read.list(value, path);
	if (!list) throw read.invalid(path, 'a list of redeemables');
	return list.map((entry, index) => {
		const redeemable = read.requiredObject(entry, `${path}[${index}]`);
		const object = read.oneOf(redeemable.object, `${path}[${index}].object`, OBJECTS);
		if (!object) throw read.invalid(`${path}[${index}].object`, `one of ${OBJECTS.join(', ')}`);
		return { object, id: read.requiredString(redeemable.id, `${path}[${index}].id`) };
	});
}
