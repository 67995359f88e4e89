/** A page request: `page` counts from 1. */
export interface PageQuery {
	readonly limit: number;
	readonly page: number;
}

/** One page of a list, with whether more follow. */
export interface Page<T> {
	readonly items: T[];
	readonly total: number;
	readonly has_more: boolean;
}

/** Cuts one page out of a list. */
export function paginate<T>(items: readonly T[], { limit, page }: PageQuery): Page<T> {
	const start = (page - 1) * limit;
	return { items: items.slice(start, start + limit), total: items.length, has_more: start + limit < items.length };
}
