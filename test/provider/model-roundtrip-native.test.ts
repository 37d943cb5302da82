/** The round trips of the kinds of no other part (Huawei Cloud's), served by the native provider plugin (see model-roundtrip.ts). */
import { describeRoundTrips } from "./model-roundtrip";

describeRoundTrips("rest", "native");
