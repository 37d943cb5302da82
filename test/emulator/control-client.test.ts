import { ControlClient, ControlError, startEmulator } from "../../emulator";
import { DEMO } from "./helpers";

describe("ControlClient", () => {
    let close: () => Promise<void>;
    let control: ControlClient;
    beforeAll(async () => {
        const emu = await startEmulator({ timings: "fast", seed: 1 });
        close = emu.close;
        control = new ControlClient(emu.url);
    });
    afterAll(() => close());
    beforeEach(() => control.reset());

    test("reads info, timings, limits and the clock", async () => {
        const info = await control.info();
        expect(info.accounts[0]).toMatchObject({ name: "demo", accessKey: DEMO.ak, network: { clientVpcId: DEMO.net.clientVpc } });
        expect(await control.timings()).toEqual({ preset: "fast", overrides: {} });
        expect(await control.setTimings({ "vpcep:endpoint": { create: { afterReads: 2 } } })).toEqual({
            preset: "fast",
            overrides: { "vpcep:endpoint": { create: { afterReads: 2 } } },
        });
        expect(await control.setLimits({ requestsPerSecond: 5, quotas: { "vpcep:endpoint": 3 } })).toEqual({
            requestsPerSecond: 5,
            quotas: { "vpcep:endpoint": 3 },
        });
        expect(await control.advanceClock(60_000)).toBeGreaterThanOrEqual(info.now + 60_000);
    });

    test("sets and reads fault rules", async () => {
        const rules = [{ api: "vpcep", operation: "ListEndpoints", times: 1, error: { status: 500, code: "X.1", message: "m" } }];
        expect(await control.setFaults(rules, 1)).toEqual(rules);
        expect(await control.faults()).toEqual(rules);
    });

    test("adds network objects and lists them as resources", async () => {
        const vpc = await control.addVpc({ cidr: "10.9.0.0/16", name: "extra" });
        const subnet = await control.addSubnet({ vpcId: vpc.id, cidr: "10.9.1.0/24" });
        const port = await control.addPort({ subnetId: subnet.id, ip: "10.9.1.7" });
        const rt = await control.addRouteTable({ vpcId: vpc.id });
        expect(port.fixed_ips).toEqual([{ subnet_id: subnet.id, ip_address: "10.9.1.7" }]);
        expect(rt).toMatchObject({ vpc_id: vpc.id, default: true });
        const vpcs = await control.resources({ api: "network", kind: "vpc", account: "demo" });
        expect(vpcs.map((r) => r.id)).toContain(vpc.id);
        expect(vpcs.every((r) => r.api === "network" && r.kind === "vpc" && r.account === "demo")).toBe(true);
    });

    test("reads the request log after a mark", async () => {
        expect(await control.mark()).toBe(0);
        expect(await control.requests()).toEqual([]);
    });

    test("an error status throws ControlError with the emulator's answer", async () => {
        const err = await control.advanceClock(-1).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ControlError);
        expect(err).toMatchObject({ status: 400, message: expect.stringContaining("advanceMs must be a number >= 0") });
        await expect(control.call("GET", "nothing")).rejects.toMatchObject({ status: 501 });
    });
});
