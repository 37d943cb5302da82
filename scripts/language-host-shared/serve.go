// Package languagehost holds what this project's language hosts (scripts/language-host for
// Node.js, scripts/language-host-python) share: reading the engine's address from their
// arguments, serving the LanguageRuntime protocol with the port on stdout, stopping the programs
// they run when the engine is gone, and running a program with the engine's exit-code contract.
// scripts/pulumi-build.sh copies it into the wrapper module beside the hosts.
package languagehost

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

var engineAddressPattern = regexp.MustCompile(`^[A-Za-z0-9.\-\[\]:]+:[0-9]+$`)

// EngineAddress is the engine's address among a host's arguments. The engine passes flags
// (-root DIR, -tracing URL, …) and the address as the last positional argument. Only the address
// is needed; unknown flags are tolerated so that newer engines that pass more flags keep working.
func EngineAddress(args []string) string {
	var address string
	for _, a := range args {
		if engineAddressPattern.MatchString(a) {
			address = a
		}
	}
	return address
}

// Host is a language host: the protocol it serves, and a way to stop the programs it runs.
type Host interface {
	pulumirpc.LanguageRuntimeServer
	StopPrograms()
}

// Base is what each host's LanguageRuntime embeds: Unimplemented for what a host does not serve
// (the engine falls back or reports the operation as unsupported), its plugin info, and the
// programs it runs.
type Base struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	Programs
}

// GetPluginInfo answers the version the CLI was built with (stamped by scripts/pulumi-build.sh).
func (*Base) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

// Serve serves host to the engine at engineAddress until the engine stops it, and exits the
// process on failure; name begins its messages on stderr.
func Serve(name, engineAddress string, host Host) {
	// A CLI killed outright (a cancelled CI job) never stops its plugins. Pulumi's own plugins check
	// the engine every five minutes; this host checks it every two seconds and, when it is gone,
	// stops the program it runs and exits, so that nothing keeps running (or calling the cloud).
	if engineAddress != "" {
		ctx, engineGone := context.WithCancel(context.Background())
		if err := rpcutil.Healthcheck(ctx, engineAddress, 2*time.Second, engineGone); err == nil {
			go func() {
				<-ctx.Done()
				fmt.Fprintf(os.Stderr, "%s: the Pulumi engine is gone; stopping the program\n", name)
				host.StopPrograms()
				os.Exit(1)
			}()
		}
	}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: could not start the RPC server: %v\n", name, err)
		os.Exit(1)
	}
	// The engine reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		os.Exit(1)
	}
}
