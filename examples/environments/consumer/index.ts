// The consumer's program: an endpoint in the team's own VPC, connected to the owner's service of
// the same environment (its id comes from the owner's stack).
import * as pulumi from "@pulumi/pulumi";
import { huaweicloud } from "pulumi-privatelink";

const config = new pulumi.Config();
const environment = config.require("environment");
const owner = new pulumi.StackReference(config.require("ownerStack"));

const endpoint = new huaweicloud.vpcep.Endpoint("backend", {
    endpointServiceId: owner.requireOutput("serviceId") as pulumi.Output<string>,
    vpcId: config.require("clientVpcId"),
    subnetId: config.require("clientSubnetId"),
    portIp: config.require("endpointIp"),
    tags: { environment, team: "consumer" },
});

export const endpointId = endpoint.id;
export const endpointIp = endpoint.ip;
export const endpointStatus = endpoint.status;
