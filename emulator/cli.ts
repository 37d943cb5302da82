#!/usr/bin/env node
import { parseTimingsSpec, TimingsError } from "./core/timings";
/**
 * `npm run emulator -- [--port N] [--state-file PATH] [--timings fast|demo|realistic|JSON] [--seed N]`
 * The first stdout line is always `emulator listening on http://HOST:PORT` (scripts wait for it);
 * the demo credentials follow.
 */
import { ACCOUNTS, type EmulatorOptions, startEmulator } from "./index";

function usage(message: string): never {
    process.stderr.write(`${message}\nusage: emulator [--port N] [--host H] [--state-file PATH] [--timings fast|demo|realistic|JSON] [--seed N]\n`);
    process.exit(2);
}

function parseArgs(argv: string[]): EmulatorOptions {
    const opts: EmulatorOptions = {};
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i]!;
        const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
        const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
        switch (flag) {
            case "--port": {
                const p = Number(value());
                if (!Number.isInteger(p) || p < 0 || p > 65535) usage("--port must be 0-65535");
                opts.port = p;
                break;
            }
            case "--host":
                opts.host = value();
                break;
            case "--state-file":
                opts.stateFile = value();
                break;
            case "--timings": {
                const v = value();
                try {
                    opts.timings = parseTimingsSpec(v.trim().startsWith("{") ? (JSON.parse(v) as unknown) : v);
                } catch (e) {
                    usage(`--timings: ${e instanceof TimingsError || e instanceof SyntaxError ? e.message : String(e)}`);
                }
                break;
            }
            case "--seed":
                opts.seed = Number(value());
                if (!Number.isInteger(opts.seed)) usage("--seed must be an integer");
                break;
            case "--help":
            case "-h":
                usage("Huawei Cloud VPCEP + IAM emulator");
                break;
            default:
                usage(`unknown argument ${arg}`);
        }
    }
    return opts;
}

async function main(): Promise<void> {
    const opts = parseArgs(process.argv.slice(2));
    const emu = await startEmulator(opts);
    const lines = [`emulator listening on ${emu.url}`, `state file: ${opts.stateFile ?? "(none: memory only)"}`, `control: ${emu.url}/_emulator/info`];
    for (const a of ACCOUNTS) {
        lines.push(
            `account ${a.name}: domain ${a.domainName} (${a.domainId}) user ${a.userName} / ${a.password}`,
            `  access key ${a.accessKey}  secret key ${a.secretKey}`,
            ...a.projects.map((p) => `  project ${p.id} (${p.region})`),
        );
    }
    lines.push(
        `example: HW_ACCESS_KEY=${ACCOUNTS[0]!.accessKey} HW_SECRET_KEY=${ACCOUNTS[0]!.secretKey} HW_REGION_NAME=${ACCOUNTS[0]!.projects[0]!.region} HW_PROJECT_ID=${ACCOUNTS[0]!.projects[0]!.id}`,
    );
    process.stdout.write(`${lines.join("\n")}\n`);
    const stop = () => {
        emu.close().then(
            () => process.exit(0),
            () => process.exit(1),
        );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
    process.stderr.write(`emulator failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
});
