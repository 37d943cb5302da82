/**
 * The pure planning behind ResolverEndpoint's in-place address changes (provider/huaweicloud/dns/
 * addresses.ts): matching wanted addresses to existing ones, the order of adds and removes, and
 * recording which program subnet each cloud address stands for. No cloud, no CLI.
 */
import { asWanted, matchAddresses, planAddressSteps, type RecordedAddress, recordAddresses } from "../../provider/huaweicloud/dns/addresses";

const S1 = "s1";
const S2 = "s2";
const rec = (id: string, subnetId: string, ip: string, ipGiven = true): RecordedAddress => ({ id, subnetId, ip, ipGiven, status: "ACTIVE" });

describe("planAddressSteps", () => {
    const A = (n: string) => ({ subnetId: S1, ip: n });
    test.each([
        ["{a,b} → {c,d}", 2, ["c", "d"], ["a", "b"], ["+c", "-a", "+d", "-b"]],
        ["2 → 3", 2, ["c"], [], ["+c"]],
        ["3 → 2", 3, [], ["a"], ["-a"]],
        ["6 → 6 with two swapped", 6, ["x", "y"], ["a", "b"], ["-a", "+x", "-b", "+y"]],
        ["2 → 6", 2, ["c", "d", "e", "f"], [], ["+c", "+d", "+e", "+f"]],
        ["6 → 2", 6, [], ["a", "b", "c", "d"], ["-a", "-b", "-c", "-d"]],
        ["2 → 4 replacing both", 2, ["c", "d", "e", "f"], ["a", "b"], ["+c", "-a", "+d", "-b", "+e", "+f"]],
        ["5 → 2 replacing two", 5, ["x", "y"], ["a", "b", "c", "d", "e"], ["+x", "-a", "+y", "-b", "-c", "-d", "-e"]],
    ])("orders %s so the count stays within 2–6", (_what, count, add, remove, expected) => {
        const steps = planAddressSteps(count, add.map(A), remove);
        expect(steps.map((s) => (s.op === "add" ? `+${s.address.ip}` : `-${s.address}`))).toEqual(expected);
        let n = count;
        for (const s of steps) {
            n += s.op === "add" ? 1 : -1;
            expect(n).toBeGreaterThanOrEqual(2);
            expect(n).toBeLessThanOrEqual(6);
        }
    });

    test("refuses a change that would end outside 2–6", () => {
        expect(() => planAddressSteps(2, [], ["a"])).toThrow(/2 to 6/);
    });
});

describe("matchAddresses", () => {
    const have = [rec("1", S1, "10.0.0.5"), rec("2", S1, "10.0.0.9", false), rec("3", S2, "10.0.1.4", false)];
    test.each([
        ["the same addresses", [{ subnetId: S1, ip: "10.0.0.5" }, { subnetId: S1 }, { subnetId: S2 }], [], []],
        ["an address without ip matching a fixed one", [{ subnetId: S1 }, { subnetId: S1 }, { subnetId: S2 }], [], []],
        ["a new fixed ip", [{ subnetId: S1, ip: "10.0.0.5" }, { subnetId: S1, ip: "10.0.0.7" }, { subnetId: S2 }], ["10.0.0.7"], ["2"]],
        ["a subnet dropped", [{ subnetId: S1, ip: "10.0.0.5" }, { subnetId: S1 }], [], ["3"]],
        ["a fixed ip taking precedence over an address without ip", [{ subnetId: S1 }, { subnetId: S1, ip: "10.0.0.9" }], [], ["3"]],
    ])("matches %s", (_what, wanted, addIps, removeIds) => {
        const m = matchAddresses(wanted, have);
        expect(m.add.map((a) => a.ip)).toEqual(addIps.length ? addIps : m.add.map((a) => a.ip));
        expect(m.add).toHaveLength(addIps.length);
        expect(m.remove.map((r) => r.id)).toEqual(removeIds);
    });
});

describe("recordAddresses and asWanted", () => {
    test("keeps the program's subnet id for known addresses even when the cloud reports a network id", () => {
        const out = recordAddresses([{ id: "1", ip: "10.0.0.5", subnet_id: "net-1", status: "ACTIVE" }], [rec("1", S1, "10.0.0.5")], []);
        expect(out).toEqual([rec("1", S1, "10.0.0.5")]);
    });

    test("attributes new addresses by ip, then by subnet, then in order", () => {
        const cloud = [
            { id: "a", ip: "10.0.1.7", subnet_id: "net-2" },
            { id: "b", ip: "10.0.0.3", subnet_id: S1 },
            { id: "c", ip: "10.0.0.4", subnet_id: "net-x" },
        ];
        const out = recordAddresses(cloud, [], [{ subnetId: S2 }, { subnetId: S1 }, { subnetId: S2, ip: "10.0.1.7" }]);
        expect(out.map((r) => [r.id, r.subnetId, r.ipGiven])).toEqual([
            ["a", S2, true],
            ["b", S1, false],
            ["c", S2, false],
        ]);
    });

    test("records an address added out of band as the cloud reports it, so it shows as drift", () => {
        const out = recordAddresses([{ id: "z", ip: "10.0.0.99", subnet_id: S1 }], [], []);
        expect(asWanted(out)).toEqual([{ subnetId: S1, ip: "10.0.0.99" }]);
    });

    test("shows a picked address as an address without ip (no perpetual diff)", () => {
        expect(asWanted([rec("1", S1, "10.0.0.5"), rec("2", S1, "10.0.0.9", false)])).toEqual([{ subnetId: S1, ip: "10.0.0.5" }, { subnetId: S1 }]);
        expect(asWanted(undefined)).toBeUndefined();
    });
});
