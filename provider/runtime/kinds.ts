import type { ResourceImpl } from "./impl";
import { lifecycle } from "../lifecycle/engine";

/**
 * Resource kinds the runtime can serve, each loaded on first use. A kind string is written into
 * the state of every resource of that kind (inside the serialized stub), so a kind, once
 * published, is never renamed or removed.
 */
export const kinds: Record<string, () => ResourceImpl> = {
    "privatelink:testing:Echo": () => require("../testing/echo").echoImpl,
    "huaweicloud:vpcep:EndpointService": () => table("../huaweicloud/vpcep/endpoint-service", "endpointServiceSpec"),
    "huaweicloud:vpcep:Endpoint": () => table("../huaweicloud/vpcep/endpoint", "endpointSpec"),
    "huaweicloud:vpcep:ConnectionApproval": () => table("../huaweicloud/vpcep/connection-approval", "connectionApprovalSpec"),
    "huaweicloud:vpcep:ServicePermission": () => table("../huaweicloud/vpcep/service-permission", "servicePermissionSpec"),
    "alicloud:privatelink:VpcEndpoint": () => table("../alicloud/privatelink/vpc-endpoint", "vpcEndpointSpec"),
    "alicloud:privatelink:VpcEndpointService": () => table("../alicloud/privatelink/vpc-endpoint-service", "vpcEndpointServiceSpec"),
    "huaweicloud:dns:ResolverEndpoint": () => table("../huaweicloud/dns/resolver-endpoint", "resolverEndpointSpec"),
};

const impls = new Map<string, ResourceImpl>();

/** The lifecycle of a resource table, built once per process. */
function table(module: string, name: string): ResourceImpl {
    let impl = impls.get(module);
    if (!impl) {
        impl = lifecycle(require(module)[name]);
        impls.set(module, impl);
    }
    return impl;
}
