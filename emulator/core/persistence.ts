import { randomBytes } from "node:crypto";
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/** The file format version; a file with another version is refused rather than misread. */
export const STATE_FORMAT = 1;

/**
 * Writes the state atomically: a temporary file in the same directory, flushed, then renamed
 * over the target, so a crash leaves either the old or the new file, never half of one.
 */
export function writeStateFile(path: string, state: unknown): void {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    const fd = openSync(tmp, "w");
    try {
        writeSync(fd, JSON.stringify({ format: STATE_FORMAT, state }));
        fsyncSync(fd);
    } finally {
        closeSync(fd);
    }
    renameSync(tmp, path);
}

/** Reads a state file written by {@link writeStateFile}; undefined when there is none yet. */
export function readStateFile(path: string): unknown {
    if (!existsSync(path)) return undefined;
    const parsed = JSON.parse(readFileSync(path, "utf8")) as { format?: number; state?: unknown };
    if (parsed.format !== STATE_FORMAT) throw new Error(`${path}: unsupported state format ${String(parsed.format)}`);
    return parsed.state;
}
