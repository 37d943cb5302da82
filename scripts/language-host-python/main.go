// Command pulumi-language-python is a small Python language host for the Pulumi engine.
//
// The upstream Python host (github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python) is a
// Go module of its own without tags that the module proxy serves, so it cannot be built here, and
// the `pulumi` wheel on PyPI does not carry the script it runs programs with. This host implements
// the part of the protocol that `pulumi preview/up/refresh/destroy` of a Python program needs, on
// the sdk/v3 Go module the CLI is built from, with upstream's own Python toolchain package
// (sdk/v3/python/toolchain) to find the Python to run:
//
//   - Run: starts `python pulumi-language-python-exec --monitor … --engine … <program>` (the
//     runner beside this binary, which does what upstream's exec script does) with the stack config
//     in PULUMI_CONFIG / PULUMI_CONFIG_SECRET_KEYS, and reports the exit status back to the engine.
//     The arguments, the environment and the exit codes are upstream's contract, read from
//     sdk/python/cmd/pulumi-language-python/main.go (constructArguments, constructConfig, Run) at
//     v3.259.0.
//   - GetRequiredPlugins / GetRequiredPackages: none; the engine loads a resource plugin the
//     program uses (pulumi-resource-privatelink on PATH) when the program registers its first
//     resource of that package.
//   - GetPluginInfo, GetProgramDependencies, About: informational answers.
//
// Everything else answers Unimplemented, which the engine handles. What it shares with the Node.js
// host (serving, the engine's health, running a program) is scripts/language-host-shared.
//
// Which Python runs the program:
//
//   - when Pulumi.yaml sets `runtime.options.virtualenv` or `runtime.options.toolchain`, the one
//     upstream's host would use (that virtualenv, or pip/poetry/uv as named);
//   - else the virtualenv named by PULUMI_PRIVATELINK_PYTHON_VENV, which scripts/setup.sh creates
//     once per machine in its cache with the `pulumi` package of the CLI's version;
//   - else python3 (or python) on PATH, as upstream does without options.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/pulumi/pulumi/sdk/v3/python/toolchain"

	"pulumi-privatelink/toolchain/languagehost"
)

// The runner this host starts, installed beside it (upstream's name for its exec script).
const runnerName = "pulumi-language-python-exec"

// The environment variable naming the virtualenv programs without options run in.
const venvVariable = "PULUMI_PRIVATELINK_PYTHON_VENV"

func main() {
	engineAddress := languagehost.EngineAddress(os.Args[1:])
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-python: could not find its own executable: %v\n", err)
		os.Exit(1)
	}
	runner := filepath.Join(filepath.Dir(self), runnerName)
	if _, err := os.Stat(runner); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-python: the runner %s is missing beside the host (run bash scripts/setup.sh)\n", runner)
		os.Exit(1)
	}
	languagehost.Serve("pulumi-language-python", engineAddress, &languageHost{runner: runner, engineAddress: engineAddress})
}

type languageHost struct {
	languagehost.Base
	runner        string
	engineAddress string
}

func (h *languageHost) GetRequiredPlugins(context.Context, *pulumirpc.GetRequiredPluginsRequest) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *languageHost) GetRequiredPackages(context.Context, *pulumirpc.GetRequiredPackagesRequest) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

// python resolves the Python a program runs with (see the package comment for the order).
func python(info *pulumirpc.ProgramInfo) (toolchain.Toolchain, error) {
	root, programDir := info.GetRootDirectory(), info.GetProgramDirectory()
	options := info.GetOptions().AsMap()
	opts, err := parseOptions(root, programDir, options)
	if err != nil {
		return nil, err
	}
	_, hasVenv := options["virtualenv"]
	_, hasToolchain := options["toolchain"]
	if hasVenv || hasToolchain {
		tc, err := toolchain.ResolveToolchain(opts)
		if err != nil {
			return nil, err
		}
		if err := tc.ValidateVenv(context.Background()); err != nil {
			return nil, err
		}
		return tc, nil
	}
	if venv := os.Getenv(venvVariable); venv != "" {
		if !toolchain.IsVirtualEnv(venv) {
			return nil, fmt.Errorf("%s: %q is not a virtualenv (it has no bin/python); run bash scripts/setup.sh to create it", venvVariable, venv)
		}
		return toolchain.ResolveToolchain(toolchain.PythonOptions{Root: root, ProgramDir: programDir, Virtualenv: venv, Toolchain: toolchain.Pip})
	}
	if _, _, err := toolchain.CommandPath(); err != nil {
		return nil, fmt.Errorf("no Python found: neither %s nor python3/python on PATH (%v); install Python 3 and run bash scripts/setup.sh", venvVariable, err)
	}
	return toolchain.ResolveToolchain(toolchain.PythonOptions{Root: root, ProgramDir: programDir, Toolchain: toolchain.Pip})
}

// parseOptions reads `runtime.options` as upstream's parseOptions does (virtualenv, toolchain),
// and refuses what this host does not do (typechecker) instead of skipping it silently.
func parseOptions(root, programDir string, options map[string]any) (toolchain.PythonOptions, error) {
	opts := toolchain.PythonOptions{Root: root, ProgramDir: programDir}
	if v, ok := options["virtualenv"]; ok {
		s, isString := v.(string)
		if !isString {
			return opts, fmt.Errorf("runtime.options.virtualenv: %v is not a string", v)
		}
		opts.Virtualenv = s
	}
	if v, ok := options["toolchain"]; ok {
		switch v {
		case "pip":
			opts.Toolchain = toolchain.Pip
		case "poetry":
			opts.Toolchain = toolchain.Poetry
		case "uv":
			opts.Toolchain = toolchain.Uv
		default:
			return opts, fmt.Errorf("runtime.options.toolchain: %v is not one of pip, poetry, uv", v)
		}
	}
	if _, ok := options["typechecker"]; ok {
		return opts, errors.New("runtime.options.typechecker: this language host does not run type checkers; remove the option and run mypy or pyright yourself")
	}
	return opts, nil
}

func (h *languageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	tc, err := python(req.GetInfo())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	// The program: the entry point (`main` in Pulumi.yaml, "." by default) in the program directory.
	program := req.GetProgram()
	if info := req.GetInfo(); info != nil && info.ProgramDirectory != "" {
		program = filepath.Join(info.ProgramDirectory, info.EntryPoint)
	}
	if program == "" {
		program = "."
	}

	// Upstream's constructArguments: flags with underscores, dry_run as a word, the program last.
	args := []string{h.runner}
	add := func(k, v string) {
		if v != "" {
			args = append(args, "--"+k, v)
		}
	}
	add("monitor", req.GetMonitorAddress())
	add("engine", h.engineAddress)
	add("project", req.GetProject())
	add("root_directory", req.GetInfo().GetRootDirectory())
	add("stack", req.GetStack())
	add("pwd", req.GetPwd())
	add("dry_run", strconv.FormatBool(req.GetDryRun()))
	add("parallel", strconv.Itoa(int(req.GetParallel())))
	add("organization", req.GetOrganization())
	args = append(args, program)
	args = append(args, req.GetArgs()...)

	cmd, err := tc.Command(ctx, args...)
	if err != nil {
		return &pulumirpc.RunResponse{Error: "could not find the Python to run the program with: " + err.Error()}, nil
	}
	env := cmd.Env
	if env == nil {
		env = os.Environ()
	}
	config, err := languagehost.ConfigEnv(req, false)
	if err != nil {
		return nil, err
	}
	cmd.Env = append(env, config...)
	cmd.Dir = req.GetPwd()
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	return h.RunProgram(cmd, cmd.Path, "program exited with non-zero exit code: %d"), nil
}

func (h *languageHost) GetProgramDependencies(ctx context.Context, req *pulumirpc.GetProgramDependenciesRequest) (*pulumirpc.GetProgramDependenciesResponse, error) {
	tc, err := python(req.GetInfo())
	if err != nil {
		return nil, err
	}
	packages, err := tc.ListPackages(ctx, req.GetTransitiveDependencies())
	if err != nil {
		return nil, fmt.Errorf("could not list the Python packages: %w", err)
	}
	deps := make([]*pulumirpc.DependencyInfo, 0, len(packages))
	for _, p := range packages {
		deps = append(deps, &pulumirpc.DependencyInfo{Name: p.Name, Version: p.Version})
	}
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}

func (h *languageHost) About(ctx context.Context, req *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	tc, err := python(req.GetInfo())
	if err != nil {
		return nil, err
	}
	info, err := tc.About(ctx)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.AboutResponse{
		Executable: info.PythonExecutable,
		Version:    info.PythonVersion.String(),
		Metadata:   map[string]string{"host": "pulumi-privatelink language host", "os": runtime.GOOS},
	}, nil
}
