/**
 * Moving a stack from the dynamic resources to the native provider without recreating anything,
 * measured with the real CLI against the emulator (docs/native-provider.md, "Moving a stack"):
 *
 * the native declarations with an alias from each dynamic type: the preview plans nothing, `up`
 * records the same objects under the native types (no create, update or delete; the cloud sees
 * only reads), and once the aliases are removed a preview and a refresh are empty.
 */
import { e2eCloud, pluginPath } from "../helpers/e2e";

const SERVICE = "privatelink:huaweicloud/vpcep:EndpointService";
const ENDPOINT = "privatelink:huaweicloud/vpcep:Endpoint";

describe("moving a stack from the dynamic resources to the native provider", () => {
    const e2e = e2eCloud();

    test("an alias from the dynamic type moves each resource, keeping its object", async () => {
        const cloud = e2e.cloud();
        const net = cloud.account().network;
        const inputs = {
            service: {
                vpcId: net.backendVpcId,
                portId: net.backendPortId,
                serverType: "VM",
                ports: [{ clientPort: 8080, serverPort: 80 }],
                approvalEnabled: false,
            },
            endpoint: { vpcId: net.clientVpcId, subnetId: net.clientSubnetId, portIp: "10.0.0.200" },
        };
        const dynamic = `
import { huaweicloud } from "pulumi-privatelink";
const service = new huaweicloud.vpcep.EndpointService("backend", ${JSON.stringify(inputs.service)});
const endpoint = new huaweicloud.vpcep.Endpoint("client", { endpointServiceId: service.id, ...${JSON.stringify(inputs.endpoint)} });
export const ids = [service.id, endpoint.id];
`;
        // The native declarations, with resource options for each.
        const native = (serviceOpts: string, endpointOpts: string) => `
import * as pulumi from "@pulumi/pulumi";
const service = new pulumi.CustomResource("${SERVICE}", "backend", ${JSON.stringify(inputs.service)}, ${serviceOpts});
const endpoint = new pulumi.CustomResource("${ENDPOINT}", "client", { endpointServiceId: service.id, ...${JSON.stringify(inputs.endpoint)} }, ${endpointOpts});
export const ids = [service.id, endpoint.id];
`;
        const p = await e2e.program({
            env: { ...cloud.huaweiEnv(), ...pluginPath() },
            files: { "Pulumi.yaml": "name: moving\nruntime: nodejs\n", "package.json": '{"name":"moving","main":"index.ts"}', "index.ts": dynamic },
        });
        await p.up();
        const [serviceId, endpointId] = (await p.outputs()).ids as [string, string];
        const state = await p.exportState();
        const urnOf = (name: string) => state.deployment.resources?.find((r) => r.urn.endsWith(`::${name}`))?.urn ?? "";
        const dynamicType = (name: string) => urnOf(name).split("::")[2] ?? "";

        // Aliases from the dynamic types: the engine takes each recorded resource as the native
        // one's past, asks the plugin for a diff (none: the recorded inputs are the same), and
        // records it under its new type. Nothing is made or deleted; the cloud sees only reads.
        const aliased = (name: string) => `{ aliases: [{ type: "${dynamicType(name)}" }] }`;
        p.writeFile("index.ts", native(aliased("backend"), aliased("client")));
        const planned = await p.preview();
        expect(planned.changeSummary).toEqual({ same: 3 });
        const mark = await cloud.mark();
        const moved = await p.up();
        for (const op of ["create", "delete", "replace", "update"]) expect(moved.changeSummary[op] ?? 0).toBe(0);
        expect((await cloud.requests(mark)).filter((r) => r.method !== "GET")).toEqual([]);
        expect((await p.outputs()).ids).toEqual([serviceId, endpointId]);
        const types = (await p.exportState()).deployment.resources?.map((r) => r.type) ?? [];
        expect(types).toEqual(expect.arrayContaining([SERVICE, ENDPOINT]));
        expect(types.filter((t) => t.startsWith("pulumi-nodejs:dynamic"))).toEqual([]);
        // Once moved, the aliases can go: the next preview is empty, and so is a refresh.
        p.writeFile("index.ts", native("{}", "{}"));
        await p.expectNoChanges("preview");
        await p.expectNoChanges("refresh");

        await p.destroy();
        expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
        expect(await cloud.resources("vpcep:endpoint")).toEqual([]);
    });
});
