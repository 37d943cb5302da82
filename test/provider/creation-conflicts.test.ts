/**
 * A DNS object renamed in the instant before a killed run recorded it carries no creation key, so
 * the next run cannot prove it is this stack's. Its creation then stops on the cloud's uniqueness
 * rule with a message that names the object in the way and the adopt input that takes it over —
 * never with a second object, and never leaving the half-made one.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { implOf } from "../../provider/runtime/kinds";
import { withRequest } from "../../provider/runtime/requests";
import { cloudForThisProcess } from "../helpers/process-cloud";

const STACK = "conflicts";
const PROJECT = "privatelink-test";
const urnOf = (type: string, name: string) => `urn:pulumi:${STACK}::${PROJECT}::pulumi-nodejs:dynamic/${type}::${name}`;

describe("creations blocked by an object without a creation key", () => {
    const backend = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-conflicts-"));
    const cloudOf = cloudForThisProcess((c) => ({ ...c.huaweiEnv(), PULUMI_BACKEND_URL: `file://${backend}` }));
    // This stack's checkpoint, with no interrupted creation in it.
    fs.mkdirSync(path.join(backend, ".pulumi", "stacks", PROJECT), { recursive: true });
    fs.writeFileSync(path.join(backend, ".pulumi", "stacks", PROJECT, `${STACK}.json`), JSON.stringify({ checkpoint: { latest: { resources: [] } } }));
    afterAll(() => fs.rmSync(backend, { recursive: true, force: true }));

    /** check then create, as the engine calls them for the resource `name` of `type`. */
    async function create(kind: `${string}:${string}:${string}`, type: string, name: string, news: Record<string, unknown>) {
        const impl = (await implOf(kind))!;
        const urn = urnOf(type, name);
        const checked = await withRequest({ urn }, () => impl.check({}, { ...news, __provider: "stub" }));
        expect(checked.failures).toEqual([]);
        return withRequest({ urn }, () => impl.create(checked.inputs));
    }

    test("a resolver endpoint whose name is taken: the message names it and asks for the adopt input; the half-made one is removed", async () => {
        const subnetId = cloudOf().account().network.clientSubnetId;
        const news = { name: "taken-in", direction: "inbound", ipAddresses: [{ subnetId }, { subnetId }] };
        const first = await create("huaweicloud:dns:ResolverEndpoint", "huaweicloud-dns:ResolverEndpoint", "in-a", news);
        const err = (await create("huaweicloud:dns:ResolverEndpoint", "huaweicloud-dns:ResolverEndpoint", "in-b", news).catch((e) => e)) as Error;
        expect(err).toBeInstanceOf(Error);
        expect(err.message).toContain(`a resolver endpoint named "taken-in" already exists (${first.id})`);
        expect(err.message).toContain(
            `take it over by giving ${urnOf("huaweicloud-dns:ResolverEndpoint", "in-b")} the input adopt: "${first.id}" for one \`pulumi up\``,
        );
        const live = (await cloudOf().resources("dns:endpoint")).filter((e) => e.status !== "PENDING_DELETE");
        expect(live.map((e) => e.id)).toEqual([first.id]);
    });

    test("a resolver endpoint whose fixed addresses are held by an endpoint of its name: the message names it and asks for the adopt input", async () => {
        const subnetId = cloudOf().account().network.clientSubnetId;
        const news = {
            name: "taken-ip",
            direction: "outbound",
            ipAddresses: [
                { subnetId, ip: "10.0.0.230" },
                { subnetId, ip: "10.0.0.231" },
            ],
        };
        const first = await create("huaweicloud:dns:ResolverEndpoint", "huaweicloud-dns:ResolverEndpoint", "ip-a", news);
        // The same resource checked afresh (a killed run renamed it before recording it): its addresses are in use.
        const err = (await create("huaweicloud:dns:ResolverEndpoint", "huaweicloud-dns:ResolverEndpoint", "ip-a", news).catch((e) => e)) as Error;
        expect(err.message).toContain("DNS.1506");
        expect(err.message).toContain(`a resolver endpoint named "taken-ip" already exists (${first.id})`);
        expect(err.message).toContain(`the input adopt: "${first.id}"`);
        const live = (await cloudOf().resources("dns:endpoint")).filter((e) => e.status !== "PENDING_DELETE" && e.body.name === "taken-ip");
        expect(live.map((e) => e.id)).toEqual([first.id]);
    });

    test("a resolver rule whose domain is taken on its endpoint: the message names the rule and asks for the adopt input", async () => {
        const subnetId = cloudOf().account().network.clientSubnetId;
        const out = await create("huaweicloud:dns:ResolverEndpoint", "huaweicloud-dns:ResolverEndpoint", "out", {
            name: "conflicts-out",
            direction: "outbound",
            ipAddresses: [{ subnetId }, { subnetId }],
        });
        const news = { name: "corp", domainName: "corp.example.com", endpointId: out.id, ipAddresses: ["10.1.0.53"] };
        const first = await create("huaweicloud:dns:ResolverRule", "huaweicloud-dns:ResolverRule", "rule-a", news);
        const err = (await create("huaweicloud:dns:ResolverRule", "huaweicloud-dns:ResolverRule", "rule-b", news).catch((e) => e)) as Error;
        expect(err.message).toContain(`a resolver rule for corp.example.com on endpoint ${out.id} already exists (${first.id})`);
        expect(err.message).toContain(`take it over by giving ${urnOf("huaweicloud-dns:ResolverRule", "rule-b")} the input adopt: "${first.id}"`);
    });
});
