// The two Pulumi programs of the fleet, run inline (in the fleet's own process, no program process
// per stack), their resources declared by type token and served by the native provider plugin:
//
// - the shared stack: the service every environment connects to (a VPC endpoint service) and the
//   outbound DNS resolver endpoint the environments' forwarding rules leave through;
// - one stack per environment: a VPC endpoint to the shared service, a DNS resolver rule that
//   forwards the environment's domain to the on-premises resolvers, and the rule's association
//   with the environment's VPC — three cloud objects, and the usual shape of a team's environment.
import * as pulumi from "@pulumi/pulumi";
import type { PulumiFn } from "@pulumi/pulumi/automation";

/** Where the fleet's objects go: the network the platform team gave it. */
export interface Network {
    /** The VPC and its port (a server's NIC) behind the shared service. */
    backendVpcId: string;
    backendPortId: string;
    /** The VPC and subnet the environments' endpoints and the resolver endpoint live in. */
    clientVpcId: string;
    clientSubnetId: string;
    /** The on-premises DNS servers the environments' domains are forwarded to. */
    onPremisesResolvers: string[];
}

/** One environment as the fleet's environments file (or `--stacks N`) describes it. */
export interface Environment {
    /** The stack's name, such as `team-07`. */
    name: string;
    /** The endpoint's address in the client subnet. */
    endpointIp: string;
    /** The domain forwarded to the on-premises resolvers; default `<name>.corp.example.com`. */
    domain?: string;
}

/** What the shared stack exports and the environments use. */
export interface Shared {
    serviceId: string;
    resolverEndpointId: string;
}

const T = {
    service: "privatelink:huaweicloud/vpcep:EndpointService",
    endpoint: "privatelink:huaweicloud/vpcep:Endpoint",
    resolverEndpoint: "privatelink:huaweicloud/dns:ResolverEndpoint",
    rule: "privatelink:huaweicloud/dns:ResolverRule",
    association: "privatelink:huaweicloud/dns:ResolverRuleAssociation",
};

/** A resource of the native provider, declared by its type token (CustomResource is abstract in its typings only). */
class Declared extends pulumi.CustomResource {}

/** A resource by its type token, with the outputs the program reads declared (as a generated SDK's class does). */
function resource(token: string, name: string, inputs: pulumi.Inputs, outputs: string[], opts?: pulumi.CustomResourceOptions) {
    const props: pulumi.Inputs = { ...inputs };
    for (const o of outputs) props[o] = undefined;
    return new Declared(token, name, props, opts) as Declared & Record<string, pulumi.Output<any>>;
}

export function sharedProgram(net: Network): PulumiFn {
    return async () => {
        const service = resource(
            T.service,
            "shared-service",
            { vpcId: net.backendVpcId, portId: net.backendPortId, serverType: "VM", ports: [{ clientPort: 443, serverPort: 8443 }], approvalEnabled: false },
            ["serviceName"],
        );
        const resolver = resource(
            T.resolverEndpoint,
            "outbound",
            { name: "fleet-outbound", direction: "outbound", ipAddresses: [{ subnetId: net.clientSubnetId }, { subnetId: net.clientSubnetId }] },
            [],
        );
        return { serviceId: service.id, serviceName: service.serviceName, resolverEndpointId: resolver.id };
    };
}

export function environmentProgram(env: Environment, shared: Shared, net: Network): PulumiFn {
    return async () => {
        const tags = { environment: env.name, fleet: "privatelink" };
        const endpoint = resource(
            T.endpoint,
            "service",
            { endpointServiceId: shared.serviceId, vpcId: net.clientVpcId, subnetId: net.clientSubnetId, portIp: env.endpointIp, tags },
            ["status", "ip"],
        );
        const rule = resource(
            T.rule,
            "corporate",
            {
                name: `${env.name}-corp`,
                domainName: env.domain ?? `${env.name}.corp.example.com`,
                endpointId: shared.resolverEndpointId,
                ipAddresses: net.onPremisesResolvers,
            },
            ["status"],
        );
        resource(T.association, "corporate-vpc", { resolverRuleId: rule.id, vpcId: net.clientVpcId }, []);
        return { endpointId: endpoint.id, endpointIp: endpoint.ip, endpointStatus: endpoint.status, ruleId: rule.id };
    };
}
