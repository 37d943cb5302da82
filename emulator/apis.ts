import { createPrivateLinkApi } from "./alicloud/privatelink";
import type { ApiModuleFactory } from "./core/emulator-core";
import { createDnsApi } from "./huawei/dns";
import { createIamApi } from "./huawei/iam";
import { createVpcApi } from "./huawei/vpc";
import { createVpcepApi } from "./huawei/vpcep";

/**
 * The cloud APIs one emulator serves. A new API (Huawei DNS v2.1 in `huawei/dns/`, Alibaba
 * PrivateLink in `alicloud/privatelink/`) is one more folder and one more entry here.
 */
export const API_MODULES: readonly ApiModuleFactory[] = [createIamApi, createVpcepApi, createDnsApi, createPrivateLinkApi, createVpcApi];
