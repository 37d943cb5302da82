/**
 * examples/dns-hybrid with the real CLI against the emulator: an inbound and an outbound resolver
 * endpoint, a rule forwarding a corporate domain and its association with two VPCs — up, empty
 * preview and refresh, the rule's addresses changed in place (one update call, no replacement),
 * the domain written with a trailing dot and in upper case is the same input, destroy leaves
 * nothing behind.
 */
import * as path from "node:path";
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram, REPO_ROOT } from "../../harness/pulumi-program";

describe("examples/dns-hybrid end to end", () => {
    let cloud: TestCloud;
    let p: PulumiProgram;

    beforeAll(async () => {
        cloud = await TestCloud.start({ timings: { "dns:endpoint": { create: { afterReads: 1 } }, "dns:resolver_rule": { create: { afterReads: 1 } } } });
        const net = cloud.account().network;
        p = await PulumiProgram.create({ fromDir: path.join(REPO_ROOT, "examples/dns-hybrid"), env: cloud.huaweiEnv() });
        await p.setConfig("subnetId", net.clientSubnetId);
        await p.setConfig("secondVpcId", net.backendVpcId);
    });
    afterAll(async () => {
        p?.dispose();
        await cloud?.close();
    });

    test("forwards a corporate domain from two VPCs, changes its servers in place, and removes everything", async () => {
        await p.up();
        const out = await p.outputs();
        expect(out.ruleStatus).toBe("ACTIVE");
        expect(out.forwardedDomain).toBe("corp.example.com");
        const rule = await cloud.resource("dns:resolver_rule");
        expect(rule.id).toBe(out.ruleId);
        const routers = (rule.body.routers as Array<{ router_id: string; status: string }>).map((r) => r.router_id).sort();
        const net = cloud.account().network;
        expect(routers).toEqual([net.backendVpcId, net.clientVpcId].sort());

        await p.expectNoChanges("preview");
        await p.expectNoChanges("refresh");

        // The same domain, written differently, is no change.
        await p.setConfig("corporateDomain", "CORP.example.com.");
        await p.expectNoChanges("preview");

        // New DNS servers: one update of the rule, nothing replaced.
        await p.setConfig("onPremisesResolvers", "10.1.0.54,10.1.0.55");
        const mark = await cloud.mark();
        const up = await p.up();
        expect(up.changeSummary).toMatchObject({ update: 1 });
        expect(up.changeSummary.replace ?? 0).toBe(0);
        const ops = (await cloud.requests(mark)).map((r) => r.operation).filter((o) => !/^(Show|List)/.test(o));
        expect(ops).toEqual(["UpdateResolverRule"]);
        const changed = await cloud.resource("dns:resolver_rule");
        expect((changed.body.ipaddresses as Array<{ ip: string }>).map((a) => a.ip).sort()).toEqual(["10.1.0.54", "10.1.0.55"]);
        await p.expectNoChanges("preview");

        await p.destroy();
        expect(await cloud.resources("dns:resolver_rule")).toEqual([]);
        expect(await cloud.resources("dns:endpoint")).toEqual([]);
    });
});
