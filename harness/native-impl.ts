/**
 * A resource kind served by the native provider plugin, behind the same `ResourceImpl` interface
 * the dynamic-resource host gives (provider/runtime/impl.ts), so that one test drives either host.
 * Each call becomes the request the Pulumi engine would send, and each answer is read as the
 * engine reads it (pulumi/sdk go/common/resource/plugin/provider_plugin.go, 3.259):
 *
 * - every resource has a URN (the kind's type token, a name of its own), fixed at its first Check
 *   and kept through its life, as a stack keeps it;
 * - like the engine's state, the adapter keeps each resource's last inputs and sends them where
 *   the engine sends them (Diff, Read, Update and Delete's `oldInputs`, Read's `inputs`);
 * - values travel as protobuf Structs: `undefined` is gone, numbers are doubles, secrets are plain
 *   when the plugin does not accept them;
 * - a diff replaces when the engine would (`DiffResult.Replace`): a key among `replaces`, or a
 *   replacing kind in the detailed diff;
 * - a Read with an empty id means the object is gone;
 * - errors keep the plugin's message, and an object created but not initialized its id,
 *   properties and reasons.
 */
import type * as pulumi from "@pulumi/pulumi";
import type * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { TOKEN_INPUT } from "../provider/lifecycle/creation";
import { resourceToken } from "../provider/model/token";
import type { ResourceImpl } from "../provider/runtime/impl";
import { fromStruct, type NativePlugin, proto, toStruct } from "./native-plugin";

type Props = Record<string, any>;

/** A diff as the engine takes it from the plugin, with the detailed diff it got (by property, the kind's name). */
export interface NativeDiff extends pulumi.dynamic.DiffResult {
    detailedDiff: Record<string, string>;
}

/** The resource's URN and last inputs, as the stack's state would hold them. */
interface Tracked {
    urn: string;
    inputs: Props;
}

const KIND_NAMES = Object.fromEntries(Object.entries(proto.PropertyDiff.Kind).map(([name, value]) => [value, name])) as Record<number, string>;
const REPLACING = new Set([proto.PropertyDiff.Kind.ADD_REPLACE, proto.PropertyDiff.Kind.DELETE_REPLACE, proto.PropertyDiff.Kind.UPDATE_REPLACE]);

let names = 0;

/** A kind (`huaweicloud:vpcep:Endpoint`) served by a running plugin. */
export function nativeImpl(plugin: NativePlugin, kind: string): ResourceImpl & { diff(id: string, olds: Props, news: Props): Promise<NativeDiff> } {
    const type = resourceToken(kind);
    const byId = new Map<string, Tracked>();
    const byToken = new Map<string, string>();
    const struct = (props: Props | undefined) => toStruct(props, plugin.acceptSecrets);
    const newUrn = () => plugin.urn(type, `${type.split(":").pop()!.toLowerCase()}-${++names}`);
    /** The URN of a resource that holds this creation token (made by its first Check), or a new one. */
    const urnOfInputs = (inputs: Props) => (typeof inputs[TOKEN_INPUT] === "string" && byToken.get(inputs[TOKEN_INPUT])) || newUrn();
    const tracked = (id: string, props: Props): Tracked => byId.get(id) ?? { urn: urnOfInputs(props), inputs: {} };
    const named = <T extends { setUrn(v: string): T; setName(v: string): T; setType(v: string): T }>(req: T, urn: string) =>
        req.setUrn(urn).setName(urn.split("::").pop()!).setType(type);

    return {
        async check(olds: Props, news: Props) {
            const urn = Object.keys(olds ?? {}).length ? urnOfInputs(olds) : newUrn();
            const resp = await plugin.call<provproto.CheckResponse>("check", named(new proto.CheckRequest(), urn).setOlds(struct(olds)).setNews(struct(news)));
            const inputs = fromStruct(resp.getInputs());
            if (typeof inputs[TOKEN_INPUT] === "string") byToken.set(inputs[TOKEN_INPUT], urn);
            return { inputs, failures: resp.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })) };
        },

        async diff(id: string, olds: Props, news: Props): Promise<NativeDiff> {
            const t = tracked(id, olds);
            const req = named(new proto.DiffRequest(), t.urn).setId(id).setOlds(struct(olds)).setNews(struct(news)).setOldInputs(struct(t.inputs));
            const resp = await plugin.call<provproto.DiffResponse>("diff", req);
            const changes = resp.getChanges();
            const detailed: Record<string, string> = {};
            const replaces = [...resp.getReplacesList()];
            resp.getDetaileddiffMap().forEach((d: provproto.PropertyDiff, key: string) => {
                detailed[key] = KIND_NAMES[d.getKind()] ?? String(d.getKind());
                if (REPLACING.has(d.getKind()) && !replaces.includes(key)) replaces.push(key);
            });
            return {
                changes: changes === proto.DiffResponse.DiffChanges.DIFF_SOME ? true : changes === proto.DiffResponse.DiffChanges.DIFF_NONE ? false : undefined,
                replaces,
                stables: resp.getStablesList(),
                deleteBeforeReplace: resp.getDeletebeforereplace(),
                detailedDiff: detailed,
            };
        },

        async create(inputs: Props) {
            const urn = urnOfInputs(inputs);
            const resp = await plugin.call<provproto.CreateResponse>("create", named(new proto.CreateRequest(), urn).setProperties(struct(inputs)));
            const id = resp.getId();
            byId.set(id, { urn, inputs: fromStruct(struct(inputs)) });
            return { id, outs: fromStruct(resp.getProperties()) };
        },

        async read(id: string, props?: Props) {
            const t = tracked(id, props ?? {});
            const req = named(new proto.ReadRequest(), t.urn).setId(id).setProperties(struct(props));
            if (byId.has(id)) req.setInputs(struct(t.inputs));
            const resp = await plugin.call<provproto.ReadResponse>("read", req);
            if (!resp.getId()) return { id: "", props: {} };
            const inputs = resp.getInputs() ? fromStruct(resp.getInputs()) : undefined;
            byId.set(resp.getId(), { urn: t.urn, inputs: inputs ?? t.inputs });
            return { id: resp.getId(), props: fromStruct(resp.getProperties()), ...(inputs ? { inputs } : {}) };
        },

        async update(id: string, olds: Props, news: Props) {
            const t = tracked(id, olds);
            const req = named(new proto.UpdateRequest(), t.urn).setId(id).setOlds(struct(olds)).setNews(struct(news)).setOldInputs(struct(t.inputs));
            const resp = await plugin.call<provproto.UpdateResponse>("update", req);
            byId.set(id, { urn: t.urn, inputs: fromStruct(struct(news)) });
            return { outs: fromStruct(resp.getProperties()) };
        },

        async delete(id: string, props: Props) {
            const t = tracked(id, props);
            await plugin.call("delete", named(new proto.DeleteRequest(), t.urn).setId(id).setProperties(struct(props)).setOldInputs(struct(t.inputs)));
            byId.delete(id);
        },
    };
}
