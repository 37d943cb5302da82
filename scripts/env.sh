# Source after scripts/setup.sh: puts Node >= 22, the Pulumi CLI, the language hosts and the
# dynamic-provider shim on PATH, and sets Pulumi's offline settings (without overriding a
# setting the user already made).
_pl_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_pl_cache="${PULUMI_PRIVATELINK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-privatelink}"
source "$_pl_cache/env-$(echo "$_pl_root" | sha256sum | cut -c1-12).sh"
# The dynamic-provider shim (pulumi-resource-pulumi-nodejs) sits beside the CLI; the copy at the root
# of @pulumi/pulumi comes last on PATH as a fallback.
export PATH="$PRIVATELINK_NODE_BIN:$PRIVATELINK_PULUMI_BIN:$PRIVATELINK_HOST_BIN:${PRIVATELINK_YAML_BIN:+$PRIVATELINK_YAML_BIN:}${PRIVATELINK_PYTHON_HOST_BIN:+$PRIVATELINK_PYTHON_HOST_BIN:}${PRIVATELINK_GO_HOST_BIN:+$PRIVATELINK_GO_HOST_BIN:}${PRIVATELINK_S3_BIN:+$PRIVATELINK_S3_BIN:}$_pl_root/node_modules/.bin:$PATH:$_pl_root/node_modules/@pulumi/pulumi"
export PULUMI_SKIP_UPDATE_CHECK=true
# The virtualenv (with the `pulumi` package) that the Python language host runs programs in when
# their Pulumi.yaml names none; a setting the user made wins.
if [[ -n "${PRIVATELINK_PYTHON_VENV:-}" ]]; then export PULUMI_PRIVATELINK_PYTHON_VENV="${PULUMI_PRIVATELINK_PYTHON_VENV:-$PRIVATELINK_PYTHON_VENV}"; fi
# Node's on-disk compile cache: the program's and the dynamic provider's Node processes load
# @pulumi/pulumi (and this package) from cached bytecode, 0.1-0.2 s less each on every command.
export NODE_COMPILE_CACHE="${NODE_COMPILE_CACHE:-$_pl_cache/node-compile-cache}"
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK="${PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK:-true}"
# A local file backend inside the project and a passphrase secrets provider, unless set already.
export PULUMI_BACKEND_URL="${PULUMI_BACKEND_URL:-file://$_pl_root/.pulumi-state}"
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE-}"
export PULUMI_PRIVATELINK_ROOT="$_pl_root"
mkdir -p "$_pl_root/.pulumi-state"
unset _pl_root _pl_cache
