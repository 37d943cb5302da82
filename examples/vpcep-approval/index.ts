// Approval: the service owner decides which endpoints may connect. The endpoint waits in
// pendingAcceptance until the owner's ConnectionApproval accepts it.
import * as pulumi from "@pulumi/pulumi";
import { huaweicloud } from "pulumi-privatelink";

const config = new pulumi.Config();

const service = new huaweicloud.vpcep.EndpointService("api", {
    vpcId: config.require("backendVpcId"),
    portId: config.require("backendPortId"),
    serverType: "VM",
    serviceName: "api",
    ports: [{ clientPort: 443, serverPort: 8443 }],
    approvalEnabled: true,
});

// The consumer's account may connect (the owner's own account always may).
const permission = new huaweicloud.vpcep.ServicePermission("consumer", {
    endpointServiceId: service.id,
    permission: config.require("consumerAccountId"),
});

// In a real setup the consumer creates this endpoint from its own stack and account.
const endpoint = new huaweicloud.vpcep.Endpoint(
    "consumer-endpoint",
    {
        endpointServiceId: service.id,
        vpcId: config.require("clientVpcId"),
        subnetId: config.require("clientSubnetId"),
        portIp: "10.0.0.210",
    },
    { dependsOn: [permission] },
);

const approval = new huaweicloud.vpcep.ConnectionApproval("approve-consumer", {
    endpointServiceId: service.id,
    endpointId: endpoint.id,
    decision: (config.get("decision") as "accept" | "reject" | undefined) ?? "accept",
});

export const serviceId = service.id;
export const endpointId = endpoint.id;
export const endpointStatusWhenCreated = endpoint.status;
export const connectionStatus = approval.status;
export const permissionGranted = permission.permission;
