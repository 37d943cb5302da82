/**
 * `npm run demo`: runs the root Pulumi program (Pulumi.yaml) with the real CLI on a local stack
 * `demo` in .pulumi-state/, then shows that a second preview has nothing to do.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..");
const stack = process.env.DEMO_STACK ?? "demo";

function pulumi(args: string[], opts: { quiet?: boolean; allowFail?: boolean } = {}): number {
    const r = spawnSync("pulumi", [...args, "--cwd", root], { stdio: opts.quiet ? "ignore" : "inherit", env: process.env });
    const code = r.status ?? 1;
    if (code !== 0 && !opts.allowFail) {
        console.error(`\ndemo: 'pulumi ${args.join(" ")}' failed (exit ${code})`);
        process.exit(code);
    }
    return code;
}

if (pulumi(["stack", "select", stack], { quiet: true, allowFail: true }) !== 0) {
    pulumi(["stack", "init", stack, "--non-interactive"]);
}
console.log(`demo: pulumi up on stack '${stack}' (state in ${path.join(root, ".pulumi-state")})\n`);
pulumi(["up", "--yes", "--non-interactive", "--stack", stack]);
console.log("\ndemo: a second preview must find nothing to change:\n");
pulumi(["preview", "--expect-no-changes", "--non-interactive", "--stack", stack]);
console.log(`\ndemo: done. To remove what it made: npm run pulumi -- destroy --yes --stack ${stack}`);
