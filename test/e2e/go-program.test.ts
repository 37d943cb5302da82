/**
 * A Go program (`runtime: go`, examples/vpcep-cross-vpc-go) with the real CLI against the
 * emulator: the project's Go language host (scripts/language-host-go, on PATH from
 * scripts/env.sh) builds it with `go build` and runs it, with the Go SDK (sdks/go) taken through
 * a `replace` directive as a user takes it, and the native provider plugin serves the SDK's
 * resources, its lookup and its explicit provider. A program that does not compile fails with the
 * compiler's message, bad input fails at preview naming the field, `up` creates what the program
 * declares with the outputs it computes in Go, a second preview and a refresh find nothing to do,
 * and `destroy` leaves the emulator empty.
 *
 * Every run of the program is a `go build`: with the Go build cache warm (scripts/setup.sh builds
 * the example once for that), only the program's own package is compiled and linked, a few
 * seconds; the test prints how long its first build took.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram, REPO_ROOT, resourcesOfType } from "../../harness/pulumi-program";
import { checkCrossVpcWalkthrough } from "../helpers/cross-vpc-walkthrough";

const ENDPOINT = "privatelink:huaweicloud/vpcep:Endpoint";
const SDK_MODULE = "github.com/pulumi-privatelink/pulumi-privatelink/sdks/go";
/**
 * The Go settings of every build: -mod=mod lets `go build` complete go.sum from the module cache
 * (as test/docs/sdks.test.ts builds sdks/go), so that nothing needs the network.
 */
const GO_ENV = { GOFLAGS: "-mod=mod" };

/** Runs `go ARGS` in dir and throws with its output when it fails; the seconds it took. */
function go(dir: string, args: string[]): number {
    const started = Date.now();
    const r = spawnSync("go", args, { cwd: dir, env: { ...process.env, ...GO_ENV }, encoding: "utf8" });
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`go ${args.join(" ")} in ${dir} exited ${r.status}:\n${r.stdout}${r.stderr}`);
    return (Date.now() - started) / 1000;
}

describe("a Go program through the native provider plugin", () => {
    let cloud: TestCloud;
    let p: PulumiProgram | undefined;
    const started = Date.now();

    beforeAll(async () => {
        cloud = await TestCloud.start({ timings: "fast" });
    });
    afterAll(async () => {
        p?.dispose();
        await cloud?.close();
        console.log(`go-program: the test took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });

    test("examples/vpcep-cross-vpc-go: compile errors and bad input refused, created, unchanged, no drift, destroyed", async () => {
        const net = cloud.account().network;
        p = await PulumiProgram.create({
            fromDir: path.join(REPO_ROOT, "examples/vpcep-cross-vpc-go"),
            env: { ...cloud.huaweiEnv(), ...GO_ENV, PATH: `${path.join(REPO_ROOT, "bin")}:${process.env.PATH}` },
            linkNodeModules: false,
        });
        // The copy takes the SDK from this checkout, as the README's `go mod edit` does.
        go(p.programDir, ["mod", "edit", `-replace=${SDK_MODULE}=${path.join(REPO_ROOT, "sdks", "go")}`]);
        // What the host does on every run; the Go build cache holds the SDK and its dependencies
        // once set-up built the example (64 s on 2 busy cores without it).
        const buildSeconds = go(p.programDir, ["build", "-o", path.join(p.dir, "program.bin"), "."]);
        console.log(`go-program: go build of the example took ${buildSeconds.toFixed(1)} s`);

        await p.setConfig("backendVpcId", net.backendVpcId);
        await p.setConfig("backendPortId", net.backendPortId);
        await p.setConfig("clientVpcId", net.clientVpcId);
        await p.setConfig("clientSubnetId", net.clientSubnetId);

        // A program that does not compile: the host reports the compiler's message, naming the file.
        p.writeFile("broken.go", 'package main\n\nvar broken int = "not a number"\n');
        const broken = await p.run(["preview", "--non-interactive", "--stack", p.stack]);
        expect(broken.code).not.toBe(0);
        expect(broken.stdout + broken.stderr).toMatch(/go build in \S+ failed/);
        expect(broken.stdout + broken.stderr).toMatch(/broken\.go:3:\d+: cannot use "not a number"/);
        fs.rmSync(path.join(p.programDir, "broken.go"));

        await checkCrossVpcWalkthrough(p, cloud, (state) =>
            expect(resourcesOfType(state, ENDPOINT)[0]!.inputs).toMatchObject({ tags: { example: "vpcep-cross-vpc-go" } }),
        );
    });
});
