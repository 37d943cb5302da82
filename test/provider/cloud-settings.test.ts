/** The declared provider settings are the ones docs/configuration.md tells users about, and the ones read and warned about. */
import * as fs from "node:fs";
import * as path from "node:path";
import { CLOUD_SETTINGS } from "../../provider/config/cloud-settings";
import { settingsOf } from "../../provider/config/settings";
import { setStackConfig } from "../../provider/config/stack-config";
import { SECRET_CONFIG_KEYS } from "../../provider/config/warnings";

interface Documented {
    env: string[];
    secret: boolean;
}

/**
 * The settings in docs/configuration.md's tables, by `<namespace>:<key>`. A row names one key with
 * its variables (`alicloud:region` | `ALIBABA_CLOUD_REGION_ID`, `ALICLOUD_REGION`), or several
 * keys with one variable each, in order; `(secret)` follows a credential's key.
 */
function documented(): Map<string, Documented> {
    const text = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "configuration.md"), "utf8");
    const out = new Map<string, Documented>();
    for (const row of text.split("\n").filter((l) => /^\| `\w+:\w+`/.test(l))) {
        const [keysCell = "", envCell = ""] = row.split(" | ");
        const keys = [...keysCell.matchAll(/`(\w+:\w+)`( \(secret\))?/g)].map((m) => ({ key: m[1]!, secret: m[2] !== undefined }));
        const env = [...envCell.matchAll(/`(\w+)`/g)].map((m) => m[1]!);
        keys.forEach(({ key, secret }, i) => {
            out.set(key, { env: keys.length === 1 ? env : [env[i]!], secret });
        });
    }
    return out;
}

describe("provider settings", () => {
    const declared = new Map(
        Object.entries(CLOUD_SETTINGS).flatMap(([namespace, settings]) =>
            Object.entries(settings).map(([key, s]) => [`${namespace}:${key}`, { env: [...s.env], secret: s.secret === true }] as const),
        ),
    );

    test("the declared settings are exactly the documented ones, with the same variables and secrecy", () => {
        expect(Object.fromEntries(declared)).toEqual(Object.fromEntries(documented()));
    });

    test("the credentials warned about in plain text are the declared secrets", () => {
        const secrets = [...declared].filter(([, s]) => s.secret).map(([k]) => k);
        expect(Object.values(SECRET_CONFIG_KEYS).flat().sort()).toEqual(secrets.sort());
    });

    test("a declared setting is read from the stack config first, then from its variables in order", () => {
        const settings = settingsOf("alicloud", CLOUD_SETTINGS.alicloud!);
        const saved = { a: process.env.ALIBABA_CLOUD_REGION_ID, b: process.env.ALICLOUD_REGION };
        try {
            delete process.env.ALIBABA_CLOUD_REGION_ID;
            process.env.ALICLOUD_REGION = "cn-shanghai";
            expect(settings.get("region")).toBe("cn-shanghai");
            process.env.ALIBABA_CLOUD_REGION_ID = "cn-beijing";
            expect(settings.get("region")).toBe("cn-beijing");
            setStackConfig({ get: (k) => (k === "alicloud:region" ? "cn-hangzhou" : undefined) });
            expect(settings.get("region")).toBe("cn-hangzhou");
        } finally {
            setStackConfig({ get: () => undefined });
            for (const [k, v] of [
                ["ALIBABA_CLOUD_REGION_ID", saved.a],
                ["ALICLOUD_REGION", saved.b],
            ] as const)
                if (v === undefined) delete process.env[k];
                else process.env[k] = v;
        }
    });
});
