/** Alibaba Cloud resources. */
export * as privatelink from "./privatelink";
