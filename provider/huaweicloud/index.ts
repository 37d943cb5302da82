/** Huawei Cloud resources. */
export * as vpcep from "./vpcep";
