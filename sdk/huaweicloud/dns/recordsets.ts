// POST   /v2/zones/{zone_id}/recordsets                  CreateRecordSet
// GET    /v2/zones/{zone_id}/recordsets                  ListRecordSetsByZone
// GET    /v2/zones/{zone_id}/recordsets/{recordset_id}   ShowRecordSet
// PUT    /v2/zones/{zone_id}/recordsets/{recordset_id}   UpdateRecordSet
// DELETE /v2/zones/{zone_id}/recordsets/{recordset_id}   DeleteRecordSet
// PUT    /v2.1/recordsets/{recordset_id}/statuses/set     SetRecordSetsStatus (v2.1, no zone in the path)
// (paths and methods: huaweicloudsdkdns/v2/dns_client.py)
import { parseRequest } from "../../core/schema";
import { type HuaweiClient, seg } from "../client";
import { type CallOptions, type ListOptions, listAll } from "../operation";
import { dnsOp } from "./operation";
import {
    CreateRecordSetRequest,
    ListRecordSetsByZoneFilter,
    ListRecordSetsByZoneResponse,
    RecordSet,
    RecordSetStatusResponse,
    SetRecordSetStatusRequest,
    UpdateRecordSetRequest,
} from "./zone-schemas";

const base = (zoneId: string) => `/v2/zones/${seg(zoneId)}/recordsets`;

/** Creates a record set (202, `PENDING_CREATE`). Not idempotent: a lost response raises OutcomeUnknownError. */
export async function createRecordSet(client: HuaweiClient, zoneId: string, input: CreateRecordSetRequest, opts: CallOptions = {}): Promise<RecordSet> {
    const body = parseRequest(CreateRecordSetRequest, input, "dns", "CreateRecordSet");
    return client.call(dnsOp("CreateRecordSet", "POST", base(zoneId), { body, signal: opts.signal }), RecordSet);
}

/** The zone's record sets matching the filter (every page), its own SOA and NS sets included (`default: true`). */
export async function listRecordSetsByZone(
    client: HuaweiClient,
    zoneId: string,
    filter: ListRecordSetsByZoneFilter = {},
    opts: ListOptions<RecordSet> = {},
): Promise<RecordSet[]> {
    const q = parseRequest(ListRecordSetsByZoneFilter, filter, "dns", "ListRecordSetsByZone");
    return listAll(
        client,
        dnsOp("ListRecordSetsByZone", "GET", base(zoneId)),
        ListRecordSetsByZoneResponse,
        (p) => ({ items: p.recordsets, total: p.metadata?.total_count }),
        q,
        { ...opts, maxPageSize: 500 },
    );
}

/** One record set. Raises NotFoundError when it (or its zone) does not exist. */
export async function showRecordSet(client: HuaweiClient, zoneId: string, recordsetId: string, opts: CallOptions = {}): Promise<RecordSet> {
    return client.call(dnsOp("ShowRecordSet", "GET", `${base(zoneId)}/${seg(recordsetId)}`, { signal: opts.signal }), RecordSet);
}

/** Changes the name, type, records, TTL and description in place. */
export async function updateRecordSet(
    client: HuaweiClient,
    zoneId: string,
    recordsetId: string,
    input: UpdateRecordSetRequest,
    opts: CallOptions = {},
): Promise<RecordSet> {
    const body = parseRequest(UpdateRecordSetRequest, input, "dns", "UpdateRecordSet");
    return client.call(dnsOp("UpdateRecordSet", "PUT", `${base(zoneId)}/${seg(recordsetId)}`, { body, signal: opts.signal }), RecordSet);
}

/** Starts the deletion (202, `PENDING_DELETE`, then 404). */
export async function deleteRecordSet(client: HuaweiClient, zoneId: string, recordsetId: string, opts: CallOptions = {}): Promise<void> {
    await client.call(dnsOp("DeleteRecordSet", "DELETE", `${base(zoneId)}/${seg(recordsetId)}`, { signal: opts.signal }));
}

/**
 * Pauses (`DISABLE`) or resumes (`ENABLE`) the set's resolution: 202 with the set, `DISABLE` or
 * `ACTIVE` (SetRecordSetsStatus; terraform-provider-huaweicloud's huaweicloud_dns_recordset calls
 * it for private zones' sets too). Not marked idempotent, as the zone's status call.
 */
export async function setRecordSetStatus(
    client: HuaweiClient,
    recordsetId: string,
    input: SetRecordSetStatusRequest,
    opts: CallOptions = {},
): Promise<RecordSetStatusResponse> {
    const body = parseRequest(SetRecordSetStatusRequest, input, "dns", "SetRecordSetsStatus");
    return client.call(
        dnsOp("SetRecordSetsStatus", "PUT", `/v2.1/recordsets/${seg(recordsetId)}/statuses/set`, { body, signal: opts.signal }),
        RecordSetStatusResponse,
    );
}
