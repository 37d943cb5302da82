// GET /v1/{project_id}/quotas   ListQuotaDetails

import type { HuaweiClient } from "../client";
import type { CallOptions } from "../operation";
import { vpcepOp } from "./operation";
import { ListQuotaDetailsResponse, type QuotaResource } from "./schemas";

export async function listQuotaDetails(client: HuaweiClient, type?: "endpoint_service" | "endpoint", opts: CallOptions = {}): Promise<QuotaResource[]> {
    const res = await client.call(
        vpcepOp("ListQuotaDetails", "GET", "/v1/{project_id}/quotas", { query: { type }, signal: opts.signal }),
        ListQuotaDetailsResponse,
    );
    return res.quotas.resources;
}
