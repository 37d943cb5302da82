/**
 * The programs measure 8 previews: the same shape — one endpoint service and N endpoints, with
 * the inputs of measure 6's program (scale.ts `programFiles`) — written as a YAML program and as a
 * TypeScript program that declare the resources by type token (the native plugin serves them),
 * and the empty program of each language (its floor: no provider at all).
 */

/** The resource tokens the native plugin serves (schema.json). */
const SERVICE = "privatelink:huaweicloud/vpcep:EndpointService";
const ENDPOINT = "privatelink:huaweicloud/vpcep:Endpoint";
// biome-ignore lint/suspicious/noTemplateCurlyInString: Pulumi YAML's interpolation of the service's id, written as is
const SERVICE_ID = "${svc.id}";

/** Where a program's endpoints go: the network of the account, and a subnet of their own. */
export interface ShapeNetwork {
    backendVpcId: string;
    backendPortId: string;
    clientVpcId: string;
    /** A subnet of the client VPC for this program alone, so that programs never ask for one address twice. */
    benchSubnetId: string;
    /** The third octet of that subnet's first address (10.0.<third>.0/20). */
    benchThirdOctet: number;
}

/** Endpoint i's address, as scale.ts `programFiles` computes it: 200 per /24. */
export function portIp(net: ShapeNetwork, i: number): string {
    return `10.0.${net.benchThirdOctet + Math.floor(i / 200)}.${10 + (i % 200)}`;
}

/** An empty YAML program: the YAML host's floor. */
export const EMPTY_YAML = { "Pulumi.yaml": "name: bench-empty-yaml\nruntime: yaml\n" };

/** A YAML program of one service and `endpoints` endpoints, by token; the literal network values are written in. */
export function yamlPluginProgram(endpoints: number, net: ShapeNetwork): Record<string, string> {
    const lines = [
        "name: bench-noop-yaml",
        "runtime: yaml",
        "resources:",
        "  svc:",
        `    type: ${SERVICE}`,
        "    properties:",
        `      vpcId: ${net.backendVpcId}`,
        `      portId: ${net.backendPortId}`,
        "      serverType: VM",
        "      ports: [{ clientPort: 80, serverPort: 8080 }]",
        "      approvalEnabled: false",
    ];
    for (let i = 0; i < endpoints; i++) {
        lines.push(
            `  ep-${i}:`,
            `    type: ${ENDPOINT}`,
            "    properties:",
            `      endpointServiceId: ${SERVICE_ID}`,
            `      vpcId: ${net.clientVpcId}`,
            `      subnetId: ${net.benchSubnetId}`,
            `      portIp: ${portIp(net, i)}`,
        );
    }
    lines.push("outputs:", `  serviceId: ${SERVICE_ID}`, "");
    return { "Pulumi.yaml": lines.join("\n") };
}

/**
 * A TypeScript program of the same shape, by token through `pulumi.CustomResource` (what the
 * generated Node SDK's classes do underneath; the SDK in sdks/nodejs would need a build step). It
 * reads the network from BENCH_NETWORK, as measure 6's program does.
 */
export function tsPluginProgram(endpoints: number): Record<string, string> {
    return {
        "Pulumi.yaml": "name: bench-noop-ts-plugin\nruntime: nodejs\n",
        "package.json": JSON.stringify({ name: "bench-noop-ts-plugin", private: true, main: "index.ts", dependencies: { "@pulumi/pulumi": "3.259.0" } }),
        "index.ts": `import * as pulumi from "@pulumi/pulumi";
const net = JSON.parse(process.env.BENCH_NETWORK!);
const service = new pulumi.CustomResource("${SERVICE}", "svc", {
    vpcId: net.backendVpcId,
    portId: net.backendPortId,
    serverType: "VM",
    ports: [{ clientPort: 80, serverPort: 8080 }],
    approvalEnabled: false,
});
const third = net.benchThirdOctet ?? 0;
for (let i = 0; i < ${endpoints}; i++) {
    new pulumi.CustomResource("${ENDPOINT}", "ep-" + i, {
        endpointServiceId: service.id,
        vpcId: net.clientVpcId,
        subnetId: net.benchSubnetId ?? net.clientSubnetId,
        portIp: "10.0." + (third + Math.floor(i / 200)) + "." + (10 + (i % 200)),
    });
}
export const serviceId = service.id;
`,
    };
}
