/**
 * The baseline: how the Terraform Huawei Cloud provider waits for VPCEP resources, reproduced
 * honestly so both can run side by side against the same emulator.
 *
 * terraform-plugin-sdk's `StateChangeConf.WaitForState` as the provider configures it for
 * `huaweicloud_vpcep_service` / `huaweicloud_vpcep_endpoint` (../shared/design/api-surface.md,
 * "How the Terraform providers wait"): sleep `Delay` (5 s) after the create call, then call the
 * refresh function (one GET of that one resource), and while the status is pending sleep
 * `PollInterval` (3 s) and refresh again, until a target status or the 10-minute timeout. Every
 * resource has its own loop; nothing is shared between resources.
 *
 * The create calls themselves are the same ones our provider makes (the body derived from the same
 * model, the same client, the same
 * HTTP retries), so the only difference measured is how the wait is done.
 */

import type * as endpoint from "../../provider/huaweicloud/vpcep/endpoint";
import type * as endpointService from "../../provider/huaweicloud/vpcep/endpoint-service";
import { NotFoundError } from "../../sdk/core/errors";
import * as vpcep from "../../sdk/huaweicloud/vpcep";

export const terraformWaitSettings = { delayMs: 5_000, pollIntervalMs: 3_000, timeoutMs: 10 * 60_000, notFoundChecks: 20 };

export interface StateChangeConf<T> {
    refresh(): Promise<T | undefined>;
    status(t: T): string;
    pending: readonly string[];
    target: readonly string[];
    delayMs?: number;
    pollIntervalMs?: number;
    timeoutMs?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** WaitForState with Delay and a fixed PollInterval (no backoff, no sharing). */
export async function waitForState<T>(conf: StateChangeConf<T>): Promise<{ resource: T; polls: number }> {
    const delay = conf.delayMs ?? terraformWaitSettings.delayMs;
    const interval = conf.pollIntervalMs ?? terraformWaitSettings.pollIntervalMs;
    const deadline = Date.now() + (conf.timeoutMs ?? terraformWaitSettings.timeoutMs);
    let polls = 0;
    let notFound = 0;
    await sleep(delay);
    for (;;) {
        polls++;
        let r: T | undefined;
        try {
            r = await conf.refresh();
        } catch (e) {
            if (!(e instanceof NotFoundError)) throw e;
            r = undefined;
        }
        if (r === undefined) {
            if (++notFound > terraformWaitSettings.notFoundChecks) throw new Error("couldn't find resource");
        } else {
            const s = conf.status(r);
            if (conf.target.includes(s)) return { resource: r, polls };
            if (!conf.pending.includes(s)) throw new Error(`unexpected state '${s}', wanted target '${conf.target.join(", ")}'`);
        }
        if (Date.now() + interval > deadline) throw new Error(`timeout while waiting for state to become '${conf.target.join(", ")}'`);
        await sleep(interval);
    }
}

/** Our EndpointService model with its create wait replaced by the Terraform-style poller. */
export function baselineEndpointService(m: typeof endpointService.model): typeof endpointService.model {
    return {
        ...m,
        hooks: {
            ...m.hooks,
            async create({ c, body, budget }) {
                const created = await vpcep.createEndpointService(c, body as vpcep.CreateEndpointServiceRequest);
                budget.onCreated(created.id);
                const { resource } = await waitForState({
                    refresh: () => vpcep.listServiceDetails(c, created.id),
                    status: (s) => s.status ?? "",
                    pending: ["creating"],
                    target: ["available"],
                });
                return { service: resource, permissions: [] };
            },
        },
    };
}

/** Our Endpoint model with its create wait replaced by the Terraform-style poller. */
export function baselineEndpoint(m: typeof endpoint.model): typeof endpoint.model {
    return {
        ...m,
        hooks: {
            ...m.hooks,
            async create({ c, body, budget }) {
                const created = await vpcep.createEndpoint(c, body as vpcep.CreateEndpointRequest);
                budget.onCreated(created.id);
                const { resource } = await waitForState({
                    refresh: () => vpcep.listEndpointInfoDetails(c, created.id),
                    status: (e) => e.status ?? "",
                    pending: ["creating"],
                    target: ["accepted", "pendingAcceptance"],
                });
                return resource;
            },
        },
    };
}
