/**
 * Lookups run in the program process, where no engine `configure` call hands over the stack
 * config: they read the same `huaweicloud:*` / `alicloud:*` settings from the program's own
 * config (secrets arrive decrypted, as the engine gives them to the program), so resources and
 * lookups see one configuration.
 */
import * as pulumi from "@pulumi/pulumi";
import { setStackConfig, stackConfigSet } from "../config/stack-config";

export function useProgramConfig(): void {
    if (stackConfigSet()) return;
    setStackConfig({ get: (key) => pulumi.runtime.getConfig(key) });
}
