/**
 * This stack's record of interrupted creations, read from an S3 backend without the CLI: the
 * signature (against AWS's published example), the backend URL as the CLI understands it, and the
 * checkpoint read from a real S3 server (versitygw, harness/s3.ts) — both layouts, gzipped or not
 * — with everything it cannot read left to the CLI.
 */
import * as zlib from "node:zlib";
import { S3Server } from "../../harness/s3";
import { s3BackendOf, s3Request, signV4 } from "../../provider/runtime/s3-checkpoint";
import { pendingCreationsOf, readS3Checkpoint } from "../../provider/runtime/stack-record";

const URN = "urn:pulumi:dev::shop::pulumi-nodejs:dynamic/huaweicloud-vpcep:Endpoint::ep";
const checkpoint = {
    version: 3,
    checkpoint: {
        stack: "organization/shop/dev",
        latest: { resources: [], pending_operations: [{ type: "creating", resource: { urn: URN, inputs: { __creationToken: "t1" } } }] },
    },
};
const keys = { AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "secret", AWS_REGION: "eu-west-1" };

describe("signature version 4", () => {
    test("signs AWS's example GET Object request as AWS's documentation does", () => {
        // "Example: GET Object" of "Signature Calculations for the Authorization Header" (Amazon S3 API reference).
        const headers = signV4(
            "GET",
            "https://examplebucket.s3.amazonaws.com/test.txt",
            { range: "bytes=0-9" },
            "",
            "us-east-1",
            { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
            new Date("2013-05-24T00:00:00Z"),
        );
        expect(headers.authorization).toBe(
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, " +
                "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
        );
    });
});

describe("an S3 backend URL", () => {
    test.each([
        [
            "the older parameters: a scheme-less endpoint, disableSSL, s3ForcePathStyle",
            "s3://state?endpoint=127.0.0.1:9000&disableSSL=true&s3ForcePathStyle=true",
            "http://127.0.0.1:9000/state",
        ],
        [
            "the newer ones: an endpoint with its scheme, use_path_style",
            "s3://state?endpoint=http://127.0.0.1:9000&use_path_style=true&region=us-east-1",
            "http://127.0.0.1:9000/state",
        ],
        ["a scheme-less endpoint without disableSSL: HTTPS", "s3://state?endpoint=s3.example.com&s3ForcePathStyle=true", "https://s3.example.com/state"],
        ["an endpoint without path style: the bucket in the host name", "s3://state?endpoint=https://s3.example.com", "https://state.s3.example.com"],
        ["no endpoint: AWS's regional one", "s3://state", "https://state.s3.eu-west-1.amazonaws.com"],
    ])("%s", (_what, url, base) => {
        expect(s3BackendOf(url, keys)?.base).toBe(base);
    });

    test("takes the region from the URL first, the prefix from its parameter", () => {
        expect(s3BackendOf("s3://state?region=ap-southeast-1&prefix=team/", keys)).toMatchObject({ region: "ap-southeast-1", prefix: "team/" });
    });

    test("leaves what it cannot sign for to the CLI: no keys in the environment, no region, a profile, an endpoint from the environment, a path, another scheme", () => {
        expect(s3BackendOf("s3://state", { AWS_REGION: "eu-west-1" })).toBeUndefined();
        expect(s3BackendOf("s3://state", { ...keys, AWS_REGION: undefined })).toBeUndefined();
        expect(s3BackendOf("s3://state?profile=ops", keys)).toBeUndefined();
        expect(s3BackendOf("s3://state", { ...keys, AWS_ENDPOINT_URL_S3: "http://127.0.0.1:9000" })).toBeUndefined();
        expect(s3BackendOf("s3://state/team", keys)).toBeUndefined();
        expect(s3BackendOf("gs://state", keys)).toBeUndefined();
        expect(s3BackendOf("file:///tmp/state", keys)).toBeUndefined();
    });
});

describe("the checkpoint read from an S3 server", () => {
    let server: S3Server;
    beforeAll(async () => {
        server = await S3Server.start();
    });
    afterAll(async () => {
        await server?.close();
    });
    const env = (prefix?: string) => ({ ...server.env(), PULUMI_BACKEND_URL: server.backendUrl(prefix) });
    const put = async (key: string, body: string | Buffer, prefix?: string) => {
        const backend = s3BackendOf(server.backendUrl(prefix), server.env())!;
        expect((await s3Request(backend, "PUT", key, body)).status).toBe(200);
    };

    test.each([
        ["the project layout", ".pulumi/stacks/shop/dev.json", (s: string): string | Buffer => s, undefined],
        ["the older layout", ".pulumi/stacks/dev.json", (s: string): string | Buffer => s, "older/"],
        ["a gzipped checkpoint", ".pulumi/stacks/shop/dev.json.gz", (s: string): string | Buffer => zlib.gzipSync(s), "gzipped/"],
    ])("reads %s and lists the pending creations' tokens", async (_what, key, encode, prefix) => {
        await put(key, encode(JSON.stringify(checkpoint)), prefix);
        const doc = await readS3Checkpoint(URN, env(prefix));
        expect(pendingCreationsOf(doc, "__creationToken")).toEqual(new Map([[URN, new Set(["t1"])]]));
        expect(server.objects(prefix ?? "")).toContain(`${prefix ?? ""}${key}`);
    });

    test("leaves a missing checkpoint, a refused signature, a half-written object or another backend to the CLI", async () => {
        expect(await readS3Checkpoint(URN, env("nothing-here/"))).toBeUndefined();
        await put(".pulumi/stacks/shop/dev.json", JSON.stringify(checkpoint), "refused/");
        expect(await readS3Checkpoint(URN, { ...env("refused/"), AWS_SECRET_ACCESS_KEY: "wrong" })).toBeUndefined();
        await put(".pulumi/stacks/shop/dev.json", JSON.stringify(checkpoint).slice(0, 40), "half/");
        expect(await readS3Checkpoint(URN, env("half/"))).toBeUndefined();
        expect(await readS3Checkpoint(URN, { ...server.env(), PULUMI_BACKEND_URL: "https://api.pulumi.com" })).toBeUndefined();
    });
});
