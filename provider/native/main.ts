/** The plugin's entry (`pulumi-resource-privatelink`): serves the resource provider protocol. */
import * as nodeModule from "node:module";

// Node's on-disk compile cache (Node >= 22.1): the engine starts the plugin on every command, and
// from the second start on its code loads from cached bytecode. `NODE_COMPILE_CACHE` chooses the
// folder (scripts/env.sh sets it), else Node's default. Turned on before the server is loaded
// (hence the dynamic import), since it applies to what is loaded afterwards. A cache only: where
// it cannot be written, nothing changes.
try {
    (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
} catch {
    // no compile cache on this Node
}

import("./server")
    .then(({ main }) => main())
    .catch((e) => {
        console.error(e);
        process.exit(1);
    });
