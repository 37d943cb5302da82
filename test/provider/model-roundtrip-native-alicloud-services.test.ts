/** The round trips of the Alibaba Cloud kinds that partOf gives to "alicloud-services", served by the native provider plugin (see model-roundtrip.ts). */
import { describeRoundTrips } from "./model-roundtrip";

describeRoundTrips("alicloud-services", "native");
