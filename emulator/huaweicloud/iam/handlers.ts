import { accounts } from "../../core/accounts";
import type { Handler } from "../../core/api-module";
import type { World } from "../../core/world";
import { iamError } from "./errors";
import { projectToWire, tokenToWire } from "./models";

// POST /v3/auth/tokens   KeystoneCreateUserTokenByPassword
// GET  /v3/projects      KeystoneListProjects

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : undefined);

/** Password-method token issue, scoped to a project by name (= region) or id. */
export function createTokenByPassword(world: World): Handler {
    return (ctx) => {
        let body: Obj | undefined;
        try {
            body = obj(JSON.parse(ctx.req.body.toString("utf8")));
        } catch {
            body = undefined;
        }
        const auth = obj(body?.auth);
        const identity = obj(auth?.identity);
        if (!identity || !Array.isArray(identity.methods) || !identity.methods.includes("password")) {
            throw iamError(400, 'auth.identity.methods must include "password".');
        }
        const user = obj(obj(identity.password)?.user);
        const domain = obj(user?.domain);
        if (
            !user ||
            typeof user.name !== "string" ||
            typeof user.password !== "string" ||
            !domain ||
            (typeof domain.name !== "string" && typeof domain.id !== "string")
        ) {
            throw iamError(400, "auth.identity.password.user needs name, password and domain {name} or {id}.");
        }
        const account = typeof domain.name === "string" ? accounts.byDomainName(domain.name) : accounts.byDomainId(String(domain.id));
        if (!account || account.userName !== user.name || account.password !== user.password) {
            throw iamError(401, "The username or password is wrong.", "IAM.0001");
        }
        const scope = obj(auth?.scope);
        let project: (typeof account.projects)[number] | undefined;
        if (scope) {
            const p = obj(scope.project);
            if (!p) throw iamError(400, "Only project-scoped tokens are issued by the emulator: auth.scope.project {name} or {id}.");
            project = account.projects.find((x) => (typeof p.id === "string" ? x.id === p.id : x.name === p.name));
            if (!project) throw iamError(400, `Project ${String(p.id ?? p.name)} does not exist in domain ${account.domainName}.`);
        }
        const rec = world.tokens.issue(account.name, project?.id, world.now());
        world.markDirty();
        return { status: 201, headers: { "X-Subject-Token": rec.token }, body: tokenToWire(rec, account, project), logAccount: account.name };
    };
}

/** The caller's projects, filtered by `name` (how clients map a region to a project id). */
export const listProjects: Handler = (ctx) => {
    const account = ctx.principal.account!;
    const name = ctx.req.query.get("name");
    const projects = account.projects.filter((p) => name === null || p.name === name);
    return { status: 200, body: { projects: projects.map((p) => projectToWire(p, account)), links: { self: null, previous: null, next: null } } };
};
