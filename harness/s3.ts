/**
 * An S3-compatible state server for tests that keep Pulumi state in an S3 backend: versitygw (an
 * Apache-2.0 S3 gateway over a directory, built by scripts/setup.sh into the cache and put on PATH
 * by scripts/env.sh) on a free loopback port, with a temporary data folder holding one bucket,
 * stopped and removed by `close`. The CLI reaches it with its own `s3://` backend URL.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";

/** The region the server signs for (versitygw's default) and the CLI is given. */
const REGION = "us-east-1";

/** A free TCP port on 127.0.0.1 (free when asked; the server's start fails and is retried if taken meanwhile). */
function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const s = net.createServer();
        s.on("error", reject);
        s.listen(0, "127.0.0.1", () => {
            const port = (s.address() as net.AddressInfo).port;
            s.close(() => resolve(port));
        });
    });
}

/** Whether something accepts connections on 127.0.0.1:port. */
function accepts(port: number): Promise<boolean> {
    return new Promise((resolve) => {
        const c = net.connect(port, "127.0.0.1");
        c.on("connect", () => {
            c.destroy();
            resolve(true);
        });
        c.on("error", () => resolve(false));
    });
}

export interface S3ServerOptions {
    /** The bucket made at start (default "state"). */
    bucket?: string;
}

export class S3Server {
    /** How long the server took from spawn to accepting connections, in ms. */
    readonly startMs: number;

    private constructor(
        private readonly child: ChildProcess,
        /** The server's data folder: one directory per bucket, one file per object. */
        readonly dataDir: string,
        readonly port: number,
        readonly bucket: string,
        private readonly credentials: { accessKeyId: string; secretAccessKey: string },
        startMs: number,
        private readonly output: string[],
    ) {
        this.startMs = startMs;
    }

    /** Starts versitygw on a free loopback port over a new data folder holding `bucket`. */
    static async start(opts: S3ServerOptions = {}): Promise<S3Server> {
        const bucket = opts.bucket ?? "state";
        const credentials = { accessKeyId: "privatelink-test", secretAccessKey: randomBytes(16).toString("hex") };
        let lastError: Error | undefined;
        for (let attempt = 0; attempt < 3; attempt++) {
            const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-s3-"));
            // In versitygw's posix backend a bucket is a directory of the data folder; with a
            // single root account (no IAM service) the account owns every bucket.
            fs.mkdirSync(path.join(dataDir, bucket));
            const port = await freePort();
            const output: string[] = [];
            const started = Date.now();
            const child = spawn(
                "versitygw",
                [
                    "--port",
                    `127.0.0.1:${port}`,
                    "--access",
                    credentials.accessKeyId,
                    "--secret",
                    credentials.secretAccessKey,
                    "--region",
                    REGION,
                    "--quiet",
                    "posix",
                    dataDir,
                ],
                { stdio: ["ignore", "pipe", "pipe"] },
            );
            for (const s of [child.stdout, child.stderr]) s?.on("data", (b: Buffer) => output.push(b.toString()));
            let exited = false;
            let spawnError: Error | undefined;
            child.on("exit", () => (exited = true));
            child.on("error", (e) => {
                spawnError = e;
                exited = true;
            });
            const deadline = started + 15_000;
            while (!exited && Date.now() < deadline && !(await accepts(port))) await new Promise((r) => setTimeout(r, 20));
            if (!exited && Date.now() < deadline) return new S3Server(child, dataDir, port, bucket, credentials, Date.now() - started, output);
            child.kill("SIGKILL");
            fs.rmSync(dataDir, { recursive: true, force: true });
            lastError =
                spawnError && (spawnError as NodeJS.ErrnoException).code === "ENOENT"
                    ? new Error("versitygw is not on PATH: run scripts/setup.sh, then source scripts/env.sh")
                    : new Error(`versitygw did not start on 127.0.0.1:${port} (${exited ? "it exited" : "no connection in 15 s"}): ${output.join("").trim()}`);
            if (spawnError) break;
        }
        throw lastError;
    }

    /**
     * The backend URL a program logs in with: the CLI's own s3 form, the server named by
     * `endpoint`, plain HTTP, the bucket in the path. `prefix` keeps a test's stacks apart within
     * the bucket.
     */
    backendUrl(prefix?: string): string {
        return `s3://${this.bucket}?endpoint=127.0.0.1:${this.port}&disableSSL=true&s3ForcePathStyle=true${prefix ? `&prefix=${encodeURIComponent(prefix)}` : ""}`;
    }

    /** The credentials and region for the CLI (and the provider processes it starts). */
    env(): Record<string, string> {
        return { AWS_ACCESS_KEY_ID: this.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: this.credentials.secretAccessKey, AWS_REGION: REGION };
    }

    /** The keys of the bucket's objects under `under` (read from the data folder), sorted. */
    objects(under = ""): string[] {
        const root = path.join(this.dataDir, this.bucket);
        const walk = (dir: string): string[] =>
            fs.existsSync(dir)
                ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
                : [];
        return walk(path.join(root, under))
            .map((f) => path.relative(root, f).split(path.sep).join("/"))
            .sort();
    }

    /** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes its data folder. */
    async close(): Promise<void> {
        if (this.child.exitCode === null && this.child.signalCode === null) {
            const exited = new Promise<void>((r) => this.child.once("exit", () => r()));
            this.child.kill("SIGTERM");
            const guard = setTimeout(() => this.child.kill("SIGKILL"), 5_000);
            await exited;
            clearTimeout(guard);
        }
        fs.rmSync(this.dataDir, { recursive: true, force: true });
    }

    /** What the server printed (for a failing test's message). */
    log(): string {
        return this.output.join("");
    }
}
