/**
 * An out-of-band change, made the way another tool would: a request signed with the official
 * Huawei Cloud SDK's signer, not with this package's client.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { AKSKSigner } = require("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner");

export async function signedHuaweiRequest(
    base: string,
    account: { accessKey: string; secretKey: string; projects: Array<{ id: string }> },
    method: string,
    path: string,
    body?: unknown,
): Promise<{ status: number; json: any }> {
    const url = new URL(path, base);
    const [project] = account.projects;
    if (!project) throw new Error("the account has no project to address the request to");
    const headers: Record<string, string> = { "Content-Type": "application/json", "X-Project-Id": project.id };
    // The official signer serialises `data` itself (JSON.stringify), as its HTTP client does.
    const signed = AKSKSigner.sign(
        { method, endpoint: `${url.origin}${url.pathname}`, queryParams: Object.fromEntries(url.searchParams), headers, data: body ?? "" },
        { getAk: () => account.accessKey, getSk: () => account.secretKey },
    );
    delete signed.host; // fetch sets Host from the URL
    const res = await fetch(url, { method, headers: signed, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
}
