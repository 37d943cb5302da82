// Command pulumi-language-go is a small Go language host for the Pulumi engine.
//
// The upstream Go host (github.com/pulumi/pulumi/sdk/go/pulumi-language-go/v3) is a Go module of
// its own that the module proxy refuses (403 "This module version is not available", for v3.259.0
// and for its version list), so it cannot be built here. This host implements the part of the
// protocol that `pulumi preview/up/refresh/destroy` of a Go program needs, on the sdk/v3 Go module
// the CLI is built from, following upstream's sdk/go/pulumi-language-go/main.go at v3.259.0
// (compileProgram, runProgram, Run, constructEnv):
//
//   - Run: `go build -o <temporary file>` in the program directory (a Go module: its go.mod is
//     there), then runs that binary in the working directory the engine names, with the run's
//     settings in the environment variables the Go SDK reads, and reports its exit back to the
//     engine. With `runtime.options.binary` in Pulumi.yaml it runs that prebuilt executable instead
//     of building; with `runtime.options.buildTarget` it builds to that path and keeps the binary.
//   - GetRequiredPlugins / GetRequiredPackages: none; the engine loads a resource plugin the
//     program uses (pulumi-resource-privatelink on PATH) when the program registers its first
//     resource of that package.
//   - GetPluginInfo, GetProgramDependencies (go.mod's requirements), About (`go version`).
//
// Everything else answers Unimplemented, which the engine handles. What it shares with the Node.js
// and Python hosts (serving, the engine's health, running a program) is
// scripts/language-host-shared.
package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"golang.org/x/mod/modfile"

	"pulumi-privatelink/toolchain/languagehost"
)

func main() {
	engineAddress := languagehost.EngineAddress(os.Args[1:])
	languagehost.Serve("pulumi-language-go", engineAddress, &languageHost{engineAddress: engineAddress})
}

type languageHost struct {
	languagehost.Base
	engineAddress string
}

func (h *languageHost) GetRequiredPlugins(context.Context, *pulumirpc.GetRequiredPluginsRequest) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *languageHost) GetRequiredPackages(context.Context, *pulumirpc.GetRequiredPackagesRequest) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

// options are the Go runtime's options in Pulumi.yaml (`runtime.options`), upstream's
// goOptions: a prebuilt executable to run, or where to keep the binary the host builds.
type options struct {
	binary      string
	buildTarget string
}

// parseOptions reads `runtime.options` as upstream's parseOptions does; a key it does not know is
// refused, naming it, rather than skipped.
func parseOptions(raw map[string]any) (options, error) {
	var o options
	for key, value := range raw {
		s, isString := value.(string)
		switch key {
		case "binary", "buildTarget":
			if !isString {
				return o, fmt.Errorf("runtime.options.%s: %v is not a string", key, value)
			}
		default:
			return o, fmt.Errorf("runtime.options.%s: not an option of the Go runtime (it has binary and buildTarget)", key)
		}
		if key == "binary" {
			o.binary = s
		} else {
			o.buildTarget = s
		}
	}
	if o.binary != "" && o.buildTarget != "" {
		return o, fmt.Errorf("runtime.options: binary %q and buildTarget %q cannot both be set (binary runs a prebuilt program, buildTarget names where to build one)", o.binary, o.buildTarget)
	}
	return o, nil
}

// programDir is where the program's go.mod is: the program directory the engine names (the
// folder of Pulumi.yaml, or its `main`), else the working directory.
func programDir(info *pulumirpc.ProgramInfo, pwd string) string {
	if info != nil && info.ProgramDirectory != "" {
		return info.ProgramDirectory
	}
	return pwd
}

// build runs `go build -o out` in dir. Its output goes to the engine as the host's own output;
// a failure's error carries the compiler's messages (the last 4 KB of them), so that the
// engine's diagnostic shows why.
func build(dir, out string) error {
	goBin, err := exec.LookPath("go")
	if err != nil {
		return fmt.Errorf("could not find go on the PATH to build the program in %s: install Go 1.25 or later", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		return fmt.Errorf("%s has no go.mod: a Go program is a module (go mod init <name> there)", dir)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(goBin, "build", "-o", out)
	cmd.Dir = dir
	cmd.Stdout = os.Stdout
	cmd.Stderr = &stderr
	runErr := cmd.Run()
	os.Stderr.Write(stderr.Bytes())
	if runErr != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 4096 {
			msg = "…" + msg[len(msg)-4096:]
		}
		return fmt.Errorf("go build in %s failed (%v):\n%s", dir, runErr, msg)
	}
	return nil
}

func (h *languageHost) Run(_ context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	opts, err := parseOptions(req.GetInfo().GetOptions().AsMap())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	env, err := h.environment(req)
	if err != nil {
		return nil, err
	}
	dir := programDir(req.GetInfo(), req.GetPwd())

	var program string
	switch {
	case opts.binary != "":
		// Upstream looks the name up on PATH; a path with a separator is taken relative to the
		// program directory, where Pulumi.yaml names it from.
		program = opts.binary
		if strings.ContainsRune(program, os.PathSeparator) {
			if !filepath.IsAbs(program) {
				program = filepath.Join(dir, program)
			}
		} else if program, err = exec.LookPath(opts.binary); err != nil {
			return &pulumirpc.RunResponse{Error: fmt.Sprintf("runtime.options.binary: %q is not an executable on the PATH", opts.binary)}, nil
		}
	case opts.buildTarget != "":
		program = opts.buildTarget
		if !filepath.IsAbs(program) {
			program = filepath.Join(dir, program)
		}
		if err := build(dir, program); err != nil {
			return &pulumirpc.RunResponse{Error: err.Error()}, nil
		}
	default:
		// As upstream: a temporary file, removed after the run. `go build` reuses the compiled
		// packages from the Go build cache, so a rebuild of an unchanged program is a link, about 2 s.
		tmp, err := os.MkdirTemp("", "pulumi-go-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(tmp)
		program = filepath.Join(tmp, "program")
		if err := build(dir, program); err != nil {
			return &pulumirpc.RunResponse{Error: err.Error()}, nil
		}
	}

	cmd := exec.Command(program, req.GetArgs()...)
	cmd.Dir = req.GetPwd()
	cmd.Env = env
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	// The Go SDK's pulumi.Run exits 32 (constant.ExitStatusLoggedError) after it has sent its error
	// to the engine; RunProgram answers Bail for that, as upstream's runProgram does.
	return h.RunProgram(cmd, program, "program exited with non-zero exit code: %d"), nil
}

// environment is the program's environment: the host's, and the run's settings under the names
// the Go SDK reads them from (sdk/v3 go/pulumi/run.go at v3.259.0: getEnvInfo and the Env*
// constants, which this refers to by name), each left out when empty, as upstream's constructEnv
// does. PULUMI_CONFIG is the config as a JSON object; PULUMI_CONFIG_SECRET_KEYS a JSON array ("[]"
// when there are none: upstream's constructConfigSecretKeys).
func (h *languageHost) environment(req *pulumirpc.RunRequest) ([]string, error) {
	env := os.Environ()
	add := func(k, v string) {
		if v != "" {
			env = append(env, k+"="+v)
		}
	}
	config, err := languagehost.ConfigEnv(req, false)
	if err != nil {
		return nil, err
	}
	env = append(env, config...)
	add(pulumi.EnvOrganization, req.GetOrganization())
	add(pulumi.EnvProject, req.GetProject())
	add(pulumi.EnvPulumiRootDirectory, req.GetInfo().GetRootDirectory())
	add(pulumi.EnvStack, req.GetStack())
	add(pulumi.EnvDryRun, strconv.FormatBool(req.GetDryRun()))
	add(pulumi.EnvParallel, strconv.Itoa(int(req.GetParallel())))
	add(pulumi.EnvMonitor, req.GetMonitorAddress())
	add(pulumi.EnvEngine, h.engineAddress)
	return env, nil
}

// GetProgramDependencies lists go.mod's requirements (the indirect ones when asked for the
// transitive dependencies), a replaced module without a version, as upstream does.
func (h *languageHost) GetProgramDependencies(_ context.Context, req *pulumirpc.GetProgramDependenciesRequest) (*pulumirpc.GetProgramDependenciesResponse, error) {
	path := filepath.Join(programDir(req.GetInfo(), req.GetPwd()), "go.mod")
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	mod, err := modfile.Parse(path, text, nil)
	if err != nil {
		return nil, err
	}
	replaced := map[string]bool{}
	for _, r := range mod.Replace {
		replaced[r.Old.Path] = true
	}
	deps := make([]*pulumirpc.DependencyInfo, 0, len(mod.Require))
	for _, r := range mod.Require {
		if r.Indirect && !req.GetTransitiveDependencies() {
			continue
		}
		version := r.Mod.Version
		if replaced[r.Mod.Path] {
			version = ""
		}
		deps = append(deps, &pulumirpc.DependencyInfo{Name: r.Mod.Path, Version: version})
	}
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}

func (h *languageHost) About(ctx context.Context, _ *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		return nil, fmt.Errorf("could not find go on the PATH: %w", err)
	}
	out, err := exec.CommandContext(ctx, goBin, "version").Output()
	if err != nil {
		return nil, fmt.Errorf("%s version: %w", goBin, err)
	}
	return &pulumirpc.AboutResponse{
		Executable: goBin,
		Version:    strings.TrimSpace(string(out)),
		Metadata:   map[string]string{"host": "pulumi-privatelink language host", "os": runtime.GOOS},
	}, nil
}
