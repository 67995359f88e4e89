/**
A UTF-16 surrogate with no partner. Such text cannot be percent-encoded (`encodeURIComponent` throws), and js-sha256's
browser build hashes it differently from Node's, so a backend would compute another identity hash.
No lookbehind: Safari before 16.4 cannot parse it.
*/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text is made of whole Unicode code points only. */
export const isWellFormedText = (text: string): boolean => !LONE_SURROGATE.test(text);
