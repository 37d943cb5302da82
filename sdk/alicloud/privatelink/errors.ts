/** PrivateLink error codes a client branches on (API pages); others are classified by HTTP status. */
import { codeTable } from "../../core/errors";

export const privatelinkCodes = codeTable({
    EndpointNotFound: { kind: "not_found" },
    EndpointServiceNotFound: { kind: "not_found" },
    EndpointZoneNotFound: { kind: "not_found" },
    EndpointConnectionNotFound: { kind: "not_found" },
    EndpointServiceResourceNotFound: { kind: "not_found" },
    VpcNotFound: { kind: "validation" },
    VSwitchNotFound: { kind: "validation" },
    SecurityGroupNotFound: { kind: "validation" },
    EndpointServiceNotAuthorized: { kind: "auth" },
    EndpointExist: { kind: "conflict", reason: "exists" },
    EndpointDuplicated: { kind: "conflict", reason: "exists" },
    EndpointZoneDuplicated: { kind: "conflict", reason: "exists" },
    ResourceAlreadyAssociated: { kind: "conflict", reason: "in_use" },
    SecurityGroupAlreadyAttached: { kind: "conflict", reason: "exists" },
    "DependencyViolation.EndpointConnection": { kind: "conflict", reason: "in_use" },
    "QuotaExceeded.totalEpPerVpc": { kind: "quota" },
    "QuotaExceeded.epZonePerEndpoint": { kind: "quota" },
    "QuotaExceeded.EndpointService": { kind: "quota" },
    QuotaMisMatched: { kind: "quota" },
});

/**
 * What a resource in a transitional state answers (`Creating`, `Pending`, `Deleting`): the
 * request is retried with backoff, as the official clients do.
 */
export const privatelinkBusyCodes = [
    "EndpointOperationDenied",
    "EndpointLocked",
    "EndpointServiceLocked",
    "EndpointServiceOperationDenied",
    "ConcurrentCallNotSupported",
    "EndpointConnectionOperationDenied",
    "IncorrectStatus.VpcEndpointService",
    "IncorrectStatus.Endpoint",
] as const;

/** The code a successful DryRun answers (an error by the API's design). */
export const DRY_RUN_OK = "DryRunOperation";
