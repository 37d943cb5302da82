// GET /v2/zones/{zone_id}                              (one zone waiting)
// GET /v2/zones?type=private                           (several zones waiting: one list per tick, then a GET for each not listed)
// GET /v2/zones/{zone_id}/recordsets/{recordset_id}    (a record set waiting)
/**
 * Waiting on private zones, their VPC associations and record sets through the client's shared
 * watcher. Statuses from PrivateZoneResp, Router and ShowRecordSetResponse; a zone or record set
 * that is gone answers 404 (terraform-provider-huaweicloud's waitForDNSZone reads a 404 as DELETED).
 */
import { NotFoundError } from "../../core/errors";
import { findByIds, type WaitOptions, type WaitResult, type Watcher, type WatcherSource } from "../../core/waiter";
import type { HuaweiClient } from "../client";
import { showRecordSet } from "./recordsets";
import type { PrivateZone, RecordSet } from "./zone-schemas";
import { listPrivateZones, showPrivateZone } from "./zones";

const PENDING = ["PENDING_CREATE", "PENDING_UPDATE"];

export function privateZoneWatcher(client: HuaweiClient): Watcher<PrivateZone> {
    return client.watcher<PrivateZone>(
        "dns:private_zone",
        (): WatcherSource<PrivateZone> => ({
            getOne: (id, signal) => showPrivateZone(client, id, { signal }),
            listMany: async (ids, signal) => {
                const found = await findByIds<PrivateZone>(
                    ids,
                    (z) => z.id,
                    (until) => listPrivateZones(client, {}, { signal, until }),
                );
                // The list shows one enterprise project, the default one unless asked
                // (ListPrivateZonesRequest.enterprise_project_id, "默认取值：0"): a zone it leaves out may
                // be another project's, so it is read by itself; only its 404 says it is gone.
                for (const id of ids) {
                    if (found.has(id)) continue;
                    const zone = await showPrivateZone(client, id, { signal }).catch((e: unknown) => {
                        if (e instanceof NotFoundError) return undefined;
                        throw e;
                    });
                    if (zone) found.set(id, zone);
                }
                return found;
            },
        }),
    );
}

/** PENDING_CREATE / PENDING_UPDATE → ACTIVE (ERROR raises WaitFailedError). */
export function waitForPrivateZoneActive(client: HuaweiClient, id: string, opts: WaitOptions = {}): Promise<WaitResult<PrivateZone>> {
    return privateZoneWatcher(client).wait(id, { description: `DNS private zone ${id}`, target: ["ACTIVE"], failure: ["ERROR"], pending: PENDING, ...opts });
}

/**
 * PENDING_CREATE / PENDING_UPDATE → ACTIVE or DISABLE (a zone whose resolution is paused is as
 * settled: terraform-provider-huaweicloud's huaweicloud_dns_zone waits for either after an update).
 */
export function waitForPrivateZoneSettled(client: HuaweiClient, id: string, opts: WaitOptions = {}): Promise<WaitResult<PrivateZone>> {
    return privateZoneWatcher(client).wait(id, {
        description: `DNS private zone ${id}`,
        target: ["ACTIVE", "DISABLE"],
        failure: ["ERROR"],
        pending: PENDING,
        ...opts,
    });
}

/** PENDING_DELETE → gone (404). */
export function waitForPrivateZoneDeleted(client: HuaweiClient, id: string, opts: WaitOptions = {}): Promise<WaitResult<PrivateZone>> {
    return privateZoneWatcher(client).wait(id, {
        description: `DNS private zone ${id}`,
        target: [],
        gone: "target",
        pending: ["PENDING_DELETE", "ACTIVE", "DISABLE", "ERROR", ...PENDING],
        ...opts,
    });
}

/**
 * The association of `routerId` with a zone, read from the zone's `routers` (as the provider's
 * waitForDNSZoneRouter does): settled when ACTIVE (`present`) or no longer listed (`absent`).
 */
export function waitForPrivateZoneRouter(
    client: HuaweiClient,
    zoneId: string,
    routerId: string,
    state: "present" | "absent",
    opts: WaitOptions = {},
): Promise<WaitResult<PrivateZone>> {
    return privateZoneWatcher(client).wait(zoneId, {
        description: `the association of VPC ${routerId} with DNS private zone ${zoneId}`,
        status: (z) => z.routers.find((r) => r.router_id === routerId)?.status ?? "ABSENT",
        target: state === "present" ? ["ACTIVE"] : ["ABSENT"],
        failure: ["ERROR"],
        pending: state === "present" ? ["PENDING_CREATE", "ABSENT"] : ["PENDING_DELETE", "ACTIVE", "PENDING_CREATE"],
        gone: state === "present" ? "failure" : "target",
        ...opts,
    });
}

/** A record set's watcher key: the zone's id and the set's, as the API's path has them. */
const rsKey = (zoneId: string, id: string) => `${zoneId}/${id}`;

export function recordSetWatcher(client: HuaweiClient): Watcher<RecordSet> {
    return client.watcher<RecordSet>(
        "dns:recordset",
        (): WatcherSource<RecordSet> => ({
            getOne: (key, signal) => {
                const [zoneId, id] = key.split("/") as [string, string];
                return showRecordSet(client, zoneId, id, { signal });
            },
        }),
    );
}

/** PENDING_CREATE / PENDING_UPDATE → ACTIVE (or DISABLE, a set whose resolution is paused); ERROR raises WaitFailedError. */
export function waitForRecordSetActive(client: HuaweiClient, zoneId: string, id: string, opts: WaitOptions = {}): Promise<WaitResult<RecordSet>> {
    return recordSetWatcher(client).wait(rsKey(zoneId, id), {
        description: `DNS record set ${id}`,
        target: ["ACTIVE", "DISABLE"],
        failure: ["ERROR"],
        pending: PENDING,
        ...opts,
    });
}

/** PENDING_DELETE → gone (404). */
export function waitForRecordSetDeleted(client: HuaweiClient, zoneId: string, id: string, opts: WaitOptions = {}): Promise<WaitResult<RecordSet>> {
    return recordSetWatcher(client).wait(rsKey(zoneId, id), {
        description: `DNS record set ${id}`,
        target: [],
        gone: "target",
        pending: ["PENDING_DELETE", "ACTIVE", "DISABLE", "ERROR", ...PENDING],
        ...opts,
    });
}
