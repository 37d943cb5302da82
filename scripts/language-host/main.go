// Command pulumi-language-nodejs is a small Node.js language host for the Pulumi engine.
//
// The Pulumi CLI runs a program through a "language host": a gRPC server (LanguageRuntime) that
// the engine starts, asks to Run the program, and stops. The upstream Node.js host is published
// as a Go module without tags that the module proxy serves, so it cannot be built here; this host
// implements the part of the protocol that `pulumi preview/up/refresh/destroy` of a Node.js
// program needs, on the same sdk/v3 Go module the CLI is built from:
//
//   - Run: starts `node <@pulumi/pulumi/cmd/run> --monitor … --engine … <program>` with the
//     stack config in PULUMI_CONFIG / PULUMI_CONFIG_SECRET_KEYS, exactly the contract that
//     @pulumi/pulumi's run script reads, and reports the exit status back to the engine.
//   - GetRequiredPlugins / GetRequiredPackages: the resource plugins that packages under
//     node_modules declare with `"pulumi": {"resource": true}` (dynamic providers need none).
//   - GetPluginInfo, GetProgramDependencies, About: informational answers.
//
// Everything else answers Unimplemented, which the engine handles (it falls back or reports the
// operation as unsupported by this host). What it shares with the Python host (serving, the
// engine's health, running a program) is scripts/language-host-shared.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-privatelink/toolchain/languagehost"
)

func main() {
	engineAddress := languagehost.EngineAddress(os.Args[1:])
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		fmt.Fprintln(os.Stderr, "pulumi-language-nodejs: could not find node on the PATH")
		os.Exit(1)
	}
	languagehost.Serve("pulumi-language-nodejs", engineAddress, &languageHost{nodeBin: nodeBin, engineAddress: engineAddress})
}

type languageHost struct {
	languagehost.Base
	nodeBin       string
	engineAddress string
}

// programDir is the directory whose node_modules hold the program's packages.
func programDir(info *pulumirpc.ProgramInfo, program string) string {
	if info != nil && info.ProgramDirectory != "" {
		return info.ProgramDirectory
	}
	if program != "" {
		return program
	}
	wd, _ := os.Getwd()
	return wd
}

func (h *languageHost) GetRequiredPlugins(_ context.Context, req *pulumirpc.GetRequiredPluginsRequest) (*pulumirpc.GetRequiredPluginsResponse, error) {
	plugins, err := resourcePlugins(programDir(req.GetInfo(), req.GetProgram()))
	if err != nil {
		return nil, err
	}
	return &pulumirpc.GetRequiredPluginsResponse{Plugins: plugins}, nil
}

func (h *languageHost) GetRequiredPackages(_ context.Context, req *pulumirpc.GetRequiredPackagesRequest) (*pulumirpc.GetRequiredPackagesResponse, error) {
	plugins, err := resourcePlugins(programDir(req.GetInfo(), ""))
	if err != nil {
		return nil, err
	}
	packages := make([]*pulumirpc.PackageDependency, 0, len(plugins))
	for _, p := range plugins {
		packages = append(packages, &pulumirpc.PackageDependency{Name: p.Name, Kind: p.Kind, Version: p.Version, Server: p.Server})
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: packages}, nil
}

type packageJSON struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Pulumi  struct {
		Resource bool   `json:"resource"`
		Name     string `json:"name"`
		Version  string `json:"version"`
		Server   string `json:"server"`
	} `json:"pulumi"`
}

// resourcePlugins lists the packages in the node_modules folders from dir up to the root that
// declare a resource plugin. A package found twice counts once.
func resourcePlugins(dir string) ([]*pulumirpc.PluginDependency, error) {
	seen := map[string]bool{}
	var out []*pulumirpc.PluginDependency
	for d := dir; ; d = filepath.Dir(d) {
		modules := filepath.Join(d, "node_modules")
		entries, _ := os.ReadDir(modules)
		for _, e := range entries {
			candidates := []string{filepath.Join(modules, e.Name())}
			if strings.HasPrefix(e.Name(), "@") {
				scoped, _ := os.ReadDir(candidates[0])
				candidates = candidates[:0]
				for _, s := range scoped {
					candidates = append(candidates, filepath.Join(modules, e.Name(), s.Name()))
				}
			}
			for _, c := range candidates {
				raw, err := os.ReadFile(filepath.Join(c, "package.json"))
				if err != nil {
					continue
				}
				var pkg packageJSON
				if json.Unmarshal(raw, &pkg) != nil || !pkg.Pulumi.Resource {
					continue
				}
				name := pkg.Pulumi.Name
				if name == "" {
					name = strings.TrimPrefix(strings.TrimPrefix(pkg.Name, "@pulumi/"), "@")
				}
				v := pkg.Pulumi.Version
				if v == "" {
					v = pkg.Version
				}
				if !strings.HasPrefix(v, "v") {
					v = "v" + v
				}
				if seen[name] {
					continue
				}
				seen[name] = true
				out = append(out, &pulumirpc.PluginDependency{Name: name, Kind: "resource", Version: v, Server: pkg.Pulumi.Server})
			}
		}
		if parent := filepath.Dir(d); parent == d {
			break
		}
	}
	return out, nil
}

// locateRunScript resolves @pulumi/pulumi/cmd/run from the program's directory, the way Node
// itself would resolve the program's own `require("@pulumi/pulumi")`.
func (h *languageHost) locateRunScript(dir string) (string, error) {
	if p := os.Getenv("PULUMI_LANGUAGE_NODEJS_RUN_PATH"); p != "" {
		return p, nil
	}
	cmd := exec.Command(h.nodeBin, "-e", "process.stdout.write(require.resolve('@pulumi/pulumi/cmd/run'))")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", errors.New("it looks like the Pulumi SDK has not been installed: @pulumi/pulumi cannot be resolved from " + dir + " (run npm install)")
	}
	return strings.TrimSpace(string(out)), nil
}

func (h *languageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	dir := programDir(req.GetInfo(), req.GetPwd())
	runPath, err := h.locateRunScript(dir)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	program := "."
	if info := req.GetInfo(); info != nil && info.ProgramDirectory != "" {
		program = info.ProgramDirectory
		if info.EntryPoint != "" && info.EntryPoint != "." {
			program = filepath.Join(info.ProgramDirectory, info.EntryPoint)
		}
	} else if req.GetProgram() != "" {
		program = req.GetProgram()
	}

	args := []string{runPath}
	add := func(k, v string) {
		if v != "" {
			args = append(args, "--"+k, v)
		}
	}
	add("monitor", req.GetMonitorAddress())
	add("engine", h.engineAddress)
	add("organization", req.GetOrganization())
	add("root-directory", req.GetInfo().GetRootDirectory())
	add("project", req.GetProject())
	add("stack", req.GetStack())
	add("pwd", req.GetPwd())
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	if req.GetQueryMode() {
		args = append(args, "--query-mode")
	}
	add("parallel", fmt.Sprint(req.GetParallel()))
	args = append(args, program)
	args = append(args, req.GetArgs()...)

	// The run script expects an object, never null.
	config, err := languagehost.ConfigEnv(req, true)
	if err != nil {
		return nil, err
	}
	env := append(os.Environ(), config...)
	// Runtime options from Pulumi.yaml (`runtime.options`), as the run script reads them;
	// TypeScript is on unless a program turns it off.
	typescript := true
	if opts := req.GetInfo().GetOptions(); opts != nil {
		if v, ok := opts.AsMap()["typescript"].(bool); ok {
			typescript = v
		}
		if v, ok := opts.AsMap()["tsconfig"].(string); ok && v != "" {
			env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+v)
		}
	}
	env = append(env, fmt.Sprintf("PULUMI_NODEJS_TYPESCRIPT=%t", typescript))

	cmd := exec.CommandContext(ctx, h.nodeBin, args...)
	cmd.Dir = req.GetPwd()
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	cmd.Env = env
	return h.RunProgram(cmd, "node", "Program exited with non-zero exit code: %d"), nil
}

func (h *languageHost) GetProgramDependencies(_ context.Context, req *pulumirpc.GetProgramDependenciesRequest) (*pulumirpc.GetProgramDependenciesResponse, error) {
	dir := programDir(req.GetInfo(), req.GetProgram())
	raw, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return &pulumirpc.GetProgramDependenciesResponse{}, nil
	}
	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	_ = json.Unmarshal(raw, &pkg)
	var deps []*pulumirpc.DependencyInfo
	for name, v := range pkg.Dependencies {
		deps = append(deps, &pulumirpc.DependencyInfo{Name: name, Version: v})
	}
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}

func (h *languageHost) About(context.Context, *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	out, _ := exec.Command(h.nodeBin, "--version").Output()
	return &pulumirpc.AboutResponse{
		Executable: h.nodeBin,
		Version:    strings.TrimSpace(string(out)),
		Metadata:   map[string]string{"host": "pulumi-privatelink language host", "os": runtime.GOOS},
	}, nil
}
