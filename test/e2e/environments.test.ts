/**
 * examples/environments with the real CLI: a service owner and a consumer in different accounts,
 * each with dev and prod stacks in one backend; the consumer finds the service by the name the
 * owner's stack publishes (a lookup through a StackReference) and the owner approves the
 * consumer's endpoint in prod. Environments stay
 * isolated: the dev consumer cannot connect to the prod service, and destroying dev leaves prod intact.
 *
 * The four stacks share one S3 backend, as two teams would (an S3-compatible server, harness/s3.ts,
 * with the CLI's own `s3://…?endpoint=…` URL): stack references, the lock and the record of
 * interrupted creations go through it; the other end-to-end tests keep file backends.
 */
import * as path from "node:path";
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram, REPO_ROOT } from "../../harness/pulumi-program";
import { S3Server } from "../../harness/s3";
import { signedHuaweiRequest } from "../helpers/huawei-request";

const EXAMPLE = path.join(REPO_ROOT, "examples/environments");

describe("examples/environments: owner and consumer, dev and prod", () => {
    let cloud: TestCloud;
    let server: S3Server;
    const programs: PulumiProgram[] = [];
    const stack = async (who: "owner" | "consumer", env: "dev" | "prod", account: string) => {
        const p = await PulumiProgram.create({
            fromDir: path.join(EXAMPLE, who),
            stack: env,
            env: { ...cloud.huaweiEnv(account), ...server.env() },
            backendUrl: server.backendUrl(),
        });
        programs.push(p);
        return p;
    };

    beforeAll(async () => {
        cloud = await TestCloud.start({
            timings: { "vpcep:endpoint_service": { create: { afterReads: 1 } }, "vpcep:endpoint": { create: { afterReads: 1 } } },
        });
        server = await S3Server.start();
    });
    afterAll(async () => {
        for (const p of programs) p.dispose();
        await server?.close();
        await cloud?.close();
    });

    test("brings up four stacks, keeps them isolated, and destroys dev without touching prod", async () => {
        const ownerDev = await stack("owner", "dev", "demo");
        const consumerDev = await stack("consumer", "dev", "partner");
        const ownerProd = await stack("owner", "prod", "demo");
        const consumerProd = await stack("consumer", "prod", "consumer");

        // dev: no approval, the endpoint is accepted at once
        await ownerDev.up();
        const ownerDevOut = await ownerDev.outputs();
        await consumerDev.up();
        const consumerDevOut = await consumerDev.outputs();
        expect(consumerDevOut.endpointStatus).toBe("accepted");
        // found by the name the owner's stack published
        expect(consumerDevOut.serviceId).toBe(ownerDevOut.serviceId);

        // prod: the endpoint waits for the owner, who approves it from its own stack
        await ownerProd.up();
        await consumerProd.up();
        const prodEndpoint = await consumerProd.outputs();
        expect(prodEndpoint.endpointStatus).toBe("pendingAcceptance");
        await ownerProd.setConfig("consumerStack", "organization/vpcep-consumer/prod");
        await ownerProd.up();
        const prodOwner = await ownerProd.outputs();
        expect(prodOwner.connectionStatus).toBe("accepted");
        const prodEp = (await cloud.resources("vpcep:endpoint", "consumer")).find((e) => e.id === prodEndpoint.endpointId);
        expect(prodEp?.status).toBe("accepted");

        // the environments differ as configured
        const devService = (await cloud.resources("vpcep:endpoint_service")).find((s) => s.id === ownerDevOut.serviceId);
        const prodService = (await cloud.resources("vpcep:endpoint_service")).find((s) => s.id === prodOwner.serviceId);
        expect(devService?.body).toMatchObject({ approval_enabled: false, ports: [{ client_port: 8080, server_port: 80, protocol: "TCP" }] });
        expect(prodService?.body).toMatchObject({ approval_enabled: true, ports: [{ client_port: 443, server_port: 8443, protocol: "TCP" }] });

        // isolation: the dev consumer's account is not permitted on the prod service
        const partner = cloud.account("partner");
        const refused = await signedHuaweiRequest(cloud.url, partner, "POST", `/v1/${cloud.project("partner").id}/vpc-endpoints`, {
            endpoint_service_id: prodOwner.serviceId,
            vpc_id: partner.network.clientVpcId,
            subnet_id: partner.network.clientSubnetId,
            port_ip: "10.0.0.99",
        });
        expect(refused.status).toBe(400);
        expect(refused.json.error_code).toBe("EndPoint.2012");
        // …and the dev consumer's program pointed at the prod owner stops at preview, at the lookup
        await consumerDev.setConfig("ownerStack", "organization/vpcep-owner/prod");
        const wrongOwner = await consumerDev.preview();
        expect(wrongOwner.result.code).not.toBe(0);
        expect(`${wrongOwner.errors.join("\n")}${wrongOwner.result.stdout}`).toContain(
            `huaweicloud.vpcep.getServiceByName: found no endpoint service visible to this account with serviceName "${prodOwner.serviceName}"`,
        );
        await consumerDev.setConfig("ownerStack", "organization/vpcep-owner/dev");

        for (const p of [ownerDev, consumerDev, ownerProd, consumerProd]) await p.expectNoChanges("preview");

        // destroying dev leaves prod as it was
        await consumerDev.destroy();
        await ownerDev.destroy();
        expect(await cloud.resources("vpcep:endpoint", "partner")).toEqual([]);
        expect((await cloud.resources("vpcep:endpoint_service")).map((s) => s.id)).toEqual([prodOwner.serviceId]);
        expect((await cloud.resources("vpcep:endpoint", "consumer")).map((e) => [e.id, e.status])).toEqual([[prodEndpoint.endpointId, "accepted"]]);
        await ownerProd.expectNoChanges("preview");
        await consumerProd.expectNoChanges("preview");

        // and prod comes down cleanly too
        await consumerProd.destroy();
        const d = await ownerProd.run(["destroy", "--yes", "--non-interactive", "--stack", "prod"]);
        if (d.code !== 0) throw new Error(d.stdout + d.stderr);
        expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);

        // the four stacks' state is in the bucket, and no run left a lock behind
        expect(server.objects(".pulumi/stacks").filter((k) => k.endsWith(".json"))).toEqual(
            ["vpcep-consumer/dev", "vpcep-consumer/prod", "vpcep-owner/dev", "vpcep-owner/prod"].map((s) => `.pulumi/stacks/${s}.json`),
        );
        expect(server.objects(".pulumi/locks")).toEqual([]);
    });
});
