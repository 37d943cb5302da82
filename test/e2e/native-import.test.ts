/**
 * `pulumi import` of every kind through the native provider plugin, with the real CLI against the
 * emulator: objects another stack made (every one of the thirteen kinds, with what they belong
 * to) come under a second stack's management — one by the import option of `pulumi up` (the
 * import block), the rest by `pulumi import --file` — and the YAML code the CLI generates for them
 * previews with no changes: the inputs read back from each object, its id naming what it belongs
 * to, are the ones its declaration would set. The second stack then manages them for real:
 * `destroy` removes every object from the emulator.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { alicloudAccount, alicloudEnv } from "../../harness/alicloud-env";
import { e2eCloud, pluginPath } from "../helpers/e2e";

const VPCEP = "privatelink:huaweicloud/vpcep";
const DNS = "privatelink:huaweicloud/dns";
const ALI = "privatelink:alicloud/privatelink";

describe("pulumi import through the native provider", () => {
    const e2e = e2eCloud();

    test("every kind, by its id alone, previews empty with the code the CLI generates", async () => {
        const cloud = e2e.cloud();
        const net = cloud.account().network;
        const ali = alicloudAccount(cloud).network;
        const consumer = cloud.account("consumer");
        const env = { ...cloud.huaweiEnv(), ...alicloudEnv(cloud), ...pluginPath() };
        // The endpoint service, as both programs declare it.
        const service = `  svc:
    type: ${VPCEP}:EndpointService
    properties:
      vpcId: ${net.backendVpcId}
      portId: ${net.backendPortId}
      serverType: VM
      approvalEnabled: true
      description: made elsewhere
      ports:
        - clientPort: 80
          serverPort: 8080
      tags:
        team: orders
`;
        const owner = await e2e.program({
            env,
            linkNodeModules: false,
            files: {
                "Pulumi.yaml": `name: made
runtime: yaml
resources:
${service}  perm:
    type: ${VPCEP}:ServicePermission
    properties:
      endpointServiceId: \${svc.id}
      permission: iam:domain::${consumer.domainId}
  ep:
    type: ${VPCEP}:Endpoint
    properties:
      endpointServiceId: \${svc.id}
      vpcId: ${net.clientVpcId}
      subnetId: ${net.clientSubnetId}
      portIp: 10.0.0.50
      description: orders
  approve:
    type: ${VPCEP}:ConnectionApproval
    properties:
      endpointServiceId: \${svc.id}
      endpointId: \${ep.id}
      decision: accept
  out:
    type: ${DNS}:ResolverEndpoint
    properties:
      name: made-out
      direction: outbound
      ipAddresses:
        - subnetId: ${net.clientSubnetId}
          ip: 10.0.0.60
        - subnetId: ${net.clientSubnetId}
          ip: 10.0.0.61
  rule:
    type: ${DNS}:ResolverRule
    properties:
      name: made-rule
      domainName: made.example.com
      endpointId: \${out.id}
      ipAddresses:
        - 10.1.0.53
  assoc:
    type: ${DNS}:ResolverRuleAssociation
    properties:
      resolverRuleId: \${rule.id}
      vpcId: ${net.clientVpcId}
  aliSvc:
    type: ${ALI}:VpcEndpointService
    properties:
      serviceResourceType: slb
      autoAcceptEnabled: false
      serviceDescription: made elsewhere
  aliResH:
    type: ${ALI}:VpcEndpointServiceResource
    properties:
      serviceId: \${aliSvc.id}
      resourceId: ${ali.loadBalancerId}
      resourceType: slb
      zoneId: cn-hangzhou-h
  aliResI:
    type: ${ALI}:VpcEndpointServiceResource
    properties:
      serviceId: \${aliSvc.id}
      resourceId: ${ali.loadBalancerId}
      resourceType: slb
      zoneId: cn-hangzhou-i
  aliUser:
    type: ${ALI}:VpcEndpointServiceUser
    properties:
      serviceId: \${aliSvc.id}
      userId: "${alicloudAccount(cloud, "consumer").accountId}"
  aliEp:
    type: ${ALI}:VpcEndpoint
    properties:
      serviceId: \${aliSvc.id}
      vpcId: ${ali.vpcId}
      securityGroupIds:
        - ${ali.securityGroupIds[0]}
      zones:
        - zoneId: cn-hangzhou-h
          vswitchId: ${ali.vSwitchIds["cn-hangzhou-h"]}
    options:
      dependsOn:
        - \${aliResH}
  aliZone:
    type: ${ALI}:VpcEndpointZone
    properties:
      endpointId: \${aliEp.id}
      zoneId: cn-hangzhou-i
      vswitchId: ${ali.vSwitchIds["cn-hangzhou-i"]}
    options:
      dependsOn:
        - \${aliResI}
  aliConn:
    type: ${ALI}:VpcEndpointConnection
    properties:
      serviceId: \${aliSvc.id}
      endpointId: \${aliEp.id}
`,
            },
        });
        await owner.up();
        const made = (await owner.exportState()).deployment.resources?.filter((r) => r.type.startsWith("privatelink:")) ?? [];
        expect(made).toHaveLength(14);
        const idOf = (name: string) => made.find((r) => r.urn.endsWith(`::${name}`))?.id ?? "";

        // A second program takes them over: the service by the import option of `up`, the rest by
        // `pulumi import --file`, whose generated code then becomes the program.
        const header = "name: taken\nruntime: yaml\n";
        const taker = await e2e.program({
            env,
            linkNodeModules: false,
            files: {
                "Pulumi.yaml": `${header}resources:
${service}    options:
      import: ${idOf("svc")}
`,
            },
        });
        const imported = await taker.up();
        expect(imported.changeSummary.import).toBe(1);
        expect(imported.changeSummary.create ?? 0).toBe(1); // the stack only

        const rest = made.filter((r) => !r.urn.endsWith("::svc"));
        const file = path.join(taker.dir, "import.json");
        fs.writeFileSync(
            file,
            JSON.stringify({
                resources: rest.map((r) => ({ type: r.type, name: r.urn.split("::").pop(), id: r.id })),
            }),
        );
        // An id that names nothing of its kind is refused with the form it must have.
        const badFile = path.join(taker.dir, "bad.json");
        fs.writeFileSync(badFile, JSON.stringify({ resources: [{ type: `${VPCEP}:ServicePermission`, name: "bad", id: idOf("svc") }] }));
        const bad = await taker.run(["import", "--file", badFile, "--yes", "--non-interactive", "--generate-code=false", "--stack", taker.stack]);
        expect(bad.code).not.toBe(0);
        expect(bad.stdout + bad.stderr).toMatch(/is not an id of this resource: its id is <endpointServiceId>\/<permission>/);

        const generated = path.join(taker.dir, "generated.yaml");
        await taker.mustRun(["import", "--file", file, "--out", generated, "--yes", "--non-interactive", "--protect=false", "--stack", taker.stack]);
        const code = fs.readFileSync(generated, "utf8");
        const program = fs.readFileSync(path.join(taker.programDir, "Pulumi.yaml"), "utf8");
        // The generated code is a `resources:` map; its entries join the program's.
        taker.writeFile("Pulumi.yaml", `${program}${code.replace(/^resources:\n/m, "")}`);
        const state = (await taker.exportState()).deployment.resources?.filter((r) => r.type.startsWith("privatelink:")) ?? [];
        expect(state.map((r) => r.id).sort()).toEqual(made.map((r) => r.id).sort());
        await taker.expectNoChanges("preview");
        await taker.expectNoChanges("refresh");

        // Managed for real: an `up` records the generated code's dependencies and changes nothing;
        // destroying the second stack then removes every object, in order.
        const settled = await taker.up();
        for (const op of ["create", "update", "replace", "delete"]) expect(settled.changeSummary[op] ?? 0).toBe(0);
        await taker.destroy();
        for (const type of ["vpcep:endpoint_service", "vpcep:endpoint", "dns:endpoint", "dns:resolver_rule"]) expect(await cloud.resources(type)).toEqual([]);
        expect(await cloud.resources("privatelink:endpoint_service")).toEqual([]);
        expect(await cloud.resources("privatelink:endpoint")).toEqual([]);
    });
});
