import type { ResourceImpl } from "./impl";

/**
 * Resource kinds the runtime can serve, each loaded on first use. A kind string is written into
 * the state of every resource of that kind (inside the serialized stub), so a kind, once
 * published, is never renamed or removed.
 */
export const kinds: Record<string, () => ResourceImpl> = {
    "privatelink:testing:Echo": () => require("../testing/echo").echoImpl,
};
