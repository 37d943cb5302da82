/**
 * Each test file's processes share one account's pace (sdk/core/shared-pace.ts) only among
 * themselves: the scope of a pace is the API endpoint and the credential, and the emulators of two
 * test files can meet on one port (ephemeral ports are reused) with the same demo credentials, so a
 * rate one file learned would pace the next. The folder goes to every child process (the CLI, the
 * plugins) through the environment.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-pace-"));
process.env.PRIVATELINK_SHARED_PACE_DIR = dir;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
