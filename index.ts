/**
 * pulumi-privatelink: Pulumi resources for private network endpoints.
 *
 * - `huaweicloud.vpcep.*` — Huawei Cloud VPC endpoint services and endpoints (VPCEP API v1)
 * - `huaweicloud.dns.ResolverEndpoint` — Huawei Cloud DNS resolver endpoints (DNS API v2.1)
 * - `alicloud.privatelink.*` — Alibaba Cloud PrivateLink endpoints and endpoint services
 * - `alicloud.pvtz.*` — Alibaba Cloud DNS PrivateZone zones, their VPCs and records
 *
 * Each API also has lookups (`huaweicloud.vpcep.getPublicService(…)`, `…Output(…)`) that find
 * existing objects; they fail with the errors below.
 */

export * as alicloud from "./provider/alicloud";
export * as huaweicloud from "./provider/huaweicloud";
export { LookupAmbiguousError, LookupArgumentError, LookupError, LookupNotFoundError } from "./provider/lookup/errors";
