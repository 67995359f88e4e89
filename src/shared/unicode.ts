/**
A UTF-16 surrogate with no partner. Such text cannot be percent-encoded (`encodeURIComponent` throws), and UTF-8 has
no bytes for it: hashing would replace it with U+FFFD, so different identities would hash alike.
No lookbehind: Safari before 16.4 cannot parse it.
*/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text is made of whole Unicode code points only. */
export const isWellFormedText = (text: string): boolean => !LONE_SURROGATE.test(text);
