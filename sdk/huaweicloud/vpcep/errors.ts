/**
 * VPCEP error codes a client branches on (../shared/reference/vpcep-error-codes.txt). Codes not
 * listed are classified by HTTP status. Prefix case varies (`EndPoint.`/`Endpoint.`): lookups
 * are case-insensitive.
 */
import { codeTable } from "../../core/errors";

export const vpcepCodes = codeTable({
    "EndPoint.0001": { kind: "server" }, // 500 "System error. Please retry."
    "EndPoint.0003": { kind: "auth" },
    "EndPoint.0004": { kind: "auth" },
    "EndPoint.0005": { kind: "not_found" },
    "EndPoint.0022": { kind: "throttled" }, // HTTP 400, yet a throttle
    "Endpoint.1018": { kind: "quota" },
    "EndPoint.2003": { kind: "not_found" }, // the endpoint service does not exist
    "EndPoint.2006": { kind: "not_found" },
    "EndPoint.2007": { kind: "not_found" },
    "EndPoint.2008": { kind: "not_found" }, // the endpoint has been deleted
    "EndPoint.2012": { kind: "auth" }, // no permission to connect to the service
    "EndPoint.2014": { kind: "conflict", reason: "exists" }, // already connected
    "EndPoint.2018": { kind: "conflict", reason: "state" }, // being deleted
    "EndPoint.2019": { kind: "conflict", reason: "state" }, // being created
    "EndPoint.2039": { kind: "conflict", reason: "in_use" }, // route table used by another endpoint
    "EndPoint.2042": { kind: "conflict", reason: "in_use" }, // port IP in use
    "EndPoint.2045": { kind: "quota" }, // whitelist records
    "EndPoint.2047": { kind: "conflict", reason: "state" }, // failed endpoint cannot be modified
    "EndPoint.2051": { kind: "conflict", reason: "state" },
    "EndPoint.3006": { kind: "conflict", reason: "in_use" }, // service in use
    "EndPoint.3044": { kind: "conflict", reason: "in_use" }, // ports conflict with another service
    "EndPoint.3045": { kind: "conflict", reason: "state" }, // cannot modify in current state
    "EndPoint.3046": { kind: "conflict", reason: "in_use" },
    "EndPoint.3049": { kind: "quota" },
    "EndPoint.3056": { kind: "quota" },
    "EndPoint.3059": { kind: "conflict", reason: "exists" }, // domain name exists
    "EndPoint.3061": { kind: "quota" },
    "EndPoint.3069": { kind: "quota" }, // max tags
    "EndPoint.3074": { kind: "quota" }, // max ports
    "EndPoint.4004": { kind: "not_found" },
    "EndPoint.4012": { kind: "not_found" },
    "EndPoint.4025": { kind: "conflict", reason: "in_use" },
    "EndPoint.4030": { kind: "not_found" },
});
