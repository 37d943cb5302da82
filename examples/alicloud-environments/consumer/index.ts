// The consumer's program: an endpoint in the team's own VPC, connected to the owner's service of
// the same environment (its id comes from the owner's stack).
import * as pulumi from "@pulumi/pulumi";
import { alicloud } from "pulumi-privatelink";

const config = new pulumi.Config();
const environment = config.require("environment");
const owner = new pulumi.StackReference(config.require("ownerStack"));
const zoneId = config.require("zoneId");

const endpoint = new alicloud.privatelink.VpcEndpoint("backend", {
    serviceId: owner.requireOutput("serviceId") as pulumi.Output<string>,
    vpcId: config.require("vpcId"),
    securityGroupIds: [config.require("securityGroupId")],
    zones: [{ zoneId, vswitchId: config.require("vswitchId") }],
    endpointName: `backend-${environment}`,
    tags: { environment, team: "consumer" },
});

export const endpointId = endpoint.id;
export const endpointDomain = endpoint.endpointDomain;
export const connectionStatus = endpoint.connectionStatus;
