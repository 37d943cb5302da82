/**
 * The clouds' official Python SDKs against the emulator, as a user of docs/emulator.md would run
 * them: scripts/official-clients.sh installs the pinned SDKs once per machine (a venv outside the
 * repository), an emulator with the default (`demo`) timings runs in this process, and each flow
 * in test/fixtures/official-clients/ drives a full lifecycle through its SDK alone. The test reads
 * the one JSON line a flow prints and the emulator's own request log and state.
 *
 * No python3 on the machine is a failure with the script's message, never a skip: the "works
 * with" table in docs/emulator.md rests on this test.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { type EmulatorAccount, type LoggedRequest, TestCloud } from "../../harness/cloud";
import { REPO_ROOT } from "../../harness/pulumi-program";

const run = promisify(execFile);
const FLOWS = path.join(REPO_ROOT, "test/fixtures/official-clients");
/** One flow's limit: a few dozen calls and waits of about two seconds each. */
const FLOW_LIMIT_MS = 3 * 60_000;

let cloud: TestCloud;
let python: string;

beforeAll(async () => {
    // Installs on the first run (pip: about half a minute), answers at once afterwards.
    try {
        const setup = await run("bash", [path.join(REPO_ROOT, "scripts/official-clients.sh")], { encoding: "utf8" });
        python = setup.stdout.trim().split("\n").pop()!;
    } catch (e) {
        const err = e as { stderr?: string; message: string };
        throw new Error(`setting up the official Python SDKs failed:\n${err.stderr || err.message}`);
    }
    cloud = await TestCloud.start();
});
afterAll(async () => {
    await cloud?.close();
});

/** A request log entry with its query and the error code answered (the log has them; the helper's type does not name them). */
type Logged = LoggedRequest & { errorCode?: string; query?: string };

interface FlowResult {
    observed: any;
    requests: Logged[];
}

/** Runs one flow against the emulator; its JSON line and the requests it made. */
async function flow(name: string): Promise<FlowResult> {
    const since = await cloud.mark();
    let stdout: string;
    try {
        ({ stdout } = await run(python, [path.join(FLOWS, `${name}.py`), cloud.url], {
            encoding: "utf8",
            timeout: FLOW_LIMIT_MS,
            // No __pycache__ in the clone; loopback never through a proxy.
            env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", NO_PROXY: "127.0.0.1,localhost", no_proxy: "127.0.0.1,localhost" },
        }));
    } catch (e) {
        const err = e as { stdout?: string; stderr?: string; message: string };
        throw new Error(`${name}.py failed: ${err.message}\n${err.stderr ?? ""}${err.stdout ?? ""}`);
    }
    const line = stdout.trim().split("\n").pop()!;
    return { observed: JSON.parse(line), requests: await cloud.requests(since) };
}

/** Operations in call order, each once. */
const operations = (requests: Logged[]) => [...new Set(requests.map((r) => r.operation))];

/** What is left of an API's resources in the test accounts (the emulator's own public services aside). */
async function leftOver(api: string): Promise<string[]> {
    const mine = [...(await cloud.resources(undefined, "demo")), ...(await cloud.resources(undefined, "consumer"))];
    return mine.filter((r) => r.api === api).map((r) => `${r.kind} ${r.id}`);
}

describe("the official Python SDKs against the emulator", () => {
    test("huaweicloudsdkvpcep: service with approval, account and organization permissions, cross-account endpoint, approval, connection description, gateway endpoint policy, updates, tags, deletion", async () => {
        const { observed, requests } = await flow("huawei_vpcep");
        expect(observed).toMatchObject({
            service_created_status: "creating",
            service_status: "available",
            service_name: `cn-north-4.sdkflow.${observed.service_id}`,
            permissions: [`domainId iam:domain::${cloud.account("consumer").domainId}`, "orgPath organizations:orgPath::o-1/r-2/ou-3/*"],
            endpoint_status_before_approval: "pendingAcceptance",
            endpoint_status: "accepted",
            endpoint_ip: "10.0.0.77",
            connections: [{ id: observed.endpoint_id, status: "accepted", domain_id: cloud.account("consumer").domainId }],
            connection_description: ["approved by payments"],
            gateway_policy: [["Allow", ["obs:bucket:ListBucket"], ["obs:*:*:*:*"]]],
            gateway_policy_updated: [["Deny", ["obs:object:DeleteObject"], ["obs:*:*:*:*/*"], "no-delete"]],
            service_description: "updated by the sdk",
            whitelist: ["10.0.0.0/24"],
            enable_whitelist: true,
            service_tags: ["env=ci"],
            services_listed: [observed.service_id],
            deleted: true,
            model_mismatches: [],
        });
        expect(operations(requests)).toEqual([
            "CreateEndpointService",
            "ListServiceDetails",
            "BatchAddOrRemoveEndpointServicePermissions",
            "ListServicePermissionsDetails",
            "CreateEndpoint",
            "ListEndpointInfoDetails",
            "AcceptOrRejectEndpoint",
            "ListServiceConnections",
            "UpdateEndpointConnection",
            "ListServicePublicDetails",
            "UpdateEndpointPolicy",
            "DeleteEndpointPolicy",
            "DeleteEndpoint",
            "UpdateEndpointService",
            "UpdateEndpointWhite",
            "BatchAddOrDeleteResourceTags",
            "ListEndpointServices",
            "DeleteEndpointService",
        ]);
        // The interface endpoint is the consumer's, the approval (and the gateway endpoint) the owner's: each signed with its own keys.
        expect(requests.filter((r) => r.operation === "CreateEndpoint").map((r) => r.account)).toEqual(["consumer", "demo"]);
        expect(new Set(requests.filter((r) => r.operation === "AcceptOrRejectEndpoint").map((r) => r.account))).toEqual(new Set(["demo"]));
        // Every refusal was a 404 the flow waited for (the deleted objects), nothing else.
        expect(requests.filter((r) => r.status >= 400 && r.status !== 404)).toEqual([]);
        expect(await leftOver("vpcep")).toEqual([]);
    });

    test("huaweicloudsdkdns: project from IAM, inbound resolver endpoint with two addresses, ACTIVE, rename, list by direction, deletion", async () => {
        const { observed, requests } = await flow("huawei_dns");
        const net = cloud.account().network;
        expect(observed).toMatchObject({
            created_status: "PENDING_CREATE",
            status: "ACTIVE",
            direction: "inbound",
            vpc_id: net.clientVpcId,
            ipaddress_count: 2,
            renamed: "sdk-inbound-renamed",
            listed_inbound: [observed.id],
            listed_total: 1,
            listed_outbound: [],
            delete_status: "PENDING_DELETE",
            deleted: true,
            model_mismatches: [],
        });
        expect(observed.ips).toHaveLength(2);
        expect(observed.ips).toContain("10.0.0.53");
        expect(operations(requests)).toEqual([
            "KeystoneListProjects",
            "CreateResolverEndpoint",
            "ShowResolverEndpoint",
            "ListEndpointIpaddresses",
            "UpdateResolverEndpoint",
            "ListResolverEndpoints",
            "DeleteResolverEndpoint",
        ]);
        // Given only a region, the SDK found the project through IAM; DNS v2.1 paths carry none,
        // so its X-Project-Id header placed every call in the demo account.
        expect(requests[0]).toMatchObject({ api: "iam", method: "GET", path: "/v3/projects", query: "name=cn-north-4", status: 200 });
        expect(new Set(requests.map((r) => r.account))).toEqual(new Set(["demo"]));
        expect(requests.filter((r) => r.status >= 400 && r.status !== 404)).toEqual([]);
        expect(await leftOver("dns")).toEqual([]);
    });

    test("huaweicloudsdkdns: private zone with a tag, ACTIVE, updated, proxy pattern set, tagged, a second VPC associated and disassociated, a VPC of another region associated and disassociated by router_region, disabled and enabled, a record set's lifecycle with a rename, a tag and a pause, deletion", async () => {
        const { observed, requests } = await flow("huawei_dns_zones");
        const net = cloud.account().network;
        expect(observed).toMatchObject({
            created_status: "PENDING_CREATE",
            created_name: "sdk.example.com.",
            created_router: net.clientVpcId,
            status: "ACTIVE",
            ttl: 600,
            record_num: 2,
            updated: 900,
            proxy_pattern: "RECURSIVE",
            zone_tags: ["env=sdk", "team=dns"],
            associate_status: "PENDING_CREATE",
            routers: [net.clientVpcId, net.backendVpcId].sort(),
            associate_other_region: ["cn-south-1", "PENDING_CREATE"],
            routers_with_regions: [`${net.clientVpcId}@cn-north-4`, `${net.backendVpcId}@cn-south-1`].sort(),
            zone_disabled: "DISABLE",
            zone_shown_disabled: "DISABLE",
            associate_while_disabled: 400,
            zone_enabled: "ACTIVE",
            recordset_created_status: "PENDING_CREATE",
            recordsets_listed: [observed.recordset_id],
            recordset_types: ["A", "NS", "SOA"],
            recordset_updated: ["10.0.0.12"],
            recordset_renamed: ["web.sdk.example.com.", "TXT", ["from the SDK"]],
            recordset_tags: ["owner=sdk"],
            recordset_disabled: "DISABLE",
            recordset_shown_disabled: "DISABLE",
            recordset_enabled: "ACTIVE",
            recordset_delete_status: "PENDING_DELETE",
            listed: [observed.id],
            listed_total: 1,
            listed_by_tag: [observed.id],
            delete_status: "PENDING_DELETE",
            deleted: true,
            model_mismatches: [],
        });
        expect(operations(requests)).toEqual([
            "CreatePrivateZone",
            "ShowPrivateZone",
            "UpdatePrivateZone",
            "SetPrivateZoneProxyPattern",
            "BatchCreateTag",
            "ShowResourceTag",
            "AssociateRouter",
            "DisassociateRouter",
            "UpdatePrivateZoneStatus",
            "CreateRecordSet",
            "ShowRecordSet",
            "ListRecordSetsByZone",
            "UpdateRecordSet",
            "SetRecordSetsStatus",
            "DeleteRecordSet",
            "ListPrivateZones",
            "DeletePrivateZone",
        ]);
        expect(new Set(requests.map((r) => r.account))).toEqual(new Set(["demo"]));
        // The one refusal is the association the disabled zone turned down.
        expect(requests.filter((r) => r.status >= 400 && r.status !== 404).map((r) => [r.operation, r.errorCode])).toEqual([["AssociateRouter", "DNS.0305"]]);
        expect(await leftOver("dns")).toEqual([]);
    });

    test("huaweicloudsdkdns: private zones in an enterprise project, each shown with it, listed by project (the default one's without), a malformed id refused, deletion", async () => {
        const { observed, requests } = await flow("huawei_dns_zone_enterprise_project");
        const eps = "2f0c4b3e-5d1a-4c6e-9b7f-0a1b2c3d4e5f";
        expect(observed).toMatchObject({
            shown_project: eps,
            shown_default: "0",
            listed_without_project: [[observed.default_id, "0"]],
            listed_default: [[observed.default_id, "0"]],
            listed_project: [[observed.project_id, eps]],
            malformed: [400, "DNS.0001"],
            deleted: true,
            model_mismatches: [],
        });
        expect(operations(requests)).toEqual(["CreatePrivateZone", "ShowPrivateZone", "ListPrivateZones", "DeletePrivateZone"]);
        // The SDK sent the project as the query parameter the emulator filters by.
        const lists = requests.filter((r) => r.operation === "ListPrivateZones").map((r) => new URLSearchParams(r.query ?? "").get("enterprise_project_id"));
        expect(lists).toEqual([null, "0", eps]);
        expect(requests.filter((r) => r.status >= 400 && r.status !== 404).map((r) => [r.operation, r.errorCode])).toEqual([["CreatePrivateZone", "DNS.0001"]]);
        expect(await leftOver("dns")).toEqual([]);
    });

    test("alibabacloud_privatelink20200415: auto-accepting DualStack cross-region service, allowed user and ARN, protected DualStack endpoint with a policy, cross-region endpoint, GWLB service and endpoint, zone affinity and a CLB service's default connection bandwidth, connections, updates, tags, deletion", async () => {
        const { observed, requests } = await flow("alicloud_privatelink");
        const consumer = cloud.account("consumer") as EmulatorAccount & { alicloud: { accountId: string } };
        const partner = cloud.account("partner") as EmulatorAccount & { alicloud: { accountId: string } };
        expect(observed).toMatchObject({
            service_created_status: "Creating",
            service_status: "Active",
            auto_accept_enabled: true,
            users: [Number(consumer.alicloud.accountId)],
            user_arns: [`acs:ram:*:${partner.alicloud.accountId}:*`],
            users_beside_arns: [],
            protected_enabled: true,
            zone_private_ip_address_count: 1,
            endpoint_business_status: "Normal",
            gwlb_service_type: "GatewayLoadBalancer",
            gwlb_endpoint_type: "GatewayLoadBalancer",
            endpoint_created_status: "Creating",
            endpoint_status: "Active",
            connection_status: "Connected",
            service_address_ip_version: "DualStack",
            service_support_ipv6: true,
            service_regions: ["cn-shanghai"],
            service_regions_after_update: ["cn-beijing"],
            endpoint_address_ip_version: "DualStack",
            policy: { Version: "1", Statement: [{ Effect: "Allow", Action: ["*"], Resource: ["*"], Principal: "*" }] },
            policy_after_update: { Version: "1", Statement: [{ Effect: "Deny", Action: ["oss:DeleteObject"], Resource: ["*"], Principal: "*" }] },
            zones: [{ zone: "cn-hangzhou-h", ip: "172.16.1.77", ipv6: "2408:4005:3f6:ac01::77", status: "Connected" }],
            connections: [{ endpoint_id: observed.endpoint_id, status: "Connected" }],
            endpoint_name: "sdk-endpoint-2",
            endpoint_description: "renamed by the sdk",
            service_description: "updated by the sdk",
            auto_accept_enabled_after_update: false,
            endpoint_tags: ["env=ci"],
            cross_region_offered: [observed.service_id],
            cross_region_without_bandwidth: "MissingParam.CrossRegionBandwidth",
            cross_region_endpoint: { region: "cn-shanghai", service_region: "cn-hangzhou", bandwidth: 200 },
            cross_region_bandwidth_after_update: 300,
            cross_region_listed: [true],
            zone_affinity_enabled: true,
            zone_affinity_enabled_after_update: false,
            // An NLB service takes a default connection bandwidth and does not report it; a CLB service does.
            nlb_connect_bandwidth: null,
            clb_defaults: { connect_bandwidth: 3072, zone_affinity_enabled: false },
            clb_bandwidth_too_high: "IllegalParam.Bandwidth",
            clb_connect_bandwidth: 5120,
            clb_listed_bandwidth: [5120],
            clb_endpoint_bandwidth: 5120,
            deleted: true,
        });
        // Every answer has the field types the SDK's response models declare.
        expect(observed.model_mismatches).toEqual([]);
        expect(operations(requests)).toEqual([
            "CreateVpcEndpointService",
            "GetVpcEndpointServiceAttribute",
            "AddUserToVpcEndpointService",
            "ListVpcEndpointServiceUsers",
            "CreateVpcEndpoint",
            "GetVpcEndpointAttribute",
            "ListVpcEndpointZones",
            "ListVpcEndpointConnections",
            // The cross-region endpoint's calls come here, while the service is offered in cn-shanghai.
            "ListVpcEndpointServicesByEndUser",
            "UpdateVpcEndpointAttribute",
            "ListVpcEndpoints",
            "DeleteVpcEndpoint",
            "UpdateVpcEndpointServiceAttribute",
            "TagResources",
            "UntagResources",
            "ListTagResources",
            "DeleteVpcEndpointService",
            // The CLB service's listing, after the GWLB service's calls.
            "ListVpcEndpointServices",
        ]);
        // The not-found answers the flow waited for are 4xx with the cloud's codes; nothing else failed.
        const refused = requests.filter((r) => r.status >= 400);
        expect(new Set(refused.map((r) => `${r.operation} ${r.errorCode}`))).toEqual(
            new Set([
                "GetVpcEndpointAttribute EndpointNotFound",
                "GetVpcEndpointServiceAttribute EndpointServiceNotFound",
                "CreateVpcEndpoint MissingParam.CrossRegionBandwidth",
                "UpdateVpcEndpointServiceAttribute IllegalParam.Bandwidth",
            ]),
        );
        expect(await leftOver("privatelink")).toEqual([]);
    });
    test("alibabacloud_pvtz20180101: zone, VPC binding, records changed in place, remark and proxy pattern, tags, deletion", async () => {
        const { observed, requests } = await flow("alicloud_pvtz");
        const vpcId = (cloud.account("demo") as EmulatorAccount & { alicloud: { network: { vpcId: string } } }).alicloud.network.vpcId;
        expect(observed).toMatchObject({
            repeated_token_zone: observed.zone_id,
            duplicate_name: "Zone.AlreadyExists",
            record: { rr: "api", value: "172.16.1.11", ttl: 3600, status: "DISABLE", remark: "from the sdk" },
            records: ["@ MX mx.sdk.internal", "api A 172.16.1.11"],
            total_records: 2,
            zone: { name: "sdk.internal", remark: "sdk remark", proxy_pattern: "RECORD", record_count: 2, vpcs: [vpcId] },
            found: [observed.zone_id],
            tags: ["owner=ops", "site=hz", "team=dns"],
            tag_pages: [2, 1, ""],
            reserved_key: "InvalidParameter",
            // Three tags and 18 more: 21, one past a zone's 20.
            too_many_tags: "InvalidParameter",
            zone_tags: ["owner=ops", "site=hz", "team=dns"],
            untagged_all: 0,
            delete_bound: "Zone.VpcExists",
            gone: "Zone.Invalid.Id",
        });
        // Every answer has the field types the SDK's response models declare.
        expect(observed.model_mismatches).toEqual([]);
        // The SDK sends no RegionId of its own: the emulator needs none.
        expect(new Set(requests.filter((r) => r.status >= 400).map((r) => `${r.operation} ${r.errorCode}`))).toEqual(
            new Set(["AddZone Zone.AlreadyExists", "TagResources InvalidParameter", "DeleteZone Zone.VpcExists", "DescribeZoneInfo Zone.Invalid.Id"]),
        );
        expect(await leftOver("pvtz")).toEqual([]);
    });
});
