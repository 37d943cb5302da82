/**
 * The Node.js SDK as npm installs it: compiled. The generator writes TypeScript sources and a
 * package.json whose `build` script is `tsc` into `bin/` (pkg/v3 codegen/nodejs; upstream
 * providers publish that `bin/` with a copy of package.json), so the folder sdks/nodejs cannot be
 * installed as it is: it has no JavaScript. `npm pack` (package.json `prepack`) compiles it into
 * sdks/nodejs/bin with the package's own TypeScript (about 5 s), which the tarball carries; a user
 * installs it with `npm install --install-links ./node_modules/pulumi-privatelink/sdks/nodejs/bin`
 * (docs/languages.md). The generated sdks/nodejs/.gitignore names `bin/`, which npm would follow
 * and leave it out: an .npmignore beside it, which npm reads instead, lets it in. `postpack`
 * removes both again: they are not generated, and test/docs/sdks.test.ts compares sdks/nodejs with
 * what the generator writes (git ignores `bin/` but not the .npmignore).
 *
 *     node dist/scripts/sdks/pack-nodejs.js build|clean
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "../docs/declarations";
import { SDKS_DIR } from "./generator";

/** The Node.js SDK's sources, and the folder its compiled package is written to. */
export const NODEJS_SDK = path.join(ROOT, SDKS_DIR, "nodejs");
export const NODEJS_SDK_BIN = path.join(NODEJS_SDK, "bin");
const NPMIGNORE = path.join(NODEJS_SDK, ".npmignore");

/** Compiles the Node.js SDK into sdks/nodejs/bin with its package.json and README: an installable package. */
export function buildNodejsSdk(): void {
    cleanNodejsSdk();
    const tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
    // No source or declaration maps: the sources they point to are not beside the compiled files
    // once installed, and they would double the size.
    const r = spawnSync(process.execPath, [tsc, "-p", path.join(NODEJS_SDK, "tsconfig.json"), "--sourceMap", "false", "--declarationMap", "false"], {
        encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`compiling the Node.js SDK (tsc -p ${path.relative(ROOT, NODEJS_SDK)}/tsconfig.json) failed:\n${r.stdout}${r.stderr}`);
    const manifest = JSON.parse(fs.readFileSync(path.join(NODEJS_SDK, "package.json"), "utf8")) as Record<string, unknown>;
    // Installed, it is compiled already: the `build` script and the compiler it needs have no use.
    delete manifest.scripts;
    delete manifest.devDependencies;
    fs.writeFileSync(path.join(NODEJS_SDK_BIN, "package.json"), `${JSON.stringify({ ...manifest, main: "index.js", types: "index.d.ts" }, null, 4)}\n`);
    fs.copyFileSync(path.join(NODEJS_SDK, "README.md"), path.join(NODEJS_SDK_BIN, "README.md"));
    fs.writeFileSync(NPMIGNORE, "# Written by scripts/sdks/pack-nodejs.ts for npm pack, in place of .gitignore, which leaves out bin/.\nnode_modules/\n");
}

/** Removes what {@link buildNodejsSdk} wrote. */
export function cleanNodejsSdk(): void {
    fs.rmSync(NODEJS_SDK_BIN, { recursive: true, force: true });
    fs.rmSync(NPMIGNORE, { force: true });
}

if (require.main === module) {
    const what = process.argv[2];
    if (what === "build") buildNodejsSdk();
    else if (what === "clean") cleanNodejsSdk();
    else throw new Error(`pack-nodejs: the argument is "build" or "clean", not ${JSON.stringify(what)}`);
}
