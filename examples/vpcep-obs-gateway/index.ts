// OBS through a gateway endpoint: look the OBS service up among the region's public services
// (its name differs from region to region, so the program finds it rather than hard-coding an id),
// then connect the VPC to it on a route table: servers in subnets using that route table reach
// OBS without a public address.
import * as pulumi from "@pulumi/pulumi";
import { huaweicloud } from "pulumi-privatelink";

const config = new pulumi.Config();

// Two public services match "obs" (one interface, one gateway): the type picks the gateway one.
const obs = huaweicloud.vpcep.getPublicServiceOutput({ serviceName: "obs", serviceType: "gateway" });

const gateway = new huaweicloud.vpcep.Endpoint("obs", {
    endpointServiceId: obs.id,
    vpcId: config.require("vpcId"),
    routeTables: [config.require("routeTableId")],
    description: "OBS without public addresses",
    tags: { example: "vpcep-obs-gateway" },
});

export const obsServiceName = obs.serviceName;
export const endpointId = gateway.id;
export const endpointStatus = gateway.status;
export const routeTables = gateway.routeTables;
