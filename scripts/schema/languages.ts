/**
 * What each language's SDK is called, and where it lives: the package schema's `language` section,
 * which the code generators read (scripts/sdkgen writes the SDKs into sdks/<language>). Chosen once
 * here; docs/languages.md shows them in use. Renaming one renames a published package: a user's
 * imports change.
 */

/**
 * The repository path the Go module is named under. package.json names no repository, so this is
 * the project's choice, and the Go SDK is used from a checkout through a `replace` directive until
 * the repository is published there (docs/languages.md).
 */
export const GO_REPOSITORY = "github.com/pulumi-privatelink/pulumi-privatelink";

/** The names of the generated SDKs, one per language. */
export const SDK_NAMES = {
    /** The npm package: scoped under the project's name, beside the dynamic-resource package `pulumi-privatelink`. */
    nodejs: "@pulumi-privatelink/sdk",
    /** The Python distribution and its import name. */
    python: "pulumi_privatelink",
    /** The Go module (sdks/go in the repository) and the import path of its one package. */
    goModule: `${GO_REPOSITORY}/sdks/go`,
    goImport: `${GO_REPOSITORY}/sdks/go/privatelink`,
    /** The .NET root namespace; the package's namespace under it is `Sdk`, so the NuGet package and assembly are `PulumiPrivateLink.Sdk`. */
    dotnetRoot: "PulumiPrivateLink",
    dotnetPackage: "Sdk",
} as const;

/**
 * The .NET namespace of each cloud and cloud API module, in the clouds' own capitalisation. The
 * generator would otherwise write `Huaweicloud` for the cloud's folder beside `HuaweiCloud/Vpcep`:
 * two folders that differ only in case, one folder on macOS and Windows.
 */
const DOTNET_NAMESPACES: Record<string, string> = {
    huaweicloud: "HuaweiCloud",
    alicloud: "AliCloud",
    "huaweicloud/vpcep": "HuaweiCloud.Vpcep",
    "huaweicloud/dns": "HuaweiCloud.Dns",
    "alicloud/privatelink": "AliCloud.PrivateLink",
    "alicloud/pvtz": "AliCloud.Pvtz",
};

/**
 * The Python distribution's README (its PyPI page, `pip show`): what it is and how to install it
 * from the npm package, which carries the SDK in sdks/python (docs/languages.md). The generator
 * writes it into the package folder; scripts/sdkgen puts a copy beside pyproject.toml, which names
 * it there.
 */
export const PYTHON_README = `# ${SDK_NAMES.python}

Typed Python classes and functions for the resources and lookups of pulumi-privatelink: Huawei
Cloud VPC endpoints and DNS resolver endpoints, Alibaba Cloud PrivateLink. The native provider
plugin \`pulumi-resource-privatelink\` serves them; it must be on \`PATH\`.

Both come in the npm package \`pulumi-privatelink\`; installed from it, nothing else is downloaded
but this SDK's own dependencies (\`pulumi\`, \`parver\`, \`semver\`):

\`\`\`sh
npm install pulumi-privatelink
export PATH="$PWD/node_modules/.bin:$PATH"
pip install ./node_modules/pulumi-privatelink/sdks/python
\`\`\`

\`\`\`python
import pulumi_privatelink as privatelink

service = privatelink.huaweicloud.vpcep.EndpointService("backend", vpc_id=vpc_id, port_id=port_id,
    server_type="VM", ports=[{"client_port": 8080, "server_port": 80}])
\`\`\`
`;

/** The schema's `language` section. */
export function languageSection(pkg: string, modules: readonly string[]) {
    // Each module and the modules it nests in (`huaweicloud/vpcep` in `huaweicloud`).
    const nested = modules.flatMap((m) => m.split("/").map((_, i, parts) => parts.slice(0, i + 1).join("/")));
    const unnamed = [...new Set(nested)].filter((m) => !(m in DOTNET_NAMESPACES));
    if (unnamed.length) throw new Error(`the module(s) ${unnamed.join(", ")} have no .NET namespace in scripts/schema/languages.ts`);
    return {
        nodejs: { packageName: SDK_NAMES.nodejs },
        python: { packageName: SDK_NAMES.python, pyproject: { enabled: true }, readme: PYTHON_README },
        // respectSchemaVersion: the Go generator writes the schema's version into the SDK (its
        // internal.SdkVersion) only when asked; without it a Go program's resources and providers
        // name no plugin version, where the other SDKs ask for the plugin of their own version.
        go: { importBasePath: SDK_NAMES.goImport, modulePath: SDK_NAMES.goModule, generateResourceContainerTypes: true, respectSchemaVersion: true },
        csharp: {
            rootNamespace: SDK_NAMES.dotnetRoot,
            namespaces: { [pkg]: SDK_NAMES.dotnetPackage, ...DOTNET_NAMESPACES },
        },
    };
}
