/**
 * The lookups against the emulator, through the functions a program calls: what each finds, the
 * exactly-one form's preference and its errors, arguments refused before any API call, accounts
 * that see only what they may, and the `Output` form.
 */
import * as pulumi from "@pulumi/pulumi";
import { alicloudAccount, alicloudEnv } from "../../harness/alicloud-env";
import type { TestCloud } from "../../harness/cloud";
import { alicloud, huaweicloud, LookupAmbiguousError, LookupArgumentError, LookupNotFoundError } from "../../index";
import { implOf } from "../../provider/runtime/kinds";
import { cloudForThisProcess } from "../helpers/process-cloud";

const vpcep = huaweicloud.vpcep;

/** Runs `f` with this process's credentials set to another account's. */
async function as<T>(env: Record<string, string>, f: () => Promise<T>): Promise<T> {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
        return await f();
    } finally {
        process.env = saved;
    }
}

const resolved = <T>(o: pulumi.Output<T>): Promise<T> => new Promise((resolve) => o.apply(resolve));

describe("lookups", () => {
    const cloudOf = cloudForThisProcess((c: TestCloud) => ({ ...c.huaweiEnv("demo"), ...alicloudEnv(c) }));

    describe("huaweicloud.vpcep public services", () => {
        test("finds the region's catalogue by part of a name, and one by type or exact name", async () => {
            const obs = await vpcep.getPublicServices({ serviceName: "obs" });
            expect(obs.services.map((s) => [s.serviceName, s.serviceType]).sort()).toEqual([
                ["cn-north-4.com.myhuaweicloud.v4.obsv2", "gateway"],
                ["com.myhuaweicloud.cn-north-4.obs", "interface"],
            ]);
            expect((await vpcep.getPublicService({ serviceName: "obs", serviceType: "gateway" })).serviceName).toBe("cn-north-4.com.myhuaweicloud.v4.obsv2");
            // `obs` is exactly the last label of one of the two: that one wins.
            expect((await vpcep.getPublicService({ serviceName: "obs" })).serviceName).toBe("com.myhuaweicloud.cn-north-4.obs");
            const dns = await vpcep.getPublicService({ serviceName: "dns" });
            expect(dns).toMatchObject({ serviceName: "com.myhuaweicloud.cn-north-4.dns", serviceType: "interface", owner: "huaweicloud", isCharge: false });
            // The catalogue of the project's region only (the emulator has one in other regions too).
            const all = (await vpcep.getPublicServices()).services;
            expect(all.length).toBeGreaterThanOrEqual(5);
            expect(all.every((s) => s.serviceName.includes("cn-north-4"))).toBe(true);
        });

        test("the exactly-one form names what it found when there are several, and says what to give", async () => {
            const err = await vpcep.getPublicService({ serviceName: "com.myhuaweicloud" }).catch((e) => e);
            expect(err).toBeInstanceOf(LookupAmbiguousError);
            expect(err.message).toMatch(/^huaweicloud\.vpcep\.getPublicService: found \d+ public endpoint services with serviceName "com\.myhuaweicloud": /);
            expect(err.message).toContain("com.myhuaweicloud.cn-north-4.swr (interface, ");
            expect(err.message).toContain("give serviceId, serviceType, or the service's full name");
            const none = await vpcep.getPublicService({ serviceName: "no-such-service" }).catch((e) => e);
            expect(none).toBeInstanceOf(LookupNotFoundError);
            expect(none.message).toBe('huaweicloud.vpcep.getPublicService: found no public endpoint service with serviceName "no-such-service".');
            expect((await vpcep.getPublicServices({ serviceName: "no-such-service" })).services).toEqual([]);
        });

        test("refuses bad arguments before any API call, naming the argument, the value and the rule", async () => {
            const mark = await cloudOf().mark();
            const err = await vpcep.getPublicServices({ serviceId: "abc", serviceType: "bridge" as never }).catch((e) => e);
            expect(err).toBeInstanceOf(LookupArgumentError);
            expect(err.failures).toEqual([
                'serviceId: "abc" is not a valid endpoint service id (a UUID such as 4189d3c2-8882-4871-a3c2-d380272eed88)',
                'serviceType: "bridge" is not a service type (interface or gateway)',
            ]);
            const typo = await vpcep.getPublicService({ servicename: "dns" } as never).catch((e) => e);
            expect(typo.message).toBe("huaweicloud.vpcep.getPublicService: servicename: is not an argument of this function (check the spelling)");
            const needed = await vpcep.getServiceConnections({} as never).catch((e) => e);
            expect(needed.message).toBe("huaweicloud.vpcep.getServiceConnections: endpointServiceId: (missing) is required");
            expect(await cloudOf().requests(mark)).toEqual([]);
        });

        test("the Output form takes Inputs and gives the same answer", async () => {
            const out = vpcep.getPublicServiceOutput({ serviceName: pulumi.output("dns"), serviceType: Promise.resolve("interface" as const) });
            expect((await resolved(out)).serviceName).toBe("com.myhuaweicloud.cn-north-4.dns");
            const all = vpcep.getPublicServicesOutput({ serviceName: pulumi.output("obs") });
            expect((await resolved(all)).services).toHaveLength(2);
        });
    });

    describe("huaweicloud.vpcep own services, endpoints, connections and permissions", () => {
        test("find what the account made, by name, tags and status; other accounts find it by full name once permitted", async () => {
            const cloud = cloudOf();
            const net = cloud.account("demo").network;
            const service = (await implOf("huaweicloud:vpcep:EndpointService"))!;
            const make = (serviceName: string, port: number, tags: Record<string, string>) =>
                service.create({
                    vpcId: net.backendVpcId,
                    portId: net.backendPortId,
                    serverType: "VM",
                    ports: [{ clientPort: port, serverPort: port }],
                    approvalEnabled: false,
                    serviceName,
                    tags,
                });
            const orders = await make("orders", 8081, { team: "orders", env: "dev" });
            const ordersV2 = await make("orders-v2", 8082, { team: "orders", env: "prod" });

            expect((await vpcep.getEndpointServices({ serviceName: "orders" })).services.map((s) => s.id).sort()).toEqual([orders.id, ordersV2.id].sort());
            const one = await vpcep.getEndpointService({ serviceName: "orders" });
            expect(one).toMatchObject({
                id: orders.id,
                status: "available",
                serverType: "VM",
                ports: [{ clientPort: 8081, serverPort: 8081, protocol: "TCP" }],
            });
            // Tags as the program set them: the creation marker stays hidden.
            expect(one.tags).toEqual({ team: "orders", env: "dev" });
            expect((await vpcep.getEndpointService({ tags: { env: "prod" } })).id).toBe(ordersV2.id);
            expect((await vpcep.getEndpointServices({ tags: { team: "" } })).services).toHaveLength(2);
            expect((await vpcep.getEndpointServices({ status: "deleting" })).services).toEqual([]);
            const ambiguous = await vpcep.getEndpointService({ tags: { team: "orders" } }).catch((e) => e);
            expect(ambiguous).toBeInstanceOf(LookupAmbiguousError);
            expect(ambiguous.matches).toHaveLength(2);

            // Another account: not visible until the owner permits it.
            const partner = cloud.huaweiEnv("partner");
            const fullName = one.serviceName;
            const hidden = await as(partner, () => vpcep.getServiceByName({ serviceName: fullName })).catch((e) => e);
            expect(hidden).toBeInstanceOf(LookupNotFoundError);
            expect(hidden.message).toContain(`found no endpoint service visible to this account with serviceName "${fullName}"`);
            const permission = (await implOf("huaweicloud:vpcep:ServicePermission"))!;
            await permission.create({ endpointServiceId: orders.id, permission: `iam:domain::${cloud.account("partner").domainId}` });
            const seen = await as(partner, () => vpcep.getServiceByName({ serviceName: fullName }));
            expect(seen).toMatchObject({ id: orders.id, serviceName: fullName, serviceType: "interface" });
            expect((await vpcep.getServicePermissions({ endpointServiceId: orders.id })).permissions).toEqual([
                expect.objectContaining({ permission: `iam:domain::${cloud.account("partner").domainId}`, permissionType: "domainId" }),
            ]);

            // The partner connects; the owner sees the connection, the partner its endpoint.
            const endpoint = (await implOf("huaweicloud:vpcep:Endpoint"))!;
            const pnet = cloud.account("partner").network;
            const ep = await as(partner, () =>
                endpoint.create({
                    endpointServiceId: orders.id,
                    vpcId: pnet.clientVpcId,
                    subnetId: pnet.clientSubnetId,
                    portIp: "10.0.0.77",
                    tags: { app: "billing" },
                }),
            );
            const conns = await vpcep.getServiceConnections({ endpointServiceId: orders.id });
            expect(conns.connections).toEqual([
                expect.objectContaining({ endpointId: ep.id, domainId: cloud.account("partner").domainId, status: "accepted" }),
            ]);
            expect((await vpcep.getServiceConnections({ endpointServiceId: orders.id, status: "rejected" })).connections).toEqual([]);
            const mine = await as(partner, () => vpcep.getEndpoint({ endpointServiceId: orders.id }));
            expect(mine).toMatchObject({ id: ep.id, status: "accepted", vpcId: pnet.clientVpcId, endpointServiceName: fullName, tags: { app: "billing" } });
            expect((await vpcep.getEndpoints({ endpointServiceId: orders.id })).endpoints).toEqual([]);

            await as(partner, () => endpoint.delete(ep.id, ep.outs));
            await service.delete(orders.id, orders.outs);
            await service.delete(ordersV2.id, ordersV2.outs);
        });
    });

    describe("huaweicloud.dns", () => {
        test("finds resolver endpoints with their addresses, and rules by domain in any spelling", async () => {
            const subnetId = cloudOf().account().network.clientSubnetId;
            const endpoint = (await implOf("huaweicloud:dns:ResolverEndpoint"))!;
            const inbound = await endpoint.create({ name: "lookup-in", direction: "inbound", ipAddresses: [{ subnetId, ip: "10.0.0.53" }, { subnetId }] });
            const outbound = await endpoint.create({ name: "lookup-out", direction: "outbound", ipAddresses: [{ subnetId }, { subnetId }] });
            const found = await huaweicloud.dns.getResolverEndpoint({ direction: "inbound", name: "lookup-in" });
            expect(found).toMatchObject({ id: inbound.id, direction: "inbound", status: "ACTIVE" });
            expect(found.ipAddresses.map((a) => a.ip)).toContain("10.0.0.53");
            expect(found.ipAddresses).toHaveLength(2);
            expect((await huaweicloud.dns.getResolverEndpoints({ direction: "outbound" })).endpoints.map((e) => e.id)).toEqual([outbound.id]);

            const rules = (await implOf("huaweicloud:dns:ResolverRule"))!;
            const rule = await rules.create({ name: "corp", domainName: "corp.example.com", endpointId: outbound.id, ipAddresses: ["10.1.0.53"] });
            const byDomain = await huaweicloud.dns.getResolverRule({ domainName: "Corp.Example.COM." });
            expect(byDomain).toMatchObject({ id: rule.id, domainName: "corp.example.com", endpointId: outbound.id, ipAddresses: ["10.1.0.53"] });
            expect((await huaweicloud.dns.getResolverRules({ endpointId: inbound.id })).rules).toEqual([]);
            const bad = await huaweicloud.dns.getResolverRules({ domainName: "-bad-.example" }).catch((e) => e);
            expect(bad.failures).toEqual([
                'domainName: "-bad-.example" is not a domain name (labels of letters, digits and hyphens, such as corp.example.com)',
            ]);

            await rules.delete(rule.id, rule.outs);
            await endpoint.delete(inbound.id, inbound.outs);
            await endpoint.delete(outbound.id, outbound.outs);
        });

        test("finds private zones by name in any spelling or by VPC, and their record sets, the zone's own SOA and NS included", async () => {
            const net = cloudOf().account().network;
            const zones = (await implOf("huaweicloud:dns:PrivateZone"))!;
            const sets = (await implOf("huaweicloud:dns:RecordSet"))!;
            const zone = await zones.create({ name: "lookup.example.com", vpcId: net.clientVpcId, vpcIds: [net.backendVpcId], ttl: 600 });
            const other = await zones.create({ name: "other-lookup.example.com", vpcId: net.clientVpcId });
            const found = await huaweicloud.dns.getPrivateZone({ name: "Lookup.Example.COM." });
            expect(found).toMatchObject({ id: zone.id, name: "lookup.example.com", status: "ACTIVE", ttl: 600, recordCount: 2, proxyPattern: "AUTHORITY" });
            expect(found.vpcs.map((v) => v.vpcId).sort()).toEqual([net.clientVpcId, net.backendVpcId].sort());
            expect((await huaweicloud.dns.getPrivateZones({ vpcId: net.backendVpcId })).zones.map((z) => z.id)).toEqual([zone.id]);
            const both = await huaweicloud.dns.getPrivateZone({ vpcId: net.clientVpcId }).catch((e) => e);
            expect(both).toBeInstanceOf(LookupAmbiguousError);

            const www = await sets.create({ zoneId: zone.id, name: "www.lookup.example.com", type: "A", records: ["10.0.0.1", "10.0.0.2"] });
            await sets.create({ zoneId: zone.id, name: "www.lookup.example.com", type: "TXT", records: ['"hello"'] });
            const a = await huaweicloud.dns.getRecordSet({ zoneId: zone.id, name: "WWW.lookup.example.com.", type: "A" });
            expect(a).toMatchObject({
                resourceId: www.id,
                name: "www.lookup.example.com",
                type: "A",
                records: ["10.0.0.1", "10.0.0.2"],
                ttl: 300,
                isDefault: false,
            });
            const all = await huaweicloud.dns.getRecordSets({ zoneId: zone.id });
            expect(all.recordSets.map((r) => r.type).sort()).toEqual(["A", "NS", "SOA", "TXT"]);
            expect(await huaweicloud.dns.getRecordSet({ zoneId: zone.id, name: "www.lookup.example.com" }).catch((e) => e)).toBeInstanceOf(
                LookupAmbiguousError,
            );
            const bad = await huaweicloud.dns.getRecordSets({ zoneId: zone.id, type: "CAA" as never }).catch((e) => e);
            expect(bad).toBeInstanceOf(LookupArgumentError);

            await zones.delete(other.id, other.outs);
            await zones.delete(zone.id, zone.outs);
            expect(await huaweicloud.dns.getPrivateZone({ name: "lookup.example.com" }).catch((e) => e)).toBeInstanceOf(LookupNotFoundError);
        });

        test("finds private zones of an enterprise project when asked, and the default project's otherwise", async () => {
            const net = cloudOf().account().network;
            const zones = (await implOf("huaweicloud:dns:PrivateZone"))!;
            const eps = "2f0c4b3e-5d1a-4c6e-9b7f-0a1b2c3d4e5f";
            const inProject = await zones.create({ name: "eps-lookup.example.com", vpcId: net.clientVpcId, enterpriseProjectId: eps });
            const inDefault = await zones.create({ name: "default-lookup.example.com", vpcId: net.clientVpcId });
            const found = await huaweicloud.dns.getPrivateZone({ enterpriseProjectId: eps });
            expect(found).toMatchObject({ id: inProject.id, name: "eps-lookup.example.com", enterpriseProjectId: eps });
            expect((await huaweicloud.dns.getPrivateZones({ vpcId: net.clientVpcId })).zones.map((z) => [z.id, z.enterpriseProjectId])).toEqual([
                [inDefault.id, "0"],
            ]);
            expect((await huaweicloud.dns.getPrivateZones({ name: "eps-lookup.example.com", enterpriseProjectId: "0" })).zones).toEqual([]);
            const bad = await huaweicloud.dns.getPrivateZones({ enterpriseProjectId: "default" }).catch((e) => e);
            expect(bad).toBeInstanceOf(LookupArgumentError);
            expect(bad.failures).toEqual([
                'enterpriseProjectId: "default" is not an enterprise project id ("0", the default project, or a UUID such as 4189d3c2-8882-4871-a3c2-d380272eed88)',
            ]);

            await zones.delete(inDefault.id, inDefault.outs);
            await zones.delete(inProject.id, inProject.outs);
        });
    });

    describe("alicloud.privatelink", () => {
        test("finds own services and endpoints; a consumer finds the services offered to it, with their zones", async () => {
            const cloud = cloudOf();
            const net = alicloudAccount(cloud).network;
            const service = (await implOf("alicloud:privatelink:VpcEndpointService"))!;
            const svc = await service.create({
                resources: [{ resourceId: net.loadBalancerId, resourceType: "slb", zoneId: "cn-hangzhou-h" }],
                autoAcceptEnabled: true,
                tags: { team: "orders" },
            });
            const own = await alicloud.privatelink.getVpcEndpointService({ tags: { team: "orders" } });
            expect(own).toMatchObject({ id: svc.id, serviceStatus: "Active", autoAcceptEnabled: true, zones: ["cn-hangzhou-h"], tags: { team: "orders" } });
            expect((await alicloud.privatelink.getVpcEndpointServices({ autoAcceptEnabled: false })).services).toEqual([]);

            const consumer = alicloudEnv(cloud, "partner");
            const hidden = await as(consumer, () => alicloud.privatelink.getAvailableVpcEndpointServices({ serviceName: own.serviceName }));
            expect(hidden.services).toEqual([]);
            const users = (await implOf("alicloud:privatelink:VpcEndpointServiceUser"))!;
            const partnerUid = alicloudAccount(cloud, "partner").accountId;
            await users.create({ serviceId: svc.id, userId: partnerUid });
            const offered = await as(consumer, () => alicloud.privatelink.getAvailableVpcEndpointService({ serviceName: own.serviceName }));
            expect(offered).toMatchObject({ id: svc.id, serviceType: "Interface", zones: ["cn-hangzhou-h"] });

            const endpoint = (await implOf("alicloud:privatelink:VpcEndpoint"))!;
            const ep = await endpoint.create({
                serviceId: svc.id,
                vpcId: net.vpcId,
                securityGroupIds: [net.securityGroupIds[0]],
                zones: [{ zoneId: "cn-hangzhou-h", vswitchId: net.vSwitchIds["cn-hangzhou-h"] }],
                endpointName: "orders-client",
            });
            expect(await alicloud.privatelink.getVpcEndpoint({ endpointName: "orders-client" })).toMatchObject({
                id: ep.id,
                serviceId: svc.id,
                vpcId: net.vpcId,
            });
            const conns = await alicloud.privatelink.getVpcEndpointConnections({ serviceId: svc.id });
            expect(conns.connections).toEqual([expect.objectContaining({ endpointId: ep.id, connectionStatus: "Connected" })]);
            expect((await alicloud.privatelink.getVpcEndpointConnections({ serviceId: svc.id, endpointOwnerId: partnerUid })).connections).toEqual([]);

            await endpoint.delete(ep.id, ep.outs);
            await service.delete(svc.id, svc.outs);
        });
    });
});
