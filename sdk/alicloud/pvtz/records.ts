// AddZoneRecord, DescribeZoneRecord, DescribeZoneRecords, UpdateZoneRecord, UpdateRecordRemark, SetZoneRecordStatus, DeleteZoneRecord
import { parseRequest } from "../../core/schema";
import type { AlibabaClient } from "../client";
import { type CallOptions, type ListOptions, listAll, pvtzCall } from "./operation";
import {
    AddZoneRecordRequest,
    AddZoneRecordResponse,
    DescribeZoneRecordsResponse,
    Empty,
    type RecordStatus,
    UpdateZoneRecordRequest,
    ZoneRecord,
} from "./schemas";

/** Adds a record; with a ClientToken a repetition answers the first call's record. */
export async function addZoneRecord(client: AlibabaClient, input: AddZoneRecordRequest, opts: CallOptions = {}): Promise<{ RecordId: string }> {
    const params = parseRequest(AddZoneRecordRequest, input, "pvtz", "AddZoneRecord");
    return client.call(pvtzCall("AddZoneRecord", params, { idempotent: params.ClientToken !== undefined, signal: opts.signal }), AddZoneRecordResponse);
}

/** The zone's records; `Keyword` (host record, EXACT by default) narrows them. */
export async function describeZoneRecords(
    client: AlibabaClient,
    zoneId: string,
    filter: { Keyword?: string; SearchMode?: "LIKE" | "EXACT" } = {},
    opts: ListOptions<ZoneRecord> = {},
): Promise<ZoneRecord[]> {
    return listAll(client, "DescribeZoneRecords", { ZoneId: zoneId, ...filter }, DescribeZoneRecordsResponse, (p) => p.Records, opts);
}

/** One record by id (DescribeZoneRecordRequest); `Record.Invalid.Id` (not found) when there is none. */
export async function describeZoneRecord(client: AlibabaClient, recordId: string, opts: CallOptions = {}): Promise<ZoneRecord> {
    return client.call(pvtzCall("DescribeZoneRecord", { RecordId: recordId }, { idempotent: true, signal: opts.signal }), ZoneRecord);
}

/** Rewrites the record's host record, type, value, TTL and MX priority (Rr, Type and Value are required). */
export async function updateZoneRecord(client: AlibabaClient, input: UpdateZoneRecordRequest, opts: CallOptions = {}): Promise<void> {
    const params = parseRequest(UpdateZoneRecordRequest, input, "pvtz", "UpdateZoneRecord");
    await client.call(pvtzCall("UpdateZoneRecord", params, { idempotent: true, signal: opts.signal }), Empty);
}

export async function updateRecordRemark(client: AlibabaClient, recordId: string, remark: string, opts: CallOptions = {}): Promise<void> {
    await client.call(pvtzCall("UpdateRecordRemark", { RecordId: recordId, Remark: remark }, { idempotent: true, signal: opts.signal }), Empty);
}

export async function setZoneRecordStatus(client: AlibabaClient, recordId: string, status: RecordStatus, opts: CallOptions = {}): Promise<void> {
    await client.call(pvtzCall("SetZoneRecordStatus", { RecordId: recordId, Status: status }, { idempotent: true, signal: opts.signal }), Empty);
}

export async function deleteZoneRecord(client: AlibabaClient, recordId: string, opts: CallOptions = {}): Promise<void> {
    await client.call(pvtzCall("DeleteZoneRecord", { RecordId: recordId }, { idempotent: true, signal: opts.signal }), Empty);
}
