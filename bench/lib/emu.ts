/**
 * An emulator for one benchmark scenario: the harness's TestCloud (harness/cloud.ts — started in
 * this process on a free loopback port, with the emulator's control client and the settings a
 * provider needs) with room for every resource a scenario makes, and the two views the bench adds.
 */
import type { LoggedRequest, ResourceView, TimingsSpec } from "../../emulator";
import { TestCloud } from "../../harness/cloud";

export type EmuRequest = LoggedRequest;
export type EmuResource = ResourceView;

/** The bench's emulator: a TestCloud seeded alike for every run. */
export type Emu = TestCloud & {
    /** The stack config a provider needs to reach this emulator as `account` (`huaweicloud:*`). */
    settings(name: string): Record<string, string>;
    /** The VPCEP resources of every account (and, with `includeDeleted`, those gone). */
    vpcepResources(includeDeleted?: boolean): Promise<EmuResource[]>;
};

export const Emu = {
    async start(timings: TimingsSpec): Promise<Emu> {
        const cloud = await TestCloud.start({ host: "127.0.0.1", timings, seed: 1 });
        // Quotas are not what is measured: room for every resource a scenario makes.
        await cloud.emulator.setLimits({ quotas: { "vpcep:endpoint_service": 1000, "vpcep:endpoint": 1000 } });
        return Object.assign(cloud, {
            settings(name: string): Record<string, string> {
                const env = cloud.huaweiEnv(name);
                return {
                    "huaweicloud:accessKey": env.HW_ACCESS_KEY!,
                    "huaweicloud:secretKey": env.HW_SECRET_KEY!,
                    "huaweicloud:region": env.HW_REGION_NAME!,
                    "huaweicloud:projectId": env.HW_PROJECT_ID!,
                    "huaweicloud:endpoints": env.HW_ENDPOINTS!,
                };
            },
            vpcepResources: (includeDeleted = false) => cloud.emulator.resources({ api: "vpcep", includeDeleted }),
        });
    },
};
