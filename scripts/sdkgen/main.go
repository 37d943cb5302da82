// Command sdkgen writes the package's SDKs for Node.js, Python and Go from its schema, with the
// code generators the Pulumi CLI's language hosts run for `pulumi package gen-sdk`. This project's
// Node.js language host does not implement GeneratePackage, and the other hosts would be plugins to
// install, so the generators are called here directly, offline:
//
//	sdkgen -schema schema.json -out sdks
//
// writes sdks/nodejs, sdks/python and sdks/go, each folder emptied first. Names, import paths and
// the version come from the schema (its `language` section and `version`). The .NET SDK has a
// generator of its own (scripts/sdkgen-dotnet), on an older pkg/v3. scripts/sdks/generator.ts
// builds both and runs them (`npm run sdks`); test/docs/sdks.test.ts regenerates into a temporary
// folder and compares. docs/languages.md says how each SDK is used.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"golang.org/x/mod/modfile"
)

// pulumiGoSDK is the Go SDK's module, which the generated Go SDK's go.mod requires.
const pulumiGoSDK = "github.com/pulumi/pulumi/sdk/v3"

// language is one SDK: its folder under the output and the generator the language host would run
// (named after that host, which each generated file's header names).
type language struct {
	dir      string
	generate func(pkg *schema.Package) (map[string][]byte, error)
}

var languages = []language{
	{"nodejs", func(pkg *schema.Package) (map[string][]byte, error) {
		return nodejs.GeneratePackage("pulumi-language-nodejs", pkg, nil, nil, false, offline{})
	}},
	{"python", func(pkg *schema.Package) (map[string][]byte, error) {
		files, err := python.GeneratePackage("pulumi-language-python", pkg, nil, offline{})
		if err != nil {
			return nil, err
		}
		return files, readmeBesidePyproject(files)
	}},
	{"go", func(pkg *schema.Package) (map[string][]byte, error) {
		files, err := gogen.GeneratePackage("pulumi-language-go", pkg, nil)
		if err != nil {
			return nil, err
		}
		return files, pinPulumiGoSDK(files)
	}},
}

// offline is the schema loader: the package refers to no other package, and a reference to one
// would need a plugin, which this generator never starts.
type offline struct{}

func (offline) refused(name string) error {
	return fmt.Errorf("the schema refers to the package %q: sdkgen loads no other package (no plugins, no network)", name)
}

func (l offline) LoadPackage(pkg string, _ *semver.Version) (*schema.Package, error) {
	return nil, l.refused(pkg)
}

func (l offline) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, l.refused(d.Name)
}

func (l offline) LoadPackageReference(pkg string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, l.refused(pkg)
}

func (l offline) LoadPackageReferenceV2(_ context.Context, d *schema.PackageDescriptor) (schema.PackageReference, error) {
	return nil, l.refused(d.Name)
}

// bind reads the schema and binds it, validating it as the CLI does before it generates an SDK.
// Each language gets a package of its own: the generators record their options in it.
func bind(spec schema.PackageSpec) (*schema.Package, error) {
	pkg, diags, err := schema.BindSpec(spec, offline{}, schema.ValidationOptions{})
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("the schema does not bind: %w", diags)
	}
	return pkg, nil
}

// pinPulumiGoSDK makes the Go SDK's go.mod require the Pulumi Go SDK this generator is built with
// (the version the project pins everywhere, scripts/versions.sh) instead of the generator's own
// default, so that it resolves from the same module cache as everything else.
func pinPulumiGoSDK(files map[string][]byte) error {
	text, ok := files["go.mod"]
	if !ok {
		return errors.New("the Go generator wrote no go.mod: the schema needs supportPack")
	}
	version := ""
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			if d.Path == pulumiGoSDK {
				version = d.Version
			}
		}
	}
	if version == "" {
		return fmt.Errorf("%s is not among the generator's own dependencies", pulumiGoSDK)
	}
	mod, err := modfile.Parse("go.mod", text, nil)
	if err != nil {
		return err
	}
	if err := mod.AddRequire(pulumiGoSDK, version); err != nil {
		return err
	}
	files["go.mod"], err = mod.Format()
	return err
}

// readmeBesidePyproject copies the Python package's README (the schema's python `readme`) beside
// pyproject.toml. The generator writes the README into the package folder only, while the
// pyproject.toml it writes names `readme = "README.md"` beside itself (pkg/v3 codegen/python,
// genPyprojectTOML): without the copy, setuptools warns that the file cannot be found and the
// distribution has an empty description. Upstream providers copy it in their build; here the
// generator does, so the committed folder installs as it is.
func readmeBesidePyproject(files map[string][]byte) error {
	if _, ok := files["pyproject.toml"]; !ok {
		return errors.New("the Python generator wrote no pyproject.toml: the schema's python language section needs pyproject.enabled")
	}
	for name, text := range files {
		// The package folder's README: one folder deep (pulumi_privatelink/README.md).
		dir, base := path.Split(filepath.ToSlash(name))
		if base == "README.md" && strings.Count(dir, "/") == 1 {
			files["README.md"] = text
			return nil
		}
	}
	return errors.New("the Python generator wrote no README.md in the package folder")
}

// write replaces a folder's contents with the files, in a stable order.
func write(dir string, files map[string][]byte) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

func run() error {
	schemaFile := flag.String("schema", "schema.json", "the package schema")
	out := flag.String("out", "sdks", "the folder that receives one folder per language")
	flag.Parse()

	text, err := os.ReadFile(*schemaFile)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(text, &spec); err != nil {
		return fmt.Errorf("%s: %w", *schemaFile, err)
	}
	for _, lang := range languages {
		pkg, err := bind(spec)
		if err != nil {
			return err
		}
		files, err := lang.generate(pkg)
		if err != nil {
			return fmt.Errorf("%s: %w", lang.dir, err)
		}
		if err := write(filepath.Join(*out, lang.dir), files); err != nil {
			return fmt.Errorf("%s: %w", lang.dir, err)
		}
		fmt.Printf("wrote %s (%d files)\n", filepath.Join(*out, lang.dir), len(files))
	}
	return nil
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "sdkgen: %v\n", err)
		os.Exit(1)
	}
}
