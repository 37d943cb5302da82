import type * as pulumi from "@pulumi/pulumi";

/** One port mapping of an endpoint service. */
export interface PortMapping {
    /** The port endpoints connect to (1–65535). */
    clientPort: number;
    /** The port the backend listens on (1–65535). */
    serverPort: number;
    /** `TCP` (the default). */
    protocol?: "TCP";
}

/** Inputs of {@link EndpointService}. */
export interface EndpointServiceArgs {
    /** The VPC of the backend resource (a UUID). Changing it replaces the service. */
    vpcId: pulumi.Input<string>;
    /**
     * The backend: for `serverType: "VM"` the NIC (port) id of the server, for `"VIP"` the virtual
     * IP's port id, for `"LB"` the load balancer's port id. Updates in place.
     */
    portId: pulumi.Input<string>;
    /** The kind of backend: `VM`, `VIP` or `LB`. Changing it replaces the service. */
    serverType: pulumi.Input<"VM" | "VIP" | "LB">;
    /**
     * Port mappings, 1 to 200, none repeated; their order does not matter. If several services share
     * a `portId`, each (serverPort, protocol) must be unique across them. Updates in place.
     */
    ports: pulumi.Input<pulumi.Input<PortMapping>[]>;
    /**
     * A short name (up to 16 letters, digits, `_` or `-`); the cloud completes it as
     * `{region}.{serviceName}.{id}` in the `serviceName` output. Updates in place.
     */
    serviceName?: pulumi.Input<string>;
    /** `interface` (the default). Changing it replaces the service. */
    serviceType?: pulumi.Input<"interface">;
    /**
     * Whether the owner must approve each endpoint's connection (see `ConnectionApproval`).
     * The API's default is `true`. Updates in place.
     */
    approvalEnabled?: pulumi.Input<boolean>;
    /** Up to 512 characters, without `<` or `>`. Updates in place. */
    description?: pulumi.Input<string>;
    /**
     * How client information (source IP, port, marker id) reaches the backend: `close` (the
     * default), `toa_open`, `proxy_open` or `open` (both). Updates in place.
     */
    tcpProxy?: pulumi.Input<"close" | "toa_open" | "proxy_open" | "open">;
    /** The backend's IPv4 address, for VLAN scenarios. Updates in place. */
    ip?: pulumi.Input<string>;
    /** `ipv4` or `ipv6` (professional services only). Changing it replaces the service. */
    ipVersion?: pulumi.Input<"ipv4" | "ipv6">;
    /**
     * Accounts allowed to connect: an account (domain) id, `iam:domain::<id>`,
     * `organizations:orgPath::<path>`, or `*` for everyone. Order does not matter. Manage a
     * service's permissions either here or with `ServicePermission` resources, not both.
     * The owner's own account is always allowed. Updates in place.
     */
    permissions?: pulumi.Input<pulumi.Input<string>[]>;
    /** Up to 10 tags; keys 1–36 and values 0–43 characters, without `=*<>\,|/`. Updates in place. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** The region, when not the provider's (`huaweicloud:region`). Changing it replaces the service. */
    region?: pulumi.Input<string>;
    /** The project, when not the provider's (`huaweicloud:projectId`). Changing it replaces the service. */
    projectId?: pulumi.Input<string>;
    /** Time limits ("10m", "90s") for creation, update and deletion. Default 10 minutes each. */
    timeouts?: pulumi.Input<{ create?: string; update?: string; delete?: string }>;
    /**
     * The id of an existing endpoint service to manage instead of creating one. `pulumi up` checks
     * that its replace-only inputs match and updates the others in place.
     */
    adopt?: pulumi.Input<string>;
}
