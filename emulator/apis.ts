import { createPrivateLinkApi } from "./alicloud/privatelink";
import { createPvtzApi } from "./alicloud/pvtz";
import type { ApiModuleFactory } from "./core/emulator-core";
import { createDnsApi } from "./huaweicloud/dns";
import { createIamApi } from "./huaweicloud/iam";
import { createVpcApi } from "./huaweicloud/vpc";
import { createVpcepApi } from "./huaweicloud/vpcep";

/**
 * The cloud APIs one emulator serves. A new API (Huawei DNS v2.1 in `huaweicloud/dns/`, Alibaba
 * PrivateLink in `alicloud/privatelink/`, PrivateZone in `alicloud/pvtz/`) is one more folder and one more entry here.
 */
export const API_MODULES: readonly ApiModuleFactory[] = [createIamApi, createVpcepApi, createDnsApi, createPrivateLinkApi, createVpcApi, createPvtzApi];
