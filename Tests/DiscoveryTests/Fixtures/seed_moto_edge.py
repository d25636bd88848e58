"""Seeds a moto server (AWS_ENDPOINT_URL) with a hardened and a misconfigured instance of each edge resource Bulwark
reads live: CloudFront distributions, API Gateway REST and HTTP APIs with stages, methods and routes, WAFv2 web ACLs
(regional with logging and a load balancer association, and one for CloudFront), ACM certificates and Route 53
zones with query logging. Prints the IDs as JSON on the last line.
Written for Bulwark; boto3 reads endpoint, credentials and region from the environment.
"""
import json
import os

import boto3
from botocore.config import Config

RETRIES = Config(retries={"max_attempts": 10, "mode": "standard"})
REGION = os.environ.get("AWS_DEFAULT_REGION", os.environ.get("AWS_REGION", "us-east-1"))
# AWS's managed SecurityHeadersPolicy response headers policy.
SECURITY_HEADERS = "67f7725c-6f97-4210-82d7-5512b31e9d03"


def client(name, region=REGION):
    return boto3.client(name, region_name=region, config=RETRIES)


def visibility(name):
    return {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": name}


def certificates(ids):
    acm = client("acm")
    ids["cert_logged"] = acm.request_certificate(DomainName="cdn.example.com", ValidationMethod="DNS")["CertificateArn"]
    ids["cert_hidden"] = acm.request_certificate(
        DomainName="hidden.example.com", ValidationMethod="DNS",
        # moto lists a certificate with options only when they name Export too.
        Options={"CertificateTransparencyLoggingPreference": "DISABLED", "Export": "DISABLED"})["CertificateArn"]


def web_acls(ids):
    waf = client("wafv2")
    logs = client("logs")
    for name, rules in (("edge-logged", True), ("edge-silent", False)):
        rule = [{
            "Name": "common", "Priority": 1, "OverrideAction": {"None": {}},
            "Statement": {"ManagedRuleGroupStatement": {"VendorName": "AWS", "Name": "AWSManagedRulesCommonRuleSet"}},
            "VisibilityConfig": visibility("common"),
        }] if rules else []
        acl = waf.create_web_acl(
            Name=name, Scope="REGIONAL", DefaultAction={"Allow": {}}, Rules=rule,
            VisibilityConfig=visibility(name))["Summary"]
        ids[f"acl_{name.split('-')[1]}"] = acl["ARN"]
    logs.create_log_group(logGroupName="aws-waf-logs-edge")
    group = logs.describe_log_groups(logGroupNamePrefix="aws-waf-logs-edge")["logGroups"][0]["arn"].removesuffix(":*")
    waf.put_logging_configuration(LoggingConfiguration={"ResourceArn": ids["acl_logged"], "LogDestinationConfigs": [group]})
    cdn = client("wafv2", "us-east-1").create_web_acl(
        Name="cdn-acl", Scope="CLOUDFRONT", DefaultAction={"Block": {}}, Rules=[],
        VisibilityConfig=visibility("cdn"))["Summary"]
    ids["acl_cdn"] = cdn["ARN"]

    # Two internet-facing application load balancers: the logged ACL protects the first only.
    ec2 = client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.40.0.0/16")["Vpc"]["VpcId"]
    ids["vpc"] = vpc
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=cidr, AvailabilityZone=f"{REGION}{zone}")["Subnet"]["SubnetId"]
        for zone, cidr in (("a", "10.40.1.0/24"), ("b", "10.40.2.0/24"))
    ]
    elbv2 = client("elbv2")
    for key in ("lb_guarded", "lb_open"):
        ids[key] = elbv2.create_load_balancer(
            Name=key.replace("_", "-"), Subnets=subnets, Scheme="internet-facing", Type="application")["LoadBalancers"][0][
                "LoadBalancerArn"]
    waf.associate_web_acl(WebACLArn=ids["acl_logged"], ResourceArn=ids["lb_guarded"])


def distributions(ids):
    cloudfront = client("cloudfront", "us-east-1")

    def config(reference, hardened):
        origin = {
            "Id": "origin", "DomainName": "origin.example.com", "OriginPath": "",
            "CustomOriginConfig": {
                "HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only" if hardened else "match-viewer",
                "OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]} if hardened
                else {"Quantity": 2, "Items": ["SSLv3", "TLSv1"]},
            },
        }
        behavior = {
            "TargetOriginId": "origin", "ViewerProtocolPolicy": "redirect-to-https" if hardened else "allow-all",
            "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6",
        }
        if hardened:
            behavior["ResponseHeadersPolicyId"] = SECURITY_HEADERS
        body = {
            "CallerReference": reference, "Comment": reference, "Enabled": True,
            "Origins": {"Quantity": 1, "Items": [origin]}, "DefaultCacheBehavior": behavior,
        }
        if hardened:
            body.update({
                "DefaultRootObject": "index.html",
                "Logging": {"Enabled": True, "IncludeCookies": False, "Bucket": "cdn-logs.s3.amazonaws.com", "Prefix": "cdn/"},
                "WebACLId": ids["acl_cdn"],
                "Aliases": {"Quantity": 1, "Items": ["cdn.example.com"]},
                "ViewerCertificate": {
                    "CloudFrontDefaultCertificate": False, "ACMCertificateArn": ids["cert_logged"],
                    "SSLSupportMethod": "sni-only",
                    "MinimumProtocolVersion": "TLSv1.2_2021",
                },
            })
        else:
            body["ViewerCertificate"] = {"CloudFrontDefaultCertificate": True, "MinimumProtocolVersion": "TLSv1"}
        return body

    ids["dist_hardened"] = cloudfront.create_distribution(DistributionConfig=config("hardened", True))["Distribution"]["Id"]
    ids["dist_plain"] = cloudfront.create_distribution(DistributionConfig=config("plain", False))["Distribution"]["Id"]


def rest_apis(ids):
    apigw = client("apigateway")
    logs = client("logs")
    logs.create_log_group(logGroupName="api-access")
    group = logs.describe_log_groups(logGroupNamePrefix="api-access")["logGroups"][0]["arn"].removesuffix(":*")
    api = apigw.create_rest_api(name="orders", endpointConfiguration={"types": ["REGIONAL"]})["id"]
    ids["rest_api"] = api
    root = apigw.get_resources(restApiId=api)["items"][0]["id"]
    orders = apigw.create_resource(restApiId=api, parentId=root, pathPart="orders")["id"]
    ids["resource_orders"] = orders
    for verb, authorization in (("GET", "NONE"), ("POST", "AWS_IAM"), ("OPTIONS", "NONE")):
        apigw.put_method(restApiId=api, resourceId=orders, httpMethod=verb, authorizationType=authorization)
        apigw.put_integration(restApiId=api, resourceId=orders, httpMethod=verb, type="MOCK")
    deployment = apigw.create_deployment(restApiId=api)["id"]
    apigw.create_stage(restApiId=api, stageName="plain", deploymentId=deployment)
    apigw.update_stage(restApiId=api, stageName="plain", patchOperations=[
        {"op": "replace", "path": "/*/*/logging/dataTrace", "value": "true"},
        {"op": "replace", "path": "/*/*/caching/enabled", "value": "true"},
        {"op": "replace", "path": "/*/*/caching/dataEncrypted", "value": "false"},
    ])
    apigw.create_stage(restApiId=api, stageName="hardened", deploymentId=deployment, tracingEnabled=True)
    apigw.update_stage(restApiId=api, stageName="hardened", patchOperations=[
        {"op": "replace", "path": "/accessLogSettings/destinationArn", "value": group},
        {"op": "replace", "path": "/accessLogSettings/format", "value": "$context.requestId"},
        {"op": "replace", "path": "/*/*/logging/loglevel", "value": "ERROR"},
        {"op": "replace", "path": "/*/*/caching/enabled", "value": "true"},
        {"op": "replace", "path": "/*/*/caching/dataEncrypted", "value": "true"},
    ])
    ids["api_log_group"] = group

    v2 = client("apigatewayv2")
    http = v2.create_api(Name="events", ProtocolType="HTTP")["ApiId"]
    ids["http_api"] = http
    authorizer = v2.create_authorizer(
        ApiId=http, AuthorizerType="JWT", Name="jwt", IdentitySource=["$request.header.Authorization"],
        JwtConfiguration={"Audience": ["events"], "Issuer": "https://issuer.example.com"})["AuthorizerId"]
    ids["route_open"] = v2.create_route(ApiId=http, RouteKey="GET /events")["RouteId"]
    ids["route_jwt"] = v2.create_route(
        ApiId=http, RouteKey="POST /events", AuthorizationType="JWT", AuthorizerId=authorizer)["RouteId"]
    v2.create_stage(ApiId=http, StageName="plain")
    v2.create_stage(
        ApiId=http, StageName="logged",
        AccessLogSettings={"DestinationArn": group, "Format": "$context.requestId"},
        DefaultRouteSettings={"DetailedMetricsEnabled": True, "LoggingLevel": "INFO"})


def zones(ids):
    route53 = client("route53", "us-east-1")
    logs = client("logs", "us-east-1")
    for key, name in (("zone_plain", "plain.example.com"), ("zone_logged", "logged.example.com")):
        ids[key] = route53.create_hosted_zone(Name=name, CallerReference=key)["HostedZone"]["Id"].split("/")[-1]
    ids["zone_private"] = route53.create_hosted_zone(
        Name="internal.example.com", CallerReference="private",
        HostedZoneConfig={"Comment": "internal", "PrivateZone": True},
        VPC={"VPCRegion": REGION, "VPCId": ids["vpc"]})["HostedZone"]["Id"].split("/")[-1]
    logs.create_log_group(logGroupName="/aws/route53/logged.example.com")
    group = logs.describe_log_groups(logGroupNamePrefix="/aws/route53/logged")["logGroups"][0]["arn"]
    ids["query_log"] = route53.create_query_logging_config(
        HostedZoneId=ids["zone_logged"], CloudWatchLogsLogGroupArn=group)["QueryLoggingConfig"]["Id"]


def main():
    ids = {}
    certificates(ids)
    web_acls(ids)
    distributions(ids)
    rest_apis(ids)
    zones(ids)
    print(json.dumps(ids))


if __name__ == "__main__":
    main()
