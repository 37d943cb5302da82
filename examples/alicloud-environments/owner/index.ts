// The service owner's program: one endpoint service per environment, the consumer's account
// allowed on it, and — once the consumer's endpoint exists — the owner's acceptance of it.
import * as pulumi from "@pulumi/pulumi";
import { alicloud } from "pulumi-privatelink";

const config = new pulumi.Config();
const environment = config.require("environment");
const autoAccept = config.requireBoolean("autoAccept");

const service = new alicloud.privatelink.VpcEndpointService("backend", {
    resources: [{ resourceId: config.require("loadBalancerId"), resourceType: "slb", zoneId: config.require("zoneId") }],
    autoAcceptEnabled: autoAccept,
    serviceDescription: `backend ${environment}`,
    tags: { environment, team: "backend" },
});

// Only the consumer's account may create endpoints for it.
new alicloud.privatelink.VpcEndpointServiceUser("consumer", { serviceId: service.id, userId: config.require("consumerAccountId") });

// The consumer's endpoint, read from its stack, accepted where the environment asks for it.
const consumerStack = config.get("consumerStack");
let connectionStatus: pulumi.Output<string | undefined> | undefined;
if (consumerStack && !autoAccept) {
    const consumer = new pulumi.StackReference(consumerStack);
    const connection = new alicloud.privatelink.VpcEndpointConnection("consumer", {
        serviceId: service.id,
        endpointId: consumer.requireOutput("endpointId") as pulumi.Output<string>,
        bandwidth: config.getNumber("bandwidth"),
    });
    connectionStatus = connection.connectionStatus;
}

export const serviceId = service.id;
export const serviceName = service.serviceName;
export const acceptedStatus = connectionStatus;
