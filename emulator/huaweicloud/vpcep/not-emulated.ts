/**
 * The VPCEP operations the official SDK declares (huaweicloudsdkvpcep 3.1.219, `vpcep_client.py`) that the emulator does not implement:
 * each answers 501 naming the operation (core/not-emulated.ts).
 */
import type { NotEmulated } from "../../core/not-emulated";

export const NOT_EMULATED: readonly NotEmulated[] = [
    ["POST", "/v2/{project_id}/vpc-endpoint-services/{vpc_endpoint_service_id}/add-server-resources", "AddEndpointServiceServerResource"],
    ["POST", "/v1/{project_id}/vpc-endpoint-services/{vpc_endpoint_service_id}/permissions/batch-create", "BatchAddEndpointServicePermissions"],
    ["POST", "/v1/{project_id}/vpc-endpoint-services/{vpc_endpoint_service_id}/permissions/batch-delete", "BatchRemoveEndpointServicePermissions"],
    ["PUT", "/v1/{project_id}/vpc-endpoint-services/{vpc_endpoint_service_id}/name", "UpdateEndpointServiceName"],
    ["PUT", "/v1/{project_id}/vpc-endpoint-services/{vpc_endpoint_service_id}/permissions/{permission_id}", "UpdateEndpointServicePermissionDesc"],
    ["POST", "/v2/{project_id}/vpc-endpoint-services/{vpc_endpoint_service_id}/upgrade", "UpgradeEndpointService"],
    ["POST", "/v2/{project_id}/vpc-endpoints/{vpc_endpoint_id}/upgrade", "UpgradeEndpoint"],
    ["POST", "/v1/{project_id}/{resource_type}/resource_instances/action", "ListResourceInstances"],
];
