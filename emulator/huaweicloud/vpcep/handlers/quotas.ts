import { vpcepError } from "../errors";
import { ENDPOINT_KIND, SERVICE_KIND } from "../state";
import { ok, scopeOf, type VpcepHandler } from "./context";
import { ENDPOINT_QUOTA } from "./endpoints";
import { SERVICE_QUOTA } from "./services";

// GET /v1/{project_id}/quotas[?type=endpoint_service|endpoint]   ListQuotaDetails

export const listQuotaDetails: VpcepHandler = (api, ctx) => {
    const type = ctx.req.query.get("type");
    if (type !== null && type !== "endpoint_service" && type !== "endpoint") throw vpcepError("EndPoint.0002", "type must be endpoint_service or endpoint.");
    const own = api.state.scope(scopeOf(ctx));
    const resources = [
        {
            type: "endpoint_service",
            used: Object.values(own.services).filter((s) => api.state.serviceStatus(s, "peek") !== "gone").length,
            quota: api.world.quota(SERVICE_KIND, SERVICE_QUOTA),
        },
        {
            type: "endpoint",
            used: Object.values(own.endpoints).filter((e) => api.state.endpointStatus(e, "peek") !== "gone").length,
            quota: api.world.quota(ENDPOINT_KIND, ENDPOINT_QUOTA),
        },
    ].filter((r) => type === null || r.type === type);
    return ok({ quotas: { resources } });
};
