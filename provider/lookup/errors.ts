/**
 * What a lookup raises besides the cloud's own errors (which keep their classes, codes and request
 * ids): arguments that break a rule, and a lookup of exactly one thing that finds none or several.
 */

/** The base of every lookup failure: names the function that failed. */
export class LookupError extends Error {
    constructor(
        /** The function, such as `huaweicloud.vpcep.getPublicService`. */
        readonly fn: string,
        message: string,
    ) {
        super(`${fn}: ${message}`);
        this.name = new.target.name;
    }
}

/** Arguments that break a rule: each failure names the argument, the value and the rule. */
export class LookupArgumentError extends LookupError {
    constructor(
        fn: string,
        /** "serviceId: \"x\" is not a valid endpoint service id (a UUID …)", one per problem. */
        readonly failures: string[],
    ) {
        super(fn, failures.join("; "));
    }
}

/** A lookup of exactly one thing found nothing. */
export class LookupNotFoundError extends LookupError {}

/** A lookup of exactly one thing found several: the message lists them and how to narrow it. */
export class LookupAmbiguousError extends LookupError {
    constructor(
        fn: string,
        message: string,
        /** How each match is named in the message. */
        readonly matches: string[],
    ) {
        super(fn, message);
    }
}
