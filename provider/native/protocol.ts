/**
 * The gRPC library and the resource provider protocol's generated messages, as @pulumi/pulumi ships
 * them: the versions the engine of the same release speaks. Required from @pulumi/pulumi's folder
 * (not this package's), so that a package manager's placement of either cannot pick another copy.
 *
 * The plugin's bundle (scripts/bundle.ts) carries the same files, found from the same folder when
 * it is built: each call of fromPulumi below is read there, so keep its argument one string literal.
 */
import { createRequire } from "node:module";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as provproto from "@pulumi/pulumi/proto/provider_pb";

const fromPulumi = createRequire(require.resolve("@pulumi/pulumi"));

export const grpc = fromPulumi("@grpc/grpc-js") as typeof grpcTypes;
export const provrpc = fromPulumi("@pulumi/pulumi/proto/provider_grpc_pb");
export const proto = fromPulumi("@pulumi/pulumi/proto/provider_pb") as typeof provproto;
export const pluginproto = fromPulumi("@pulumi/pulumi/proto/plugin_pb");
export const structproto = fromPulumi("google-protobuf/google/protobuf/struct_pb");
export const emptyproto = fromPulumi("google-protobuf/google/protobuf/empty_pb");
export const anyproto = fromPulumi("google-protobuf/google/protobuf/any_pb");
export const statusproto = fromPulumi("@pulumi/pulumi/proto/status_pb");
/** The engine's own service, for status messages (provider/native/status.ts). */
export const engrpc = fromPulumi("@pulumi/pulumi/proto/engine_grpc_pb");
export const engproto = fromPulumi("@pulumi/pulumi/proto/engine_pb");
