/** The plugin's entry (`pulumi-resource-privatelink`): serves the resource provider protocol. */
import { main } from "./server";

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
