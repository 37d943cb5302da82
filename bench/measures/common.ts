/**
 * What the measures share: the provider's real create path (the resource tables run by the
 * lifecycle engine) for three groups that run side by side against one emulator, each in its own
 * account so the emulator's request log tells their calls apart:
 *
 * - `ours`: the provider as it runs inside `pulumi up` — the table's `connect` reads the stack
 *   config (`setStackConfig`), so every resource shares one client and one watcher per kind;
 * - `ours-alone`: the same tables, but every resource gets a client (hence a watcher) of its own:
 *   what one resource waiting on its own costs, with no coalescing;
 * - `baseline`: the same models with the wait replaced by the Terraform-style poller
 *   (bench/baselines/terraform-waiter.ts).
 */

import { setStackConfig } from "../../provider/config/stack-config";
import { model as endpoint } from "../../provider/huaweicloud/vpcep/endpoint";
import { model as endpointService } from "../../provider/huaweicloud/vpcep/endpoint-service";
import type { AnyModel } from "../../provider/model/resource";
import { dynamicImplOf } from "../../provider/runtime/host";
import type { ResourceImpl } from "../../provider/runtime/impl";
import { getHuaweiClient, HuaweiClient, type HuaweiClientConfig } from "../../sdk/huaweicloud/client";
import * as vpcep from "../../sdk/huaweicloud/vpcep";
import { baselineEndpoint, baselineEndpointService } from "../baselines/terraform-waiter";
import type { Emu } from "../lib/emu";

export type Kind = "endpoint_service" | "endpoint";
export type Variant = "ours" | "ours-alone" | "baseline";

export const ACCOUNT_OF: Record<Variant, string> = { ours: "demo", "ours-alone": "partner", baseline: "consumer" };

export function clientConfig(emu: Emu, account: string): HuaweiClientConfig {
    const a = emu.account(account);
    const p = emu.project(account);
    return {
        region: p.region,
        projectId: p.id,
        accessKey: a.accessKey,
        secretKey: a.secretKey,
        endpoints: { vpcep: emu.url, iam: emu.url, dns: emu.url },
    };
}

/** Points the provider's stack config at `account` of `emu` (as `configure` does in a provider process). */
export function configureProvider(emu: Emu, account = "demo"): void {
    const s = emu.settings(account);
    setStackConfig({ get: (k) => s[k] });
}

/** The lifecycle implementation a variant creates resources of `kind` with. */
export function implFor(kind: Kind, variant: Variant, emu: Emu): ResourceImpl {
    const shared = () => getHuaweiClient(clientConfig(emu, ACCOUNT_OF[variant]));
    // A `random` makes getHuaweiClient build a new client, with its own watchers.
    const own = () => new HuaweiClient({ ...clientConfig(emu, ACCOUNT_OF[variant]), random: Math.random });
    const withClient = <M extends AnyModel>(m: M, connect: () => HuaweiClient): M => ({ ...m, cloud: { ...m.cloud, connect } });
    if (kind === "endpoint_service") {
        if (variant === "ours") return dynamicImplOf(endpointService);
        if (variant === "ours-alone") return dynamicImplOf(withClient(endpointService, own));
        return dynamicImplOf(withClient(baselineEndpointService(endpointService), shared));
    }
    if (variant === "ours") return dynamicImplOf(endpoint);
    if (variant === "ours-alone") return dynamicImplOf(withClient(endpoint, own));
    return dynamicImplOf(withClient(baselineEndpoint(endpoint), shared));
}

/** Program inputs for resource number `i` of a kind in `account` (`serviceId` for endpoints). */
export function inputsFor(kind: Kind, emu: Emu, account: string, i: number, serviceId?: string): Record<string, unknown> {
    const net = emu.account(account).network;
    if (kind === "endpoint_service") {
        return {
            vpcId: net.backendVpcId,
            portId: net.backendPortId,
            serverType: "VM",
            ports: [{ clientPort: 80, serverPort: 1000 + i }],
            approvalEnabled: false,
        };
    }
    return { endpointServiceId: serviceId, vpcId: net.clientVpcId, subnetId: net.clientSubnetId, portIp: `10.0.0.${10 + i}` };
}

/** An available endpoint service (no approval) in `account`, for endpoints to connect to. */
export async function makeService(emu: Emu, account: string): Promise<string> {
    const c = new HuaweiClient({ ...clientConfig(emu, account), random: Math.random });
    const net = emu.account(account).network;
    const s = await vpcep.createEndpointService(c, {
        vpc_id: net.backendVpcId,
        port_id: net.backendPortId,
        server_type: "VM",
        ports: [{ client_port: 80, server_port: 999, protocol: "TCP" }],
        approval_enabled: false,
    });
    await vpcep.waitForEndpointServiceAvailable(c, s.id);
    return s.id;
}

export interface Created {
    id: string;
    startedAt: number;
    returnedAt: number;
}

/** Creates `n` resources through `impl` (check → create, as the engine calls them), each after its own delay. */
export async function createMany(
    impl: ResourceImpl,
    inputs: (i: number) => Record<string, unknown>,
    offsets: readonly number[],
): Promise<{ created: Created[]; failures: string[] }> {
    const created: Created[] = [];
    const failures: string[] = [];
    await Promise.all(
        offsets.map(async (offset, i) => {
            await new Promise((r) => setTimeout(r, offset));
            const startedAt = Date.now();
            try {
                const checked = (await impl.check({}, inputs(i))) as { inputs: Record<string, unknown>; failures: Array<{ reason: string }> };
                if (checked.failures.length) throw new Error(checked.failures.map((f) => f.reason).join("; "));
                const r = (await impl.create(checked.inputs)) as { id: string };
                created.push({ id: r.id, startedAt, returnedAt: Date.now() });
            } catch (e) {
                failures.push(e instanceof Error ? e.message : String(e));
            }
        }),
    );
    return { created, failures };
}

/** A reproducible pseudo-random sequence (mulberry32) for the start offsets. */
export { seededRandom as seeded } from "../../sdk/core/clock";
