/**
 * `npm run demo`: the cross-VPC walkthrough (examples/vpcep-cross-vpc, the root Pulumi.yaml) with
 * the real Pulumi CLI against the local emulator.
 *
 * 1. starts the emulator in the background with a state file in .emulator/ (or reuses the one
 *    a previous demo started), so the demo's resources outlive this command;
 * 2. points a local stack `demo` (state in .pulumi-state/) at it through stack config — the same
 *    keys a real cloud account uses;
 * 3. runs `pulumi up`, prints the outputs, and shows that a second preview has nothing to do.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..");
const stack = process.env.DEMO_STACK ?? "demo";
const emuDir = path.join(root, ".emulator");
const urlFile = path.join(emuDir, "url");

function pulumi(args: string[], opts: { quiet?: boolean; allowFail?: boolean; capture?: boolean } = {}): { code: number; stdout: string } {
    const r = spawnSync("pulumi", [...args, "--cwd", root], {
        stdio: opts.capture ? ["ignore", "pipe", "inherit"] : opts.quiet ? "ignore" : "inherit",
        env: process.env,
        encoding: "utf8",
    });
    const code = r.status ?? 1;
    if (code !== 0 && !opts.allowFail) {
        console.error(`\ndemo: 'pulumi ${args.join(" ")}' failed (exit ${code})`);
        process.exit(code);
    }
    return { code, stdout: r.stdout ?? "" };
}

async function emulatorInfo(url: string): Promise<any | undefined> {
    try {
        const res = await fetch(`${url}/_emulator/info`, { signal: AbortSignal.timeout(2000) });
        return res.ok ? await res.json() : undefined;
    } catch {
        return undefined;
    }
}

/** The running demo emulator's URL, starting one when none answers. */
async function ensureEmulator(): Promise<string> {
    fs.mkdirSync(emuDir, { recursive: true });
    const previous = fs.existsSync(urlFile) ? fs.readFileSync(urlFile, "utf8").trim() : "";
    if (previous && (await emulatorInfo(previous))) {
        console.log(`demo: reusing the emulator at ${previous}`);
        return previous;
    }
    const log = path.join(emuDir, "emulator.log");
    const out = fs.openSync(log, "w");
    const child = spawn(
        process.execPath,
        [path.join(root, "dist/emulator/cli.js"), "--port", "0", "--state-file", path.join(emuDir, "state.json"), "--timings", "demo"],
        {
            detached: true,
            stdio: ["ignore", out, out],
        },
    );
    child.unref();
    for (let i = 0; i < 100; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const url = /emulator listening on (http:\/\/\S+)/.exec(fs.readFileSync(log, "utf8"))?.[1];
        if (url && (await emulatorInfo(url))) {
            fs.writeFileSync(urlFile, url);
            fs.writeFileSync(path.join(emuDir, "pid"), String(child.pid));
            console.log(`demo: started the emulator at ${url} (pid ${child.pid}, log ${path.relative(root, log)})`);
            return url;
        }
    }
    throw new Error(`the emulator did not start; see ${log}`);
}

async function main(): Promise<void> {
    const url = await ensureEmulator();
    const info = await emulatorInfo(url);
    const demo = info.accounts.find((a: any) => a.name === "demo");
    const net = demo.network;

    if (pulumi(["stack", "select", stack], { quiet: true, allowFail: true }).code !== 0) {
        pulumi(["stack", "init", stack, "--non-interactive"]);
    }
    const set = (key: string, value: string, secret = false) =>
        pulumi(["config", "set", "--stack", stack, key, value, secret ? "--secret" : "--plaintext"], { quiet: true });
    // Exactly what a real account needs, pointed at the emulator.
    set("huaweicloud:region", demo.projects[0].region);
    set("huaweicloud:projectId", demo.projects[0].id);
    set("huaweicloud:accessKey", demo.accessKey);
    set("huaweicloud:secretKey", demo.secretKey, true);
    set("huaweicloud:endpoints", JSON.stringify({ vpcep: url, iam: url, dns: url }));
    set("backendVpcId", net.backendVpcId);
    set("backendPortId", net.backendPortId);
    set("clientVpcId", net.clientVpcId);
    set("clientSubnetId", net.clientSubnetId);

    console.log(`\ndemo: pulumi up on stack '${stack}' (state in .pulumi-state/)\n`);
    pulumi(["up", "--yes", "--non-interactive", "--stack", stack]);
    console.log("\ndemo: outputs");
    pulumi(["stack", "output", "--stack", stack]);
    console.log("\ndemo: a second preview must find nothing to change:\n");
    pulumi(["preview", "--expect-no-changes", "--non-interactive", "--stack", stack]);
    console.log(
        `\ndemo: done. The emulator keeps running at ${url} (its state is in .emulator/state.json).\n` +
            `  look:    npm run pulumi -- stack output --stack ${stack}\n` +
            `  remove:  npm run pulumi -- destroy --yes --stack ${stack}\n` +
            `  stop the emulator afterwards: kill $(cat .emulator/pid)`,
    );
}

main().catch((e) => {
    console.error(`demo: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
});
