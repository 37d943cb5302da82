/** Alibaba Cloud resources. */
export * as privatelink from "./privatelink";
export * as pvtz from "./pvtz";
