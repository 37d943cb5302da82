import type { Route } from "../../core/api-module";
import type { VpcApi, VpcHandler } from "./handlers/context";
import { createPort, deletePort, listPorts, showPort } from "./handlers/ports";
import { createSubnet, deleteSubnet, listSubnets, showSubnet, updateSubnet } from "./handlers/subnets";
import { createVpc, deleteVpc, listVpcs, showVpc, updateVpc } from "./handlers/vpcs";

const P = "/v1/{project_id}";
const PORTS = "/v2.0/ports";

/**
 * Every VPC operation the emulator serves: [method, path, SDK operation name, handler]. The
 * operation names are the official Python SDK's (huaweicloudsdkvpc v2: ListVpcs, CreateSubnet,
 * NeutronListPorts, …). Any other path of the VPC API answers 501.
 */
const TABLE: Array<[string, string, string, VpcHandler]> = [
    ["GET", `${P}/vpcs`, "ListVpcs", listVpcs],
    ["POST", `${P}/vpcs`, "CreateVpc", createVpc],
    ["GET", `${P}/vpcs/{vpc_id}`, "ShowVpc", showVpc],
    ["PUT", `${P}/vpcs/{vpc_id}`, "UpdateVpc", updateVpc],
    ["DELETE", `${P}/vpcs/{vpc_id}`, "DeleteVpc", deleteVpc],
    ["GET", `${P}/subnets`, "ListSubnets", listSubnets],
    ["POST", `${P}/subnets`, "CreateSubnet", createSubnet],
    ["GET", `${P}/subnets/{subnet_id}`, "ShowSubnet", showSubnet],
    ["PUT", `${P}/vpcs/{vpc_id}/subnets/{subnet_id}`, "UpdateSubnet", updateSubnet],
    ["DELETE", `${P}/vpcs/{vpc_id}/subnets/{subnet_id}`, "DeleteSubnet", deleteSubnet],
    ["GET", PORTS, "NeutronListPorts", listPorts],
    ["POST", PORTS, "NeutronCreatePort", createPort],
    ["GET", `${PORTS}/{port_id}`, "NeutronShowPort", showPort],
    ["DELETE", `${PORTS}/{port_id}`, "NeutronDeletePort", deletePort],
];

/** The VPC routes bound to one emulator's world. */
export function vpcRoutes(api: VpcApi): Route[] {
    return TABLE.map(([method, path, operation, handler]) => ({ method, path, operation, handler: (ctx) => handler(api, ctx) }));
}
