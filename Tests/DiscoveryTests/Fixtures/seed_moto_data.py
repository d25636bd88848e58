"""Seeds a moto server (AWS_ENDPOINT_URL) with one compliant and one misconfigured resource for each data and
platform service of Bulwark's AWS discovery (EKS, ElastiCache, OpenSearch, Redshift, Lambda layers, ECS task
definitions) and prints their IDs as JSON on the last line.

With --scale N it adds N copies of the misconfigured estate for the Prowler comparison.
Written for Bulwark; boto3 reads endpoint, credentials and region from the environment.
"""
import argparse
import base64
import io
import json
import os
import zipfile

import boto3
from botocore.config import Config

RETRIES = Config(retries={"max_attempts": 10, "mode": "standard"})
REGION = os.environ.get("AWS_DEFAULT_REGION", os.environ.get("AWS_REGION", "us-east-1"))
ALL_LOGS = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
# Clearly fake values: the test asserts that none of them reaches what discovery returns.
FAKE_SECRET = "fake-env-value-for-redaction-test-7f3a"


def client(name):
    return boto3.client(name, region_name=REGION, config=RETRIES)


def network(ids):
    ec2 = client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.40.0.0/16")["Vpc"]["VpcId"]
    a = ec2.create_subnet(VpcId=vpc, CidrBlock="10.40.1.0/24", AvailabilityZone=f"{REGION}a")["Subnet"]["SubnetId"]
    b = ec2.create_subnet(VpcId=vpc, CidrBlock="10.40.2.0/24", AvailabilityZone=f"{REGION}b")["Subnet"]["SubnetId"]
    group = ec2.create_security_group(GroupName="data-sg", Description="data", VpcId=vpc)["GroupId"]
    ids.update({"vpc": vpc, "subnet_a": a, "subnet_b": b, "sg": group})
    return vpc, [a, b], group


def key(ids):
    arn = client("kms").create_key(Description="data key")["KeyMetadata"]["Arn"]
    ids["kms"] = arn
    return arn


def role(ids):
    iam = client("iam")
    trust = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "eks.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
    arn = iam.create_role(RoleName="data-role", AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    ids["role"] = arn
    return arn


def eks(ids, subnets, group, kms, role_arn, suffix=""):
    api = client("eks")
    api.create_cluster(
        name="eks-open" + suffix, version="1.27", roleArn=role_arn,
        resourcesVpcConfig={"subnetIds": subnets, "endpointPublicAccess": True, "endpointPrivateAccess": False,
                            "publicAccessCidrs": ["0.0.0.0/0"]},
        logging={"clusterLogging": [{"types": ["api"], "enabled": True},
                                    {"types": ALL_LOGS[1:], "enabled": False}]})
    api.create_nodegroup(
        clusterName="eks-open" + suffix, nodegroupName="ssh-open", subnets=subnets, nodeRole=role_arn,
        remoteAccess={"ec2SshKey": "ops-key"})
    if suffix:
        return
    api.create_cluster(
        name="eks-private", version="1.31", roleArn=role_arn,
        resourcesVpcConfig={"subnetIds": subnets, "securityGroupIds": [group], "endpointPublicAccess": False,
                            "endpointPrivateAccess": True},
        logging={"clusterLogging": [{"types": ALL_LOGS, "enabled": True}]},
        encryptionConfig=[{"resources": ["secrets"], "provider": {"keyArn": kms}}])
    api.create_nodegroup(
        clusterName="eks-private", nodegroupName="ssh-scoped", subnets=subnets, nodeRole=role_arn,
        remoteAccess={"ec2SshKey": "ops-key", "sourceSecurityGroups": [group]})


def elasticache(ids, subnets, kms, suffix=""):
    api = client("elasticache")
    api.create_replication_group(
        ReplicationGroupId="redis-open" + suffix, ReplicationGroupDescription="no encryption",
        CacheNodeType="cache.t3.micro", Engine="redis", NumCacheClusters=1)
    api.create_cache_cluster(
        CacheClusterId="redis-nobackup" + suffix, Engine="redis", CacheNodeType="cache.t3.micro", NumCacheNodes=1,
        AutoMinorVersionUpgrade=False, SnapshotRetentionLimit=0)
    if suffix:
        return
    api.create_cache_subnet_group(
        CacheSubnetGroupName="cache-private", CacheSubnetGroupDescription="private", SubnetIds=subnets)
    api.create_replication_group(
        ReplicationGroupId="redis-sealed", ReplicationGroupDescription="encrypted", CacheNodeType="cache.t3.micro",
        Engine="redis", NumCacheClusters=2, AutomaticFailoverEnabled=True, MultiAZEnabled=True,
        AtRestEncryptionEnabled=True, TransitEncryptionEnabled=True, KmsKeyId=kms,
        AuthToken="fake-auth-token-for-test-0123456789", CacheSubnetGroupName="cache-private",
        SnapshotRetentionLimit=7)
    api.create_cache_cluster(
        CacheClusterId="redis-backed", Engine="redis", CacheNodeType="cache.t3.micro", NumCacheNodes=1,
        AutoMinorVersionUpgrade=True, SnapshotRetentionLimit=5, CacheSubnetGroupName="cache-private")


def opensearch(ids, subnets, group, kms, suffix=""):
    api = client("opensearch")
    open_policy = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:*",
         "Resource": f"arn:aws:es:{REGION}:123456789012:domain/search-open{suffix}/*"}]}
    api.create_domain(
        DomainName="search-open" + suffix, EngineVersion="OpenSearch_2.11",
        ClusterConfig={"InstanceType": "t3.small.search", "InstanceCount": 3},
        EncryptionAtRestOptions={"Enabled": False}, NodeToNodeEncryptionOptions={"Enabled": False},
        DomainEndpointOptions={"EnforceHTTPS": False, "TLSSecurityPolicy": "Policy-Min-TLS-1-0-2019-07"},
        AdvancedSecurityOptions={"Enabled": False, "InternalUserDatabaseEnabled": False},
        AccessPolicies=json.dumps(open_policy))
    if suffix:
        return
    log_group = f"arn:aws:logs:{REGION}:123456789012:log-group:/aws/opensearch/search-sealed"
    api.create_domain(
        DomainName="search-sealed", EngineVersion="OpenSearch_2.11",
        ClusterConfig={"InstanceType": "t3.small.search", "InstanceCount": 3, "DedicatedMasterEnabled": True,
                       "ZoneAwarenessEnabled": True, "ZoneAwarenessConfig": {"AvailabilityZoneCount": 2}},
        VPCOptions={"SubnetIds": subnets, "SecurityGroupIds": [group]},
        EncryptionAtRestOptions={"Enabled": True, "KmsKeyId": kms}, NodeToNodeEncryptionOptions={"Enabled": True},
        DomainEndpointOptions={"EnforceHTTPS": True, "TLSSecurityPolicy": "Policy-Min-TLS-1-2-2019-07"},
        AdvancedSecurityOptions={"Enabled": True, "InternalUserDatabaseEnabled": True,
                                 "MasterUserOptions": {"MasterUserName": "admin", "MasterUserPassword": "Fake-Passw0rd!"}},
        LogPublishingOptions={
            "AUDIT_LOGS": {"CloudWatchLogsLogGroupArn": log_group, "Enabled": True},
            "ES_APPLICATION_LOGS": {"CloudWatchLogsLogGroupArn": log_group, "Enabled": True}})


def redshift(ids, kms, suffix=""):
    api = client("redshift")
    api.create_cluster(
        ClusterIdentifier="warehouse-open" + suffix, NodeType="dc2.large", MasterUsername="awsuser",
        MasterUserPassword="Fake-Passw0rd1", ClusterType="single-node", PubliclyAccessible=True, Encrypted=False,
        AutomatedSnapshotRetentionPeriod=0, AllowVersionUpgrade=False, DBName="dev")
    # moto keeps its default of 1 day at creation; a modification sets 0 as AWS would have at creation.
    api.modify_cluster(ClusterIdentifier="warehouse-open" + suffix, AutomatedSnapshotRetentionPeriod=0)
    if suffix:
        return
    api.create_cluster_parameter_group(
        ParameterGroupName="require-ssl", ParameterGroupFamily="redshift-1.0", Description="ssl only")
    api.create_cluster(
        ClusterIdentifier="warehouse-sealed", NodeType="dc2.large", MasterUsername="warehouse_admin",
        MasterUserPassword="Fake-Passw0rd1", ClusterType="single-node", PubliclyAccessible=False, Encrypted=True,
        KmsKeyId=kms, EnhancedVpcRouting=True, AutomatedSnapshotRetentionPeriod=7, AllowVersionUpgrade=True,
        DBName="analytics", ClusterParameterGroupName="require-ssl")
    api.enable_logging(ClusterIdentifier="warehouse-sealed", BucketName="warehouse-audit-logs")


def layers(ids, suffix=""):
    api = client("lambda")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("python/helper.py", "VALUE = 1\n")
    shared = api.publish_layer_version(
        LayerName="shared-helpers" + suffix, Content={"ZipFile": buffer.getvalue()},
        CompatibleRuntimes=["python3.12"])
    api.add_layer_version_permission(
        LayerName="shared-helpers" + suffix, VersionNumber=shared["Version"], StatementId="everyone",
        Action="lambda:GetLayerVersion", Principal="*")
    ids["layer_public" + suffix] = f"shared-helpers{suffix}:{shared['Version']}"
    if suffix:
        return
    private = api.publish_layer_version(
        LayerName="team-helpers", Content={"ZipFile": buffer.getvalue()}, CompatibleRuntimes=["python3.12"])
    api.add_layer_version_permission(
        LayerName="team-helpers", VersionNumber=private["Version"], StatementId="partner",
        Action="lambda:GetLayerVersion", Principal="210987654321")
    ids["layer_private"] = f"team-helpers:{private['Version']}"


def task_definitions(ids, suffix=""):
    api = client("ecs")
    api.register_task_definition(
        family="task-risky" + suffix, networkMode="host", pidMode="host",
        containerDefinitions=[{
            "name": "app", "image": "app:1.0", "essential": True, "privileged": True, "memory": 128,
            "environment": [{"name": "DB_PASSWORD", "value": FAKE_SECRET}]}],
        volumes=[{"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-12345678",
                                                             "transitEncryption": "DISABLED"}}])
    if suffix:
        return
    api.register_task_definition(
        family="task-safe", networkMode="awsvpc",
        containerDefinitions=[{
            "name": "app", "image": "app:1.0", "essential": True, "readonlyRootFilesystem": True, "user": "1000",
            "memory": 128, "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "app"}}}],
        volumes=[{"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-12345678",
                                                             "transitEncryption": "ENABLED"}}])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=0)
    args = parser.parse_args()
    ids = {}
    _, subnets, group = network(ids)
    kms = key(ids)
    role_arn = role(ids)
    for copy in range(args.scale + 1):
        suffix = f"-{copy}" if copy else ""
        eks(ids, subnets, group, kms, role_arn, suffix)
        elasticache(ids, subnets, kms, suffix)
        opensearch(ids, subnets, group, kms, suffix)
        redshift(ids, kms, suffix)
        layers(ids, suffix)
        task_definitions(ids, suffix)
    print(json.dumps(ids))


if __name__ == "__main__":
    main()
