/** Huawei Cloud resources. */

export * as dns from "./dns";
export * as vpcep from "./vpcep";
