/**
 * examples/alicloud-environments with the real CLI against the emulator: the owner's and the
 * consumer's programs in three accounts, dev and prod stacks linked by StackReferences. dev
 * accepts endpoints by itself; in prod the owner allows the consumer's account with a
 * VpcEndpointServiceUser and accepts its endpoint with a VpcEndpointConnection (bandwidth 2048).
 * The separate user resource and the service (whose allowedUsers is left unset) do not fight: every
 * preview afterwards is empty. Consumers then owners come down cleanly.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { alicloudEnv } from "../../harness/alicloud-env";
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram, REPO_ROOT } from "../../harness/pulumi-program";

const EXAMPLE = path.join(REPO_ROOT, "examples/alicloud-environments");

describe("examples/alicloud-environments end to end", () => {
    let cloud: TestCloud;
    let backendDir: string;
    const programs: PulumiProgram[] = [];
    const stack = async (who: "owner" | "consumer", env: "dev" | "prod", account: string) => {
        const p = await PulumiProgram.create({ fromDir: path.join(EXAMPLE, who), stack: env, env: alicloudEnv(cloud, account), backendDir });
        programs.push(p);
        return p;
    };

    beforeAll(async () => {
        const quick = { create: { afterReads: 1 }, delete: { afterReads: 1 } };
        cloud = await TestCloud.start({ timings: { "privatelink:endpoint": quick, "privatelink:endpoint_service": quick } });
        backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-ali-envs-"));
    });
    afterAll(async () => {
        for (const p of programs) p.dispose();
        fs.rmSync(backendDir, { recursive: true, force: true });
        await cloud?.close();
    });

    test("accepts the prod consumer's endpoint across accounts, dev's by itself, and destroys both", async () => {
        const ownerDev = await stack("owner", "dev", "demo");
        const consumerDev = await stack("consumer", "dev", "partner");
        const ownerProd = await stack("owner", "prod", "demo");
        const consumerProd = await stack("consumer", "prod", "consumer");

        // dev: the service accepts endpoints by itself
        await ownerDev.up();
        await consumerDev.up();
        expect((await consumerDev.outputs()).connectionStatus).toBe("Connected");

        // prod: the endpoint waits for the owner, who accepts it from its own stack
        await ownerProd.up();
        await consumerProd.up();
        const prodEndpoint = await consumerProd.outputs();
        expect(prodEndpoint.connectionStatus).not.toBe("Connected");
        await ownerProd.setConfig("consumerStack", "organization/privatelink-consumer/prod");
        await ownerProd.up();
        expect((await ownerProd.outputs()).acceptedStatus).toBe("Connected");
        const [endpoint] = (await cloud.resources("privatelink:endpoint", "consumer")).filter((e) => e.id === prodEndpoint.endpointId);
        expect(endpoint?.body).toMatchObject({ ConnectionStatus: "Connected", Bandwidth: 2048 });

        // the separate user resource and the service's unset allowedUsers do not fight
        for (const p of [ownerDev, consumerDev, ownerProd, consumerProd]) await p.expectNoChanges("preview");
        await ownerProd.expectNoChanges("refresh");

        // consumers first (an endpoint keeps its service), then the owners
        await consumerProd.destroy();
        await consumerDev.destroy();
        await ownerProd.destroy();
        await ownerDev.destroy();
        expect(await cloud.resources("privatelink:endpoint", "consumer")).toEqual([]);
        expect(await cloud.resources("privatelink:endpoint", "partner")).toEqual([]);
        expect(await cloud.resources("privatelink:endpoint_service")).toEqual([]);
    });
});
