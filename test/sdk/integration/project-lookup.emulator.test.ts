/**
 * With AK/SK and no project id, the client asks IAM for the project named after the region
 * (GET /v3/projects?name=…), once per client, and uses it.
 */
import { ControlClient, startEmulator } from "../../../emulator";
import * as vpcep from "../../../sdk/huaweicloud/vpcep";
import { akskClient, DEMO } from "../helpers/clients";

describe("project id lookup", () => {
    let emu: Awaited<ReturnType<typeof startEmulator>>;
    beforeAll(async () => {
        emu = await startEmulator({ port: 0, timings: "fast" });
    });
    afterAll(() => emu.close());

    test("finds the region's project through IAM once and uses it for every call", async () => {
        const c = akskClient(emu.url, { projectId: undefined });
        await vpcep.listEndpointServices(c);
        await vpcep.listEndpoints(c);
        const requests = await new ControlClient(emu.url).requests();
        const lookups = requests.filter((r) => r.operation === "KeystoneListProjects");
        expect(lookups).toHaveLength(1);
        expect(lookups[0]?.status).toBe(200);
        const vpcepCalls = requests.filter((r) => r.operation === "ListEndpointServices" || r.operation === "ListEndpoints");
        expect(vpcepCalls.map((r) => [r.path.split("/")[2], r.status])).toEqual([
            [DEMO.projectId, 200],
            [DEMO.projectId, 200],
        ]);
    });
});
