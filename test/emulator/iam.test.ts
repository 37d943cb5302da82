import { DEMO, type Emu, startTestEmulator } from "./helpers";

let now = Date.now();
let emu: Emu;
beforeAll(async () => {
    emu = await startTestEmulator({ now: () => now });
});
afterAll(() => emu.close());

describe("IAM POST /v3/auth/tokens", () => {
    test("issues a project-scoped token in X-Subject-Token with a 24 h expiry", async () => {
        const r = await emu.token();
        expect(r.status).toBe(201);
        expect(r.token).toMatch(/^MII/);
        expect(r.body.token.project).toEqual({ id: DEMO.projectId, name: "cn-north-4", domain: { id: DEMO.domainId, name: "demo" } });
        expect(r.body.token.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
        expect(Date.parse(r.body.token.expires_at) - Date.parse(r.body.token.issued_at)).toBe(24 * 3600 * 1000);
    });

    test("scopes by project id as well as by name", async () => {
        const r = await emu.token("demo-user", "demo-password", "demo", { project: { id: DEMO.projectId } });
        expect(r.status).toBe(201);
        expect(r.body.token.project.id).toBe(DEMO.projectId);
    });

    test.each([
        ["a wrong password", "demo-user", "nope", "demo", 401],
        ["an unknown user", "ghost", "demo-password", "demo", 401],
        ["a user of another domain", "demo-user", "demo-password", "consumer", 401],
    ])("answers 401 for %s", async (_w, user, pw, domain, status) => {
        const r = await emu.token(user, pw, domain);
        expect(r.status).toBe(status);
        expect(r.token).toBeNull();
        expect(r.body.error.code).toBe(401);
    });

    test("answers 400 for an unknown project and a malformed body", async () => {
        expect((await emu.token("demo-user", "demo-password", "demo", { project: { name: "eu-west-0" } })).status).toBe(400);
        expect((await emu.raw("/v3/auth/tokens", { method: "POST", body: "{" })).status).toBe(400);
    });

    test("a token authenticates VPCEP calls on its own project only", async () => {
        const { token } = await emu.token();
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services", { token: token! })).status).toBe(200);
        const other = await emu.hw(DEMO, "GET", "/v1/a0000000000000000000000000000002/vpc-endpoints", { token: token! });
        expect(other.status).toBe(403);
    });

    test("an unknown token gets 401 APIGW.0301", async () => {
        const r = await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services", { token: "MIIbogus" });
        expect(r.status).toBe(401);
        expect(r.body.error_code).toBe("APIGW.0301");
    });

    test("a token expires after 24 hours of emulator time", async () => {
        const { token } = await emu.token();
        now += 24 * 3600 * 1000 + 1;
        const r = await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services", { token: token! });
        expect(r.status).toBe(401);
        expect(r.body.error_msg).toMatch(/expired/);
    });

    test("GET /v3/projects?name= maps a region to the project id (AK/SK)", async () => {
        now = Date.now();
        const r = await emu.hw(DEMO, "GET", "/v3/projects", { query: { name: "cn-north-4" } });
        expect(r.status).toBe(200);
        expect(r.body.projects.map((p: { id: string }) => p.id)).toEqual([DEMO.projectId]);
    });

    test("token issue is logged under api iam with the account", async () => {
        await emu.token();
        const log = await emu.control("GET", "requests");
        const last = log.body.requests.filter((x: { api: string }) => x.api === "iam").pop();
        expect(last).toMatchObject({
            api: "iam",
            operation: "KeystoneCreateUserTokenByPassword",
            account: "demo",
            status: 201,
            method: "POST",
            path: "/v3/auth/tokens",
        });
    });
});
