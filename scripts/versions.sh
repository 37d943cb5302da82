# Pinned toolchain versions. Changing one rebuilds (or reinstalls) it into a new cache entry.
NODE_VERSION=24.21.0          # Node.js 24 LTS, installed from the npm registry's `node` package
PULUMI_VERSION=v3.259.0       # Pulumi CLI, built from the Go modules pkg/v3 and sdk/v3
PULUMI_MIN_VERSION=3.259.0    # a `pulumi` already on PATH is used when at least this recent
PULUMI_YAML_VERSION=v1.25.0   # the YAML language host (github.com/pulumi/pulumi-yaml), for YAML programs
VERSITYGW_VERSION=v1.8.0      # the S3 state server for tests on an S3 backend (github.com/versity/versitygw, Apache-2.0)
