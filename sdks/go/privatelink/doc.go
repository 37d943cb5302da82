// Private network endpoints: Huawei Cloud VPC endpoints and DNS resolver endpoints, Alibaba Cloud PrivateLink.
package privatelink
