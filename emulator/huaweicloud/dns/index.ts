import type { ApiModule } from "../../core/api-module";
import { huaweiAuthScheme } from "../../core/auth/huawei-scheme";
import type { World } from "../../core/world";
import { dnsErrors } from "./errors";
import { dnsRoutes } from "./routes";
import { DnsState } from "./state";

/** Huawei Cloud DNS v2.1 resolver endpoints (`/v2.1/endpoints...`; project from `X-Project-Id` or the token). */
export function createDnsApi(world: World): ApiModule {
    const state = new DnsState(world);
    return { name: "dns", routes: dnsRoutes({ world, state }), auth: huaweiAuthScheme(world, dnsErrors), errors: dnsErrors, state };
}
