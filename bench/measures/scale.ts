/**
 * Measures 4 and 5: one `pulumi up` with the real CLI of one endpoint service and N endpoints,
 * the emulator throttled per account and provisioning (and deleting) in a fixed time; then
 * `pulumi destroy`. The state of the stack after `up` gives the state size per resource kind.
 */

import { errorDiagnostics, failedOps, Program, summaryOf } from "../harness";
import { Emu, type EmuRequest } from "../lib/emu";

export interface ScaleRow {
    op: "up" | "destroy";
    endpoints: number;
    requestsPerSecond: number;
    provisioningMs: number;
    parallel: number;
    exitCode: number;
    wallMs: number;
    /** CLI start to the first API call. */
    leadMs: number;
    /** First to last API call of the operation. */
    cloudPhaseMs: number;
    calls: number;
    throttled: number;
    failedResources: number;
    providerPeakKb: number;
    programPeakKb: number;
    lowerBoundMs: number;
    errors: string[];
}

export interface StateRow {
    type: string;
    resources: number;
    providerBytes: number;
    resourceBytes: number;
}

export function programFiles(endpoints: number): Record<string, string> {
    return {
        "Pulumi.yaml": "name: bench-scale\nruntime: nodejs\ndescription: pulumi-privatelink scale benchmark\n",
        "package.json": JSON.stringify({
            name: "bench-scale",
            private: true,
            main: "index.ts",
            dependencies: { "@pulumi/pulumi": "3.259.0", "pulumi-privatelink": "file:../.." },
        }),
        "index.ts": `import { huaweicloud } from "pulumi-privatelink";
const net = JSON.parse(process.env.BENCH_NETWORK!);
const service = new huaweicloud.vpcep.EndpointService("svc", {
    vpcId: net.backendVpcId,
    portId: net.backendPortId,
    serverType: "VM",
    ports: [{ clientPort: 80, serverPort: 8080 }],
    approvalEnabled: false,
});
// 200 addresses per /24 of the subnet (a /20 of the client VPC beyond 200 endpoints).
const third = net.benchThirdOctet ?? 0;
for (let i = 0; i < ${endpoints}; i++) {
    new huaweicloud.vpcep.Endpoint("ep-" + i, {
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

/**
 * What the throttle alone allows: the service's provisioning, then the endpoints' creates at the
 * throttle's rate, then their provisioning; plus the fewest reads any client needs (one to see the
 * service ready, one list to see the endpoints ready). Destroy mirrors it.
 */
export function lowerBoundMs(endpoints: number, rps: number, provisioningMs: number): number {
    const calls = 1 + 1 + endpoints + 1;
    return provisioningMs + (calls / rps) * 1000 + provisioningMs;
}

function summarise(
    op: "up" | "destroy",
    r: Awaited<ReturnType<Program["run"]>>,
    reqs: EmuRequest[],
    endpoints: number,
    rps: number,
    provisioningMs: number,
    parallel: number,
): ScaleRow {
    const times = reqs.map((q) => q.time);
    const summary = summaryOf(r.stdout) ?? {};
    const expected = endpoints + 1;
    const done = op === "up" ? (summary.create ?? 0) : (summary.delete ?? 0);
    const failed = Math.max(failedOps(r.stdout).length, expected - done);
    return {
        op,
        endpoints,
        requestsPerSecond: rps,
        provisioningMs,
        parallel,
        exitCode: r.code,
        wallMs: r.wallMs,
        leadMs: times.length ? Math.min(...times) - r.startedAt : 0,
        cloudPhaseMs: times.length ? Math.max(...times) - Math.min(...times) : 0,
        calls: reqs.length,
        throttled: reqs.filter((q) => q.status === 429).length,
        failedResources: failed,
        providerPeakKb: r.providerPeakKb,
        programPeakKb: r.programPeakKb,
        lowerBoundMs: lowerBoundMs(endpoints, rps, provisioningMs),
        errors: errorDiagnostics(r.stdout).slice(0, 5),
    };
}

/** The demo account's network, with a /20 subnet of the client VPC when the endpoints need more than one /24. */
export async function benchNetwork(emu: Emu, endpoints: number): Promise<Record<string, unknown>> {
    const net = emu.account("demo").network;
    if (endpoints <= 200) return { ...net };
    const subnet = await emu.emulator.addSubnet({ account: "demo", vpcId: net.clientVpcId, cidr: "10.0.16.0/20", name: "bench-endpoints" });
    return { ...net, benchSubnetId: subnet.id, benchThirdOctet: 16 };
}

export async function scaleScenario(
    endpoints: number,
    rps: number,
    provisioningMs: number,
    parallel: number,
): Promise<{ rows: ScaleRow[]; state: StateRow[] }> {
    const timing = { create: { afterMs: provisioningMs }, delete: { afterMs: provisioningMs } };
    const emu = await Emu.start({ "vpcep:endpoint_service": timing, "vpcep:endpoint": timing } as any);
    let program: Program | undefined;
    try {
        await emu.emulator.setLimits({ requestsPerSecond: rps });
        program = await Program.create(programFiles(endpoints), {
            ...emu.huaweiEnv("demo"),
            BENCH_NETWORK: JSON.stringify(await benchNetwork(emu, endpoints)),
        });
        const args = ["--yes", "--skip-preview", "--json", "--non-interactive", "--stack", program.stack, "--parallel", String(parallel)];
        const rows: ScaleRow[] = [];
        let mark = await emu.mark();
        const up = await program.run(["up", ...args], true);
        rows.push(summarise("up", up, await emu.requests(mark), endpoints, rps, provisioningMs, parallel));

        const exported = await program.exportState();
        const byType = new Map<string, StateRow>();
        for (const res of exported.deployment.resources ?? []) {
            if (!res.type.startsWith("pulumi-nodejs:dynamic/")) continue;
            const row = byType.get(res.type) ?? { type: res.type.replace("pulumi-nodejs:dynamic/", ""), resources: 0, providerBytes: 0, resourceBytes: 0 };
            row.resources++;
            const provider = (res.outputs?.__provider ?? res.inputs?.__provider) as unknown;
            row.providerBytes += Buffer.byteLength(typeof provider === "string" ? provider : JSON.stringify(provider ?? ""));
            row.resourceBytes += Buffer.byteLength(JSON.stringify(res));
            byType.set(res.type, row);
        }
        const state = [...byType.values()].map((r) => ({ ...r, providerBytes: r.providerBytes / r.resources, resourceBytes: r.resourceBytes / r.resources }));

        mark = await emu.mark();
        const down = await program.run(["destroy", ...args], true);
        rows.push(summarise("destroy", down, await emu.requests(mark), endpoints, rps, provisioningMs, parallel));
        return { rows, state };
    } finally {
        program?.dispose();
        await emu.close();
    }
}
