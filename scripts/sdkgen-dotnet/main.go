// Command sdkgen-dotnet writes the package's .NET SDK from its schema with the C# generator of
// github.com/pulumi/pulumi/pkg/v3 v3.228.0, the last release of that module that carried it
// (codegen/dotnet; from v3.229.0 it is part of the .NET language host, github.com/pulumi/pulumi-dotnet,
// whose Go module the module proxy does not serve). It is a module of its own because the other
// SDKs' generator (scripts/sdkgen) builds on the pkg/v3 version the project pins everywhere, and one
// module can hold only one version of pkg/v3:
//
//	sdkgen-dotnet -schema schema.json -out sdks/dotnet
//
// empties the folder first. Names, namespaces and the version come from the schema (its `language`
// section and `version`). scripts/sdks/generator.ts builds this program and runs it after
// scripts/sdkgen (`npm run sdks`); test/docs/sdks.test.ts regenerates into a temporary folder and
// compares. docs/languages.md says how the SDK is used.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/dotnet"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// offline is the schema loader: the package refers to no other package, and a reference to one
// would need a plugin, which this generator never starts.
type offline struct{}

func (offline) refused(name string) error {
	return fmt.Errorf("the schema refers to the package %q: sdkgen-dotnet loads no other package (no plugins, no network)", name)
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
func bind(file string) (*schema.Package, error) {
	text, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(text, &spec); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	pkg, diags, err := schema.BindSpec(spec, offline{}, schema.ValidationOptions{})
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("%s does not bind: %w", file, diags)
	}
	return pkg, nil
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
	out := flag.String("out", filepath.Join("sdks", "dotnet"), "the folder that receives the .NET SDK")
	flag.Parse()

	pkg, err := bind(*schemaFile)
	if err != nil {
		return err
	}
	// The generator fetches the NuGet package's icon over HTTP: the schema's logoUrl, else a Pulumi
	// logo on GitHub. Generating stays offline: the icon is this program's own (logo.go), and a
	// logoUrl in the schema is refused rather than answered with a different image.
	if pkg.LogoURL != "" {
		return fmt.Errorf("%s: logoUrl %q: sdkgen-dotnet fetches nothing, and writes its own logo only when the schema names none", *schemaFile, pkg.LogoURL)
	}
	http.DefaultClient.Transport = logoOnly{}
	files, err := dotnet.GeneratePackage("pulumi-language-dotnet", pkg, nil, nil)
	if err != nil {
		return err
	}
	if _, ok := files["logo.png"]; !ok {
		return errors.New("the .NET generator wrote no logo.png, which its project file packs as the icon")
	}
	if err := write(*out, files); err != nil {
		return err
	}
	fmt.Printf("wrote %s (%d files)\n", *out, len(files))
	return nil
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "sdkgen-dotnet: %v\n", err)
		os.Exit(1)
	}
}
