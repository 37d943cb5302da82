/** JSON documents given as text compare as the values they hold (provider/model/json-document.ts). */
import { canonicalJson, canonicalJsonText, jsonDocument, sameJsonText } from "../../provider/model/json-document";

describe("JSON documents", () => {
    test.each([
        ['{"b":1,"a":[2,{"d":null,"c":"x"}]}', '{ "a": [2, { "c": "x", "d": null }], "b": 1 }'],
        ['{"Version":"1"}', '\n{\n    "Version" : "1"\n}\n'],
    ])("holds %s and %s the same", (a, b) => {
        expect(sameJsonText(a, b)).toBe(true);
        expect(canonicalJsonText(a)).toBe(canonicalJsonText(b));
    });

    test.each([
        ['{"a":[1,2]}', '{"a":[2,1]}', "list order counts"],
        ['{"a":"1"}', '{"a":1}', "a string is not a number"],
    ])("holds %s and %s different (%s)", (a, b) => {
        expect(sameJsonText(a, b)).toBe(false);
    });

    test("sorts keys at every level and drops whitespace", () => {
        expect(canonicalJson({ z: { y: 1, x: [{ b: 2, a: 1 }] }, a: "s" })).toBe('{"a":"s","z":{"x":[{"a":1,"b":2}],"y":1}}');
        expect(canonicalJsonText("not json")).toBeUndefined();
        expect(canonicalJsonText("")).toBeUndefined();
    });

    const schema = jsonDocument({ what: "policy", maxLength: 40, shape: (d) => (Array.isArray(d.S) ? undefined : "has no S list") });
    test.each([
        ["{", "is not JSON"],
        ["[1]", "not a JSON object"],
        ['"text"', "not a JSON object"],
        ['{"T":1}', "has no S list"],
        [`{"S":[${"1,".repeat(20)}1]}`, "longer than 40 characters"],
    ])("refuses %s: %s", (text, message) => {
        const r = schema.safeParse(text);
        expect(r.success).toBe(false);
        expect(r.error?.issues[0]?.message).toContain(message);
    });

    test("turns an accepted document into its canonical text", () => {
        expect(schema.parse('{ "S": [ 1 ], "A": true }')).toBe('{"A":true,"S":[1]}');
    });
});
