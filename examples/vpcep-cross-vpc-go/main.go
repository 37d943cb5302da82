// Command vpcep-cross-vpc-go is the walkthrough "connect a VPC endpoint to an endpoint service
// across VPCs" in Go.
//
// A backend server in one VPC is published as an endpoint service; clients in another VPC reach it
// through an endpoint with a private domain name. The resources and the lookup are the Go SDK's
// (module github.com/pulumi-privatelink/pulumi-privatelink/sdks/go, taken from sdks/go by the
// replace directive in go.mod: see README.md); the native provider plugin
// (pulumi-resource-privatelink, found on PATH) serves them.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	"github.com/pulumi-privatelink/pulumi-privatelink/sdks/go/privatelink"
	"github.com/pulumi-privatelink/pulumi-privatelink/sdks/go/privatelink/huaweicloud/vpcep"
)

// orDefault is a config value, or def when it is unset.
func orDefault(cfg *config.Config, key, def string) string {
	if v := cfg.Get(key); v != "" {
		return v
	}
	return def
}

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		tags := pulumi.StringMap{"example": pulumi.String("vpcep-cross-vpc-go")}

		service, err := vpcep.NewEndpointService(ctx, "backend", &vpcep.EndpointServiceArgs{
			VpcId:           pulumi.String(cfg.Require("backendVpcId")),
			PortId:          pulumi.String(cfg.Require("backendPortId")),
			ServerType:      vpcep.EndpointServiceServerTypeVM,
			ServiceName:     pulumi.String("backend"),
			Ports:           vpcep.EndpointServicePortEntryArray{vpcep.EndpointServicePortEntryArgs{ClientPort: pulumi.Int(8080), ServerPort: pulumi.Int(80)}},
			ApprovalEnabled: pulumi.Bool(false),
			Description:     pulumi.String(orDefault(cfg, "serviceDescription", "backend web server")),
			Tags:            tags,
		})
		if err != nil {
			return err
		}

		// The clients' side through a provider of its own: another account's credentials would go
		// here. Settings it leaves unset are read from the environment (HW_ACCESS_KEY,
		// HW_PROJECT_ID, ...), as the default provider reads all of them.
		consumer, err := privatelink.NewProvider(ctx, "consumer", &privatelink.ProviderArgs{
			HuaweicloudRegion: pulumi.String(orDefault(cfg, "consumerRegion", "cn-north-4")),
		})
		if err != nil {
			return err
		}

		endpoint, err := vpcep.NewEndpoint(ctx, "client", &vpcep.EndpointArgs{
			EndpointServiceId: service.ID(),
			VpcId:             pulumi.String(cfg.Require("clientVpcId")),
			SubnetId:          pulumi.String(cfg.Require("clientSubnetId")),
			PortIp:            pulumi.String(orDefault(cfg, "endpointIp", "10.0.0.200")),
			EnableDns:         pulumi.Bool(true),
			Tags:              tags,
		}, pulumi.Provider(consumer))
		if err != nil {
			return err
		}

		// The service as a lookup sees it (the plugin answers through Invoke, as for any language).
		found := vpcep.LookupEndpointServiceOutput(ctx, vpcep.LookupEndpointServiceOutputArgs{ServiceId: service.ID()})

		ctx.Export("serviceId", service.ID())
		ctx.Export("serviceName", service.ServiceName)
		ctx.Export("serviceStatus", service.Status)
		ctx.Export("endpointId", endpoint.ID())
		ctx.Export("endpointIp", endpoint.Ip)
		// Computed in Go: the first of the endpoint's DNS names.
		ctx.Export("endpointDnsName", endpoint.DnsNames.ApplyT(func(names []string) *string {
			if len(names) == 0 {
				return nil
			}
			return &names[0]
		}).(pulumi.StringPtrOutput))
		ctx.Export("endpointStatus", endpoint.Status)
		ctx.Export("foundStatus", found.Status())
		return nil
	})
}
