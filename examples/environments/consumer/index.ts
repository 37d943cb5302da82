// The consumer's program: an endpoint in the team's own VPC, connected to the owner's service of
// the same environment. The owner's stack publishes the service's full name; the consumer finds
// the service by that name — which also tells, at `pulumi preview`, when the owner has not
// permitted this account yet — and connects to it.
import * as pulumi from "@pulumi/pulumi";
import { huaweicloud } from "pulumi-privatelink";

const config = new pulumi.Config();
const environment = config.require("environment");
const owner = new pulumi.StackReference(config.require("ownerStack"));

const service = huaweicloud.vpcep.getServiceByNameOutput({ serviceName: owner.requireOutput("serviceName") as pulumi.Output<string> });

const endpoint = new huaweicloud.vpcep.Endpoint("backend", {
    endpointServiceId: service.id,
    vpcId: config.require("clientVpcId"),
    subnetId: config.require("clientSubnetId"),
    portIp: config.require("endpointIp"),
    tags: { environment, team: "consumer" },
});

export const serviceId = service.id;
export const endpointId = endpoint.id;
export const endpointIp = endpoint.ip;
export const endpointStatus = endpoint.status;
