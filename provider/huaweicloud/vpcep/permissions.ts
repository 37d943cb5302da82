/**
 * Endpoint service permissions: which accounts may connect. Users write them in any of the forms
 * the console and the Terraform provider accept; the API's canonical forms are
 * `iam:domain::<domain id>`, `organizations:orgPath::<path>` and `*`.
 */

import { z } from "zod";

/** 32 hexadecimal characters: a Huawei Cloud account (domain) id. */
const DOMAIN_ID = /^[0-9a-fA-F]{32}$/;
/**
 * Letters, digits and `/ - * ?`, at most 1024 characters (the SDK's
 * AddOrRemoveServicePermissionsRequestBody; `*` stands for every account below a path, as in
 * `o-…/r-…/ou-…/*`). `_` is kept: earlier versions of this package took it.
 */
const ORG_PATH = /^[A-Za-z0-9_\-/*?]{1,1024}$/;

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
            : `has an organization path with characters other than letters, digits, _ - / * ? (or longer than 1024)`;
    return `is not an account id (32 hexadecimal characters), iam:domain::<account id>, organizations:orgPath::<path> or *`;
}

/**
 * An organization permission as users write it: `organizations:orgPath::<path>` or the bare path
 * (`o-…/r-…/ou-…`), in the API's form.
 */
export function normalizeOrgPermission(p: string): { value: string; type: "orgPath" } | string {
    const s = p.trim();
    if (s.startsWith("iam:")) return "is an account permission, not an organization path; give accounts in permissions";
    const n = normalizePermission(s.startsWith("organizations:") ? s : `organizations:orgPath::${s}`);
    if (typeof n === "string") return n;
    return n.type === "orgPath" ? { value: n.value, type: "orgPath" } : "is not an organization path";
}

/** Accounts: a permission of type domainId; an organization path is pointed to `organizationPermissions`. */
export function normalizeAccountPermission(p: string): { value: string; type: "domainId" } | string {
    const n = normalizePermission(p);
    if (typeof n === "string") return n;
    return n.type === "domainId" ? { value: n.value, type: "domainId" } : "is an organization path; give organization paths in organizationPermissions";
}

function normalizedBy(normalize: (p: string) => { value: string } | string) {
    return z.string().transform((s, ctx) => {
        const n = normalize(s);
        if (typeof n === "string") {
            ctx.addIssue({ code: "custom", message: n });
            return z.NEVER;
        }
        return n.value;
    });
}

/** An account permission (`iam:domain::<id>`, a bare account id, or `*`), in the API's form. */
export const normalizedAccountPermission = normalizedBy(normalizeAccountPermission);
/** An organization permission (`organizations:orgPath::<path>` or the bare path), in the API's form. */
export const normalizedOrgPermission = normalizedBy(normalizeOrgPermission);

/** A permission in any accepted form, normalised to the API's (so diffs compare like with like). */
export const normalizedPermission = z.string().transform((s, ctx) => {
    const n = normalizePermission(s);
    if (typeof n === "string") {
        ctx.addIssue({ code: "custom", message: n });
        return z.NEVER;
    }
    return n.value;
});
