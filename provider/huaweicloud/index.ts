/** Huawei Cloud resources. */
export * as vpcep from "./vpcep";
export * as dns from "./dns";
