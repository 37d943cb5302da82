/**
 * A Python program (`runtime: python`, examples/vpcep-cross-vpc-python) with the real CLI against
 * the emulator: the project's Python language host (scripts/language-host-python, on PATH from
 * scripts/env.sh) runs it in the virtualenv set-up made, with the Python SDK (sdks/python)
 * installed as a user installs it, and the native provider plugin serves the SDK's resources, its
 * lookup and its explicit provider. Bad input fails at preview naming the field, `up` creates what
 * the program declares with the outputs it computes in Python, a second preview and a refresh find
 * nothing to do, and `destroy` leaves the emulator empty.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram, REPO_ROOT } from "../../harness/pulumi-program";
import { checkCrossVpcWalkthrough } from "../helpers/cross-vpc-walkthrough";

/**
 * Installs the Python SDK from its folder into `<dir>/site` with the virtualenv's pip, as the
 * example's README says, from a copy (pip builds in the source folder) and offline: its
 * dependencies are the virtualenv's already (scripts/python-requirements.txt), and so is the build
 * backend (--no-build-isolation). About 2 s. The folder to put on PYTHONPATH.
 */
function installPythonSdk(dir: string): string {
    const venv = process.env.PULUMI_PRIVATELINK_PYTHON_VENV;
    if (!venv) throw new Error("PULUMI_PRIVATELINK_PYTHON_VENV is not set: source scripts/env.sh after bash scripts/setup.sh");
    const src = path.join(dir, "sdk-src");
    fs.cpSync(path.join(REPO_ROOT, "sdks", "python"), src, { recursive: true });
    const site = path.join(dir, "site");
    execFileSync(path.join(venv, "bin", "pip"), ["install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index", "--target", site, src], {
        stdio: ["ignore", "pipe", "pipe"],
    });
    return site;
}

describe("a Python program through the native provider plugin", () => {
    let cloud: TestCloud;
    let p: PulumiProgram | undefined;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-pysdk-"));

    beforeAll(async () => {
        cloud = await TestCloud.start({ timings: "fast" });
    });
    afterAll(async () => {
        p?.dispose();
        fs.rmSync(tmp, { recursive: true, force: true });
        await cloud?.close();
    });

    test("examples/vpcep-cross-vpc-python: checked at preview, created, unchanged, no drift, destroyed", async () => {
        const net = cloud.account().network;
        p = await PulumiProgram.create({
            fromDir: path.join(REPO_ROOT, "examples/vpcep-cross-vpc-python"),
            env: { ...cloud.huaweiEnv(), PATH: `${path.join(REPO_ROOT, "bin")}:${process.env.PATH}`, PYTHONPATH: installPythonSdk(tmp) },
            linkNodeModules: false,
        });
        await p.setConfig("backendVpcId", net.backendVpcId);
        await p.setConfig("clientVpcId", net.clientVpcId);
        await p.setConfig("clientSubnetId", net.clientSubnetId);

        await checkCrossVpcWalkthrough(p, cloud);
    });
});
