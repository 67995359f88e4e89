/** The most body that `fetch(…, { keepalive: true })` takes (the Fetch standard's 64 KiB, counted in UTF-8 bytes). */
export const KEEPALIVE_BODY_LIMIT = 65_536;

/**
Whether a request with this JSON body may go with `keepalive`, so that it outlives the page. A larger body makes a
keepalive `fetch` fail outright, so it goes as a normal request, which a navigation can cut off.
*/
export const fitsKeepalive = (json: unknown): boolean => new TextEncoder().encode(JSON.stringify(json)).length <= KEEPALIVE_BODY_LIMIT;
