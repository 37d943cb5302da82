/**
 * Percent-encoding as both clouds' signing documents define it (Huawei's SDK-HMAC-SHA256 guide,
 * Alibaba's `percentEncode`): RFC 3986, everything but `A-Z a-z 0-9 - _ . ~` encoded.
 */

/** RFC 3986 percent-encoding: everything but `A-Z a-z 0-9 - _ . ~`. */
export function rfc3986(s: string): string {
    return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `decodeURIComponent`, or the text unchanged when it is not valid percent-encoding. */
export function safeDecode(s: string): string {
    try {
        return decodeURIComponent(s);
    } catch {
        return s;
    }
}

const byNameThenValue = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

/** Parameters sorted by name then value, each side RFC 3986-encoded, `name=value` joined by `&`. */
export function encodedSortedPairs(pairs: Array<[string, string]>): string {
    return [...pairs]
        .sort(byNameThenValue)
        .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
        .join("&");
}
