/**
 * One program, two accounts: `examples/alicloud-two-accounts` (YAML, two explicit providers of the
 * native plugin) with the real CLI against the emulator. The endpoint's `customTimeouts` reach the
 * plugin: with the emulator's endpoints slow to become ready, a 2 s limit ends the endpoint's wait
 * after 2 s with the wait's own message, and the endpoint is removed; the next `up` (default
 * limit, endpoints quick again) makes it. Then the
 * owner/consumer flow completes: the service in the owner's account, the endpoint in the
 * consumer's, the connection accepted by the owner; a preview is empty; destroy leaves both
 * accounts empty.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { alicloudAccount } from "../../harness/alicloud-env";
import { REPO_ROOT } from "../../harness/pulumi-program";
import { e2eCloud, pluginPath } from "../helpers/e2e";

describe("two accounts in one program, through explicit providers", () => {
    const e2e = e2eCloud();

    test("the owner accepts the consumer's endpoint; customTimeouts are honoured", async () => {
        const cloud = e2e.cloud();
        const owner = alicloudAccount(cloud, "demo");
        const consumer = alicloudAccount(cloud, "consumer");
        const p = await e2e.program({
            fromDir: path.join(REPO_ROOT, "examples", "alicloud-two-accounts"),
            linkNodeModules: false,
            // Only the endpoint override comes from the environment: each provider has its own keys.
            env: { ALICLOUD_ENDPOINTS: JSON.stringify({ privatelink: cloud.url }), ...pluginPath() },
        });
        await p.setConfig("ownerAccessKey", owner.accessKeyId);
        await p.setConfig("ownerSecretKey", owner.accessKeySecret, { secret: true });
        await p.setConfig("consumerAccessKey", consumer.accessKeyId);
        await p.setConfig("consumerSecretKey", consumer.accessKeySecret, { secret: true });
        await p.setConfig("consumerAccountId", consumer.accountId);
        await p.setConfig("loadBalancerId", owner.network.loadBalancerId);
        await p.setConfig("consumerVpcId", consumer.network.vpcId);
        await p.setConfig("consumerVswitchId", consumer.network.vSwitchIds["cn-hangzhou-h"]!);
        await p.setConfig("consumerSecurityGroupId", consumer.network.securityGroupIds[0]!);

        // customTimeouts: the endpoint takes 10 s to become ready; the program allows 2 s. The wait
        // ends at 2 s and, the creation failing, the endpoint is removed (nothing left half-made).
        await cloud.control("PUT", "timings", { "privatelink:endpoint": { create: { afterMs: 10_000 } } });
        const program = fs.readFileSync(path.join(p.programDir, "Pulumi.yaml"), "utf8");
        p.writeFile("Pulumi.yaml", program.replace("create: 10m", "create: 2s"));
        const limited = await p.run(["up", "--yes", "--skip-preview", "--non-interactive", "--stack", p.stack]);
        expect(limited.code).not.toBe(0);
        expect(limited.stdout + limited.stderr).toMatch(
            /was removed: timed out waiting for PrivateLink endpoint ep-\w+ to become Active: seen Creating ×\d+ over 2 s/,
        );
        expect(await cloud.resources("privatelink:endpoint", "consumer")).toEqual([]);

        await cloud.control("PUT", "timings", "fast");
        p.writeFile("Pulumi.yaml", program);
        await p.up();
        const outputs = await p.outputs();
        expect(outputs.connectionStatus).toBe("Connected");
        expect(outputs.serviceName).toMatch(/^com\.aliyuncs\.privatelink\.cn-hangzhou\.epsrv-/);
        // Each object in its provider's account, once.
        expect(await cloud.resources("privatelink:endpoint_service")).toHaveLength(1);
        expect(await cloud.resources("privatelink:endpoint_service", "consumer")).toEqual([]);
        expect(await cloud.resources("privatelink:endpoint", "consumer")).toHaveLength(1);
        expect(await cloud.resources("privatelink:endpoint")).toEqual([]);
        // The secret keys are secrets in the state too (the providers' inputs).
        const state = JSON.stringify(await p.exportState());
        expect(state).not.toContain(owner.accessKeySecret);
        expect(state).not.toContain(consumer.accessKeySecret);
        await p.expectNoChanges("preview");

        await p.destroy();
        expect(await cloud.resources("privatelink:endpoint", "consumer")).toEqual([]);
        expect(await cloud.resources("privatelink:endpoint_service")).toEqual([]);
    });
});
