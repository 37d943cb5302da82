/**
 * The lifecycle every PrivateLink object shares. Deleting one: a transitional one (Creating, Pending) refuses deletion, so it is
 * waited out first; a delete whose answer was lost is retried by the client and meets the object
 * already Deleting (EndpointLocked / EndpointServiceLocked until its retries run out) — the outcome
 * asked for, not a failure (found by the chaos run, test/chaos); then wait until it is gone.
 */
import type { AlibabaClient } from "../../../sdk/alicloud/client";
import { KEY_TAG, TOKEN_TAG } from "../../lifecycle/creation";
import { ignoreNotFound, orUndefined } from "../../lifecycle/outcomes";
import type { OperationBudget } from "../../model/field";
import type { CreateBudget, Creation, KeyedObject } from "../../model/resource";
import { dryRunCreate } from "../inputs";
import { createWithClientToken } from "./client-token";

export interface DeleteSteps {
    /** The object's status now, or undefined when it no longer exists. */
    status(): Promise<string | undefined>;
    /** Waits until the object leaves its transitional status. */
    settle(): Promise<unknown>;
    remove(): Promise<unknown>;
    waitGone(): Promise<unknown>;
}

export async function deleteWhenSettled(steps: DeleteSteps): Promise<void> {
    const status = await steps.status();
    if (status === undefined) return;
    if (status === "Creating" || status === "Pending") await orUndefined(() => steps.settle());
    if (status !== "Deleting") {
        try {
            await ignoreNotFound(() => steps.remove());
        } catch (err) {
            const now = await steps.status();
            if (now !== undefined && now !== "Deleting") throw err;
        }
    }
    await steps.waitGone();
}

/** The calls behind one kind of PrivateLink object (endpoint, endpoint service), and what its inputs add. */
export interface PrivateLinkObject<W, Req, I, B> {
    /** "alicloud.privatelink.VpcEndpoint", for messages. */
    title: string;
    /** Everything a read gathers, or undefined when the object is gone or being deleted. */
    read(c: AlibabaClient, id: string): Promise<W | undefined>;
    /** The object's status, or undefined when it no longer exists. */
    status(c: AlibabaClient, id: string, signal?: AbortSignal): Promise<string | undefined>;
    /** Waits until the object leaves its transitional status. */
    settle(c: AlibabaClient, id: string, budget: OperationBudget): Promise<unknown>;
    /** The create request: the regular body (every set input with a wire name) and what the inputs add. */
    request(c: AlibabaClient, inputs: I, body: B): Req | Promise<Req>;
    /** The create call (with DryRun or a ClientToken), answering the new object's id. */
    create(c: AlibabaClient, request: Req & { DryRun?: boolean; ClientToken?: string }, signal?: AbortSignal): Promise<string>;
    /**
     * Runs once the object is settled: after its creation (`fresh`), or when it is taken over from
     * an interrupted run (it may have some of what this adds already).
     */
    settled?(c: AlibabaClient, id: string, inputs: I, budget: OperationBudget, fresh: boolean): Promise<unknown>;
    remove(c: AlibabaClient, id: string, signal?: AbortSignal): Promise<unknown>;
    /** The objects carrying a tag, with their tags and status. */
    listTagged(
        c: AlibabaClient,
        tag: { Key: string; Value: string },
    ): Promise<Array<{ id: string; status?: string; tags: Array<{ Key?: string; Value?: string }> }>>;
    waitGone(c: AlibabaClient, id: string, budget: OperationBudget): Promise<unknown>;
}

/**
 * The hooks every PrivateLink object shares, with the hooks' own signatures: create (the cloud's
 * own DryRun first, then one ClientToken for every repetition, then wait until settled), find,
 * resume, read, settle before updating, read after, and delete once settled.
 */
export function privateLinkHooks<W, Req, I, B>(o: PrivateLinkObject<W, Req, I, B>) {
    const readBack = async (c: AlibabaClient, id: string, when: string): Promise<W> => {
        const wire = await o.read(c, id);
        if (!wire) throw new Error(`${o.title}: ${id} disappeared ${when}`);
        return wire;
    };
    /** Waits until the object is settled, completes it, and reads it. */
    const settleAndRead = async (c: AlibabaClient, id: string, inputs: I, budget: OperationBudget, fresh: boolean): Promise<W> => {
        await o.settle(c, id, budget);
        await o.settled?.(c, id, inputs, budget, fresh);
        return readBack(c, id, "right after creation");
    };
    return {
        /** Creates the object (with the creation key and token as tags, and a ClientToken derived from them). */
        async create({ c, inputs, body, budget, creation }: { c: AlibabaClient; inputs: I; body: B; budget: CreateBudget; creation?: Creation }): Promise<W> {
            const request = await o.request(c, inputs, body);
            const tagged = creation
                ? ({
                      ...request,
                      Tag: [
                          ...(((request as { Tag?: unknown[] }).Tag ?? []) as unknown[]),
                          { Key: KEY_TAG, Value: creation.key },
                          { Key: TOKEN_TAG, Value: creation.token },
                      ],
                  } as Req)
                : request;
            await dryRunCreate(o.title, () => o.create(c, { ...tagged, DryRun: true }, budget.signal));
            // One token per create: every retry of this create (lost answers included) sends the same
            // token, so the cloud makes at most one object.
            const id = await createWithClientToken((ClientToken) => o.create(c, { ...tagged, ClientToken }, budget.signal), budget);
            budget.onCreated(id);
            return settleAndRead(c, id, inputs, budget, true);
        },
        /** The objects carrying the creation key `key`, with their tokens (those being deleted left out). */
        async find(c: AlibabaClient, _inputs: I, key: string): Promise<KeyedObject[]> {
            const all = await o.listTagged(c, { Key: KEY_TAG, Value: key });
            return all
                .filter((x) => x.status !== "Deleting" && x.tags.some((t) => t.Key === KEY_TAG && t.Value === key))
                .map((x) => ({ id: x.id, token: x.tags.find((t) => t.Key === TOKEN_TAG)?.Value }));
        },
        resume: ({ c, id, inputs, budget }: { c: AlibabaClient; id: string; inputs: I; budget: OperationBudget }) =>
            settleAndRead(c, id, inputs, budget, false),
        read: (c: AlibabaClient, id: string) => o.read(c, id),
        beforeUpdate: (c: AlibabaClient, id: string, budget: OperationBudget) => o.settle(c, id, budget),
        afterUpdate: ({ c, id }: { c: AlibabaClient; id: string }) => readBack(c, id, "during the update"),
        async delete(c: AlibabaClient, id: string, _inputs: I, budget: OperationBudget): Promise<void> {
            await deleteWhenSettled({
                status: () => o.status(c, id, budget.signal),
                settle: () => o.settle(c, id, budget),
                remove: () => o.remove(c, id, budget.signal),
                waitGone: () => o.waitGone(c, id, budget),
            });
        },
    };
}
