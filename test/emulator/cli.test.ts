import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

test("the CLI prints `emulator listening on http://127.0.0.1:PORT` first, then the demo credentials", async () => {
    // Runs the TypeScript entry through ts-node (transpile only), so no build is needed.
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", join(root, "emulator", "cli.ts"), "--port", "0", "--timings", "fast"], {
        cwd: root,
        env: { ...process.env, TS_NODE_PROJECT: join(root, "tsconfig.json") },
    });
    const exited = once(child, "exit");
    let out = "";
    const done = new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (d: Buffer) => {
            out += d.toString();
            if (out.includes("secret key emulator-consumer-secret-key-0002")) resolve();
        });
        child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    try {
        await done;
        const lines = out.split("\n");
        const m = /^emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(lines[0]!);
        expect(m).not.toBeNull();
        const url = m![1]!;
        expect(lines).toContain(`control: ${url}/_emulator/info`);
        expect(out).toContain("EMUDEMOACCESSKEY0001");
        // The printed port is where this process answers, as the emulator (its info lists the APIs
        // it serves and the demo account)…
        const info = await fetch(`${url}/_emulator/info`);
        expect(info.status).toBe(200);
        const body = (await info.json()) as { apis: string[]; accounts: Array<{ accessKey: string }> };
        expect(body.apis).toEqual(expect.arrayContaining(["iam", "vpcep", "dns", "privatelink"]));
        expect(body.accounts.map((a) => a.accessKey)).toContain("EMUDEMOACCESSKEY0001");
        // …and nothing answers there once this process has stopped: the socket was its own.
        child.kill("SIGTERM");
        await exited.catch(() => undefined);
        await expect(fetch(`${url}/_emulator/info`)).rejects.toThrow();
    } finally {
        child.kill("SIGTERM");
    }
}, 60000);
