// The service owner's program: one endpoint service per environment, and — once the consumer's
// endpoint exists — the owner's approval of it.
import * as pulumi from "@pulumi/pulumi";
import { huaweicloud } from "pulumi-privatelink";

const config = new pulumi.Config();
const environment = config.require("environment");

const service = new huaweicloud.vpcep.EndpointService("backend", {
    vpcId: config.require("backendVpcId"),
    portId: config.require("backendPortId"),
    serverType: "VM",
    serviceName: `backend-${environment}`,
    ports: [{ clientPort: config.requireNumber("clientPort"), serverPort: config.requireNumber("serverPort") }],
    approvalEnabled: config.requireBoolean("approvalEnabled"),
    // Only the consumer's account may connect.
    permissions: [config.require("consumerAccountId")],
    tags: { environment, team: "backend" },
});

// The consumer's endpoint, read from its stack; approved when this environment requires approval.
const consumerStack = config.get("consumerStack");
let approvalStatus: pulumi.Output<string> | undefined;
if (consumerStack && config.requireBoolean("approvalEnabled")) {
    const consumer = new pulumi.StackReference(consumerStack);
    const approval = new huaweicloud.vpcep.ConnectionApproval("consumer", {
        endpointServiceId: service.id,
        endpointId: consumer.requireOutput("endpointId") as pulumi.Output<string>,
    });
    approvalStatus = approval.status;
}

export const serviceId = service.id;
export const serviceName = service.serviceName;
export const connectionStatus = approvalStatus;
