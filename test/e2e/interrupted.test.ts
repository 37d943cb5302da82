/**
 * Interrupted deployments (issue 21): the real CLI is killed outright (SIGKILL, as a cancelled CI
 * job is) during the create, the update and the delete of every resource kind that makes a cloud
 * object, at seeded random moments after the cloud call reached the emulator (its request log
 * tells when). After each kill, `pulumi cancel` releases the lock and the same command runs again:
 * the emulator then holds exactly the objects the state records — no orphan, no duplicate.
 *
 * The cycles are split between two backends, the first half on a file backend and the second on
 * an S3 server (harness/s3.ts), where the record of interrupted creations is read another way
 * (provider/runtime/stack-record.ts); between them every kind's create and delete is killed.
 */

import { alicloudAccount, alicloudEnv } from "../../harness/alicloud-env";
import { TestCloud } from "../../harness/cloud";
import { adoptionAdvice, PulumiProgram, type StackState } from "../../harness/pulumi-program";
import { S3Server } from "../../harness/s3";
import { seededRandom } from "../../sdk/core/clock";

const program = `
import { alicloud, huaweicloud } from "pulumi-privatelink";
const net = JSON.parse(process.env.TEST_NETWORK!);
const ali = JSON.parse(process.env.TEST_ALICLOUD!);
const round = process.env.ROUND ?? "0";
const tags = { round };
// What a user gives when an error asks to take an object over (ADOPT_<resource name>, one run).
const adopt = (name: string) => process.env["ADOPT_" + name] || undefined;
const svc = new huaweicloud.vpcep.EndpointService("svc", {
    vpcId: net.backendVpcId, portId: net.backendPortId, serverType: "VM", ports: [{ clientPort: 80, serverPort: 80 }], approvalEnabled: false, tags,
});
new huaweicloud.vpcep.Endpoint("ep", { endpointServiceId: svc.id, vpcId: net.clientVpcId, subnetId: net.clientSubnetId, portIp: "10.0.0.200", tags });
const out = new huaweicloud.dns.ResolverEndpoint("out", {
    name: "out-" + round, direction: "outbound", ipAddresses: [{ subnetId: net.clientSubnetId }, { subnetId: net.clientSubnetId }], adopt: adopt("out"),
});
new huaweicloud.dns.ResolverRule("rule", { name: "rule-" + round, domainName: "corp.example.com", endpointId: out.id, ipAddresses: ["192.168.10.10"], adopt: adopt("rule") });
const asvc = new alicloud.privatelink.VpcEndpointService("asvc", {
    resources: [{ resourceId: ali.network.loadBalancerId, resourceType: "slb", zoneId: "cn-hangzhou-h" }], autoAcceptEnabled: true, tags,
});
new alicloud.privatelink.VpcEndpoint("aep", {
    serviceId: asvc.id, vpcId: ali.network.vpcId, securityGroupIds: [ali.network.securityGroupIds[0]],
    zones: [{ zoneId: "cn-hangzhou-h", vswitchId: ali.network.vSwitchIds["cn-hangzhou-h"] }], endpointName: "aep", tags,
});
`;

/** Each object kind: its emulator kind, its Pulumi type, its create and delete operations. */
const KINDS = [
    { emulator: "vpcep:endpoint_service", type: "vpcep:EndpointService", create: "CreateEndpointService", delete: "DeleteEndpointService" },
    { emulator: "vpcep:endpoint", type: "vpcep:Endpoint", create: "CreateEndpoint", delete: "DeleteEndpoint" },
    { emulator: "dns:endpoint", type: "dns:ResolverEndpoint", create: "CreateResolverEndpoint", delete: "DeleteResolverEndpoint" },
    { emulator: "dns:resolver_rule", type: "dns:ResolverRule", create: "CreateResolverRule", delete: "DeleteResolverRule" },
    {
        emulator: "privatelink:endpoint_service",
        type: "privatelink:VpcEndpointService",
        create: "CreateVpcEndpointService",
        delete: "DeleteVpcEndpointService",
    },
    { emulator: "privatelink:endpoint", type: "privatelink:VpcEndpoint", create: "CreateVpcEndpoint", delete: "DeleteVpcEndpoint" },
];

const SEED = Number(process.env.INTERRUPTED_SEED ?? 21);
const CYCLES = Number(process.env.INTERRUPTED_CYCLES ?? 8);
/** The backends the cycles are split between, in order (INTERRUPTED_BACKENDS=s3 runs them all on one). */
const BACKENDS = (process.env.INTERRUPTED_BACKENDS ?? "file,s3").split(",") as Array<"file" | "s3">;

describe.each(
    BACKENDS.map((backend, i) => {
        const from = Math.round((i * CYCLES) / BACKENDS.length);
        const where = backend === "s3" ? "an S3 server" : "a file backend";
        return { backend, where, from, to: Math.round(((i + 1) * CYCLES) / BACKENDS.length), index: i };
    }),
)("a pulumi up or destroy killed after its cloud calls, with the state in $where", ({ backend, from, to, index }) => {
    let cloud: TestCloud;
    let server: S3Server | undefined;
    let p: PulumiProgram;
    beforeAll(async () => {
        // Objects take two seconds to become ready and one to go: the kills land while the provider waits.
        cloud = await TestCloud.start({ timings: "demo" });
        if (backend === "s3") server = await S3Server.start();
        p = await PulumiProgram.create({
            files: { "Pulumi.yaml": "name: interrupted\nruntime: nodejs\n", "package.json": '{"name":"interrupted","main":"index.ts"}', "index.ts": program },
            backendUrl: server?.backendUrl(),
            env: {
                ...cloud.huaweiEnv(),
                ...alicloudEnv(cloud),
                ...server?.env(),
                TEST_NETWORK: JSON.stringify(cloud.account().network),
                TEST_ALICLOUD: JSON.stringify(alicloudAccount(cloud)),
            },
        });
    });
    afterAll(async () => {
        p?.dispose();
        await server?.close();
        await cloud?.close();
    });

    /** The objects of a kind that are not on their way out. */
    const live = async (kind: string) =>
        (await cloud.resources(kind)).filter((r) => !/^(deleting|PENDING_DELETE|Deleting|DELETED)$/.test(String(r.status ?? "")));

    /** Objects of each kind: in the emulator (ours only) and in the state, compared. */
    async function expectStateMatchesCloud(when: string): Promise<{ orphans: number; duplicates: number }> {
        const state: StackState = await p.exportState();
        let orphans = 0;
        let duplicates = 0;
        const problems: string[] = [];
        for (const k of KINDS) {
            const inCloud = await live(k.emulator);
            const ids = new Set((state.deployment.resources ?? []).filter((r) => r.type.endsWith(`-${k.type}`)).map((r) => r.id));
            const unrecorded = inCloud.filter((r) => !ids.has(r.id));
            orphans += unrecorded.length;
            duplicates += Math.max(0, inCloud.length - 1);
            if (unrecorded.length) problems.push(`${k.emulator}: ${unrecorded.map((r) => `${r.id} (${r.status})`).join(", ")} not in the state`);
            if (inCloud.length > 1) problems.push(`${k.emulator}: ${inCloud.length} objects`);
            const missing = [...ids].filter((id) => !inCloud.some((r) => r.id === id));
            if (missing.length) problems.push(`${k.emulator}: state records ${missing.join(", ")}, which the cloud does not have`);
        }
        if (problems.length) throw new Error(`${when}:\n  ${problems.join("\n  ")}`);
        return { orphans, duplicates };
    }

    /** Whether an operation reached the emulator after `mark` (answered 2xx; a DryRun does not count). */
    const reached = (mark: number, ops: string[]) => async () =>
        (await cloud.requests(mark)).some((r) => ops.includes(r.operation) && r.status >= 200 && r.status < 300);

    test(`leaves no orphan and no duplicate, at ${3 * (to - from)} seeded kills`, async () => {
        const random = seededRandom(SEED + index);
        const kills: string[] = [];
        const started = Date.now();
        const args = (op: "up" | "destroy") => [op, "--yes", "--skip-preview", "--non-interactive", "--stack", p.stack];
        const recover = async (op: "up" | "destroy", round: string) => {
            await p.cancel();
            let r = await p.run(args(op), { ROUND: round });
            // A DNS object renamed in the instant before the kill carries no creation key: the run
            // stops, naming it and asking for the adopt input (docs/troubleshooting.md), which a user
            // gives for one run and then removes (a state-only change).
            const told = adoptionAdvice(r.stdout);
            if (r.code !== 0 && told.length) {
                const adopt: Record<string, string> = {};
                for (const { urn, id } of told) {
                    const name = urn.split("::").pop()!;
                    adopted.push(`${name} ${id}`);
                    adopt[`ADOPT_${name}`] = id;
                }
                r = await p.run(args(op), { ROUND: round, ...adopt });
                if (r.code === 0) r = await p.run(args(op), { ROUND: round });
            }
            if (r.code !== 0) throw new Error(`pulumi ${op} after the kill failed (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
            takenOver += r.stdout.split("taking over").length - 1;
        };
        const adopted: string[] = [];
        let takenOver = 0;
        for (let cycle = from; cycle < to; cycle++) {
            const kind = KINDS[cycle % KINDS.length]!;
            const round = String(cycle);
            // create: killed after the kind's create call
            let mark = await cloud.mark();
            let delay = Math.floor(random() * 1800);
            let r = await p.killDuring(args("up"), reached(mark, [kind.create]), delay, { ROUND: round });
            if (r.killed) kills.push(`create ${kind.type} +${delay}ms`);
            await recover("up", round);
            await expectStateMatchesCloud(`after the create of ${kind.type} was killed (+${delay} ms) and up ran again`);
            // The program reads ROUND from the environment the CLI inherits.
            process.env.ROUND = round;
            await p.expectNoChanges("preview");

            // update: tags and names change; killed after the first change reached the cloud
            const next = `${cycle}u`;
            mark = await cloud.mark();
            delay = Math.floor(random() * 1500);
            r = await p.killDuring(args("up"), async () => (await cloud.requests(mark)).some((q) => q.method !== "GET" && q.status < 300), delay, {
                ROUND: next,
            });
            if (r.killed) kills.push(`update +${delay}ms`);
            await recover("up", next);
            await expectStateMatchesCloud(`after an update was killed (+${delay} ms) and up ran again`);

            // delete: killed after the kind's delete call
            const dkind = KINDS[(cycle * 5 + 3) % KINDS.length]!;
            mark = await cloud.mark();
            delay = Math.floor(random() * 1200);
            r = await p.killDuring(args("destroy"), reached(mark, [dkind.delete]), delay, { ROUND: next });
            if (r.killed) kills.push(`delete ${dkind.type} +${delay}ms`);
            await recover("destroy", next);
            for (const k of KINDS) expect(await live(k.emulator)).toEqual([]);
        }
        const seconds = Math.round((Date.now() - started) / 1000);
        delete process.env.ROUND;
        console.log(
            `interrupted, ${backend} backend: ${kills.length} kills (seed ${SEED + index}, cycles ${from}–${to - 1}) in ${seconds} s, ${takenOver} objects of interrupted creations taken over, ` +
                `${adopted.length} adopted as the error asked (${adopted.join(", ") || "none"}), 0 orphans, 0 duplicates:\n  ${kills.join("\n  ")}`,
        );
        expect(kills.length).toBeGreaterThanOrEqual(3 * (to - from) - 1);
    });
});
