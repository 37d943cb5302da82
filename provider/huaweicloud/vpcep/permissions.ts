/**
 * Endpoint service permissions: which accounts may connect. Users write them in any of the forms
 * the console and the Terraform provider accept; the API's canonical forms are
 * `iam:domain::<domain id>`, `organizations:orgPath::<path>` and `*`.
 */

import { z } from "zod";

/** 32 hexadecimal characters: a Huawei Cloud account (domain) id. */
const DOMAIN_ID = /^[0-9a-fA-F]{32}$/;
const ORG_PATH = /^[A-Za-z0-9_\-/]{1,256}$/;

/** The canonical form of a permission, or an error message. */
export function normalizePermission(p: string): { value: string; type: "domainId" | "orgPath" } | string {
    const s = p.trim();
    if (s === "*") return { value: "*", type: "domainId" };
    if (DOMAIN_ID.test(s)) return { value: `iam:domain::${s.toLowerCase()}`, type: "domainId" };
    // the groups match whenever the pattern does (possibly empty)
    const domainId = /^iam:domain::(.*)$/.exec(s)?.[1];
    if (domainId !== undefined)
        return DOMAIN_ID.test(domainId)
            ? { value: `iam:domain::${domainId.toLowerCase()}`, type: "domainId" }
            : `has an account id that is not 32 hexadecimal characters`;
    const orgPath = /^organizations:orgPath::(.*)$/.exec(s)?.[1];
    if (orgPath !== undefined)
        return ORG_PATH.test(orgPath)
            ? { value: `organizations:orgPath::${orgPath}`, type: "orgPath" }
            : `has an organization path with characters other than letters, digits, _ - /`;
    return `is not an account id (32 hexadecimal characters), iam:domain::<account id>, organizations:orgPath::<path> or *`;
}

/** A permission in any accepted form, normalised to the API's (so diffs compare like with like). */
export const normalizedPermission = z.string().transform((s, ctx) => {
    const n = normalizePermission(s);
    if (typeof n === "string") {
        ctx.addIssue({ code: "custom", message: n });
        return z.NEVER;
    }
    return n.value;
});
