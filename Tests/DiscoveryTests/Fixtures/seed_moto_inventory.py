"""Seeds a moto server (AWS_ENDPOINT_URL) with one compliant and one misconfigured resource for each service of
Bulwark's wider AWS discovery (network pieces, snapshots, AMIs, RDS clusters, IAM roles, load balancers,
messaging, data stores, serverless, detection) and prints their IDs as JSON on the last line.

With --scale N it adds N copies of the misconfigured estate (about 30 resources each) for the Prowler comparison.
Written for Bulwark; boto3 reads endpoint, credentials and region from the environment.
"""
import argparse
import json
import os

import boto3
from botocore.config import Config

RETRIES = Config(retries={"max_attempts": 10, "mode": "standard"})
REGION = os.environ.get("AWS_DEFAULT_REGION", os.environ.get("AWS_REGION", "us-east-1"))
OPEN_TRUST = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}],
}
LAMBDA_TRUST = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}
ADMIN = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
READ_ONLY = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}


def client(name):
    return boto3.client(name, region_name=REGION, config=RETRIES)


def network(ids, suffix=""):
    ec2 = client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    # One subnet per zone, as AWS requires of a load balancer's subnets (moto would accept two in one zone).
    public = ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.1.0/24", AvailabilityZone=f"{REGION}a")["Subnet"]["SubnetId"]
    ec2.modify_subnet_attribute(SubnetId=public, MapPublicIpOnLaunch={"Value": True})
    private = ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.2.0/24", AvailabilityZone=f"{REGION}b")["Subnet"]["SubnetId"]
    acl = ec2.create_network_acl(VpcId=vpc)["NetworkAcl"]["NetworkAclId"]
    ec2.create_network_acl_entry(
        NetworkAclId=acl, RuleNumber=100, Protocol="6", RuleAction="allow", Egress=False, CidrBlock="0.0.0.0/0",
        PortRange={"From": 22, "To": 22})
    tight = ec2.create_network_acl(VpcId=vpc)["NetworkAcl"]["NetworkAclId"]
    ec2.create_network_acl_entry(
        NetworkAclId=tight, RuleNumber=100, Protocol="6", RuleAction="allow", Egress=False, CidrBlock="10.0.0.0/8",
        PortRange={"From": 443, "To": 443})
    gateway = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=gateway, VpcId=vpc)
    endpoint = ec2.create_vpc_endpoint(
        VpcId=vpc, ServiceName=f"com.amazonaws.{REGION}.s3", VpcEndpointType="Gateway")["VpcEndpoint"]["VpcEndpointId"]
    ids.update({
        "vpc" + suffix: vpc, "subnet_public" + suffix: public, "subnet_private" + suffix: private,
        "acl_open" + suffix: acl, "acl_tight" + suffix: tight, "igw" + suffix: gateway, "endpoint" + suffix: endpoint,
    })
    volume = ec2.create_volume(AvailabilityZone=f"{REGION}a", Size=8)["VolumeId"]
    shared = ec2.create_snapshot(VolumeId=volume)["SnapshotId"]
    ec2.modify_snapshot_attribute(
        SnapshotId=shared, Attribute="createVolumePermission", OperationType="add", GroupNames=["all"])
    private_snapshot = ec2.create_snapshot(VolumeId=volume)["SnapshotId"]
    # Registered from a snapshot: listing Amazon's images to launch an instance costs moto seconds.
    ami = ec2.register_image(
        Name="public-ami" + suffix, RootDeviceName="/dev/xvda",
        BlockDeviceMappings=[{"DeviceName": "/dev/xvda", "Ebs": {"SnapshotId": private_snapshot}}])["ImageId"]
    ec2.modify_image_attribute(ImageId=ami, LaunchPermission={"Add": [{"Group": "all"}]})
    ids.update({"snapshot_public" + suffix: shared, "snapshot_private" + suffix: private_snapshot, "ami_public" + suffix: ami})
    return vpc, public, private


def databases(ids, suffix=""):
    rds = client("rds")
    rds.create_db_cluster(
        DBClusterIdentifier="cluster-plain" + suffix, Engine="aurora-postgresql", MasterUsername="admin",
        MasterUserPassword="not-a-secret-1", StorageEncrypted=False)
    rds.create_db_instance(
        DBInstanceIdentifier="db-snap-source" + suffix, DBInstanceClass="db.t3.micro", Engine="postgres",
        MasterUsername="admin", MasterUserPassword="not-a-secret-1", AllocatedStorage=20)
    rds.create_db_snapshot(DBSnapshotIdentifier="snap-public" + suffix, DBInstanceIdentifier="db-snap-source" + suffix)
    rds.modify_db_snapshot_attribute(
        DBSnapshotIdentifier="snap-public" + suffix, AttributeName="restore", ValuesToAdd=["all"])
    rds.create_db_snapshot(DBSnapshotIdentifier="snap-private" + suffix, DBInstanceIdentifier="db-snap-source" + suffix)
    rds.create_db_cluster_snapshot(
        DBClusterSnapshotIdentifier="cluster-snap" + suffix, DBClusterIdentifier="cluster-plain" + suffix)
    rds.create_db_parameter_group(
        DBParameterGroupName="pg-custom" + suffix, DBParameterGroupFamily="postgres13", Description="custom")
    rds.modify_db_parameter_group(
        DBParameterGroupName="pg-custom" + suffix,
        Parameters=[{"ParameterName": "rds.force_ssl", "ParameterValue": "1", "ApplyMethod": "immediate"}])
    dynamodb = client("dynamodb")
    for name in ("table-plain" + suffix, "table-pitr" + suffix):
        dynamodb.create_table(
            TableName=name, KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
    dynamodb.update_continuous_backups(
        TableName="table-pitr" + suffix, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})


def identities(ids, suffix=""):
    iam = client("iam")
    iam.create_role(RoleName="open-trust" + suffix, AssumeRolePolicyDocument=json.dumps(OPEN_TRUST))
    iam.put_role_policy(RoleName="open-trust" + suffix, PolicyName="everything", PolicyDocument=json.dumps(ADMIN))
    role = iam.create_role(RoleName="lambda-exec" + suffix, AssumeRolePolicyDocument=json.dumps(LAMBDA_TRUST))["Role"]["Arn"]
    admin = iam.create_policy(PolicyName="admin-policy" + suffix, PolicyDocument=json.dumps(ADMIN))["Policy"]["Arn"]
    iam.create_policy(PolicyName="read-policy" + suffix, PolicyDocument=json.dumps(READ_ONLY))
    iam.attach_role_policy(RoleName="lambda-exec" + suffix, PolicyArn=admin)
    iam.create_group(GroupName="ops" + suffix)
    iam.put_group_policy(GroupName="ops" + suffix, PolicyName="ops-inline", PolicyDocument=json.dumps(READ_ONLY))
    ids.update({"admin_policy" + suffix: admin, "lambda_role" + suffix: role})
    return role


def edge(ids, vpc, subnets, role, suffix=""):
    elbv2 = client("elbv2")
    lb = elbv2.create_load_balancer(Name="web" + suffix, Subnets=subnets)["LoadBalancers"][0]["LoadBalancerArn"]
    group = elbv2.create_target_group(Name="web-tg" + suffix, Protocol="HTTP", Port=80, VpcId=vpc)["TargetGroups"][0]
    listener = elbv2.create_listener(
        LoadBalancerArn=lb, Protocol="HTTP", Port=80,
        DefaultActions=[{"Type": "forward", "TargetGroupArn": group["TargetGroupArn"]}])["Listeners"][0]["ListenerArn"]
    ids.update({"lb" + suffix: lb, "listener" + suffix: listener, "target_group" + suffix: group["TargetGroupArn"]})
    kms = client("kms")
    key = kms.create_key()["KeyMetadata"]["KeyId"]
    kms.create_alias(AliasName="alias/app" + suffix, TargetKeyId=key)
    sns = client("sns")
    ids["topic_plain" + suffix] = sns.create_topic(Name="plain-topic" + suffix)["TopicArn"]
    ids["topic_kms" + suffix] = sns.create_topic(Name="kms-topic" + suffix, Attributes={"KmsMasterKeyId": key})["TopicArn"]
    sqs = client("sqs")
    ids["queue_plain" + suffix] = sqs.create_queue(
        QueueName="plain-queue" + suffix, Attributes={"SqsManagedSseEnabled": "false"})["QueueUrl"]
    ids["queue_kms" + suffix] = sqs.create_queue(
        QueueName="kms-queue" + suffix, Attributes={"KmsMasterKeyId": key})["QueueUrl"]
    secrets = client("secretsmanager")
    ids["secret" + suffix] = secrets.create_secret(Name="app-secret" + suffix, SecretString="x")["ARN"]
    ssm = client("ssm")
    ssm.put_parameter(Name="/app/plain" + suffix, Value="v", Type="String")
    ssm.put_parameter(Name="/app/secure" + suffix, Value="v", Type="SecureString")
    ssm.create_document(
        Name="shared-doc" + suffix, DocumentType="Command",
        Content=json.dumps({"schemaVersion": "2.2", "description": "d", "mainSteps": [
            {"action": "aws:runShellScript", "name": "s", "inputs": {"runCommand": ["true"]}}]}))
    ssm.modify_document_permission(Name="shared-doc" + suffix, PermissionType="Share", AccountIdsToAdd=["All"])
    client("ecr").create_repository(repositoryName="app" + suffix)
    client("ecr").create_repository(
        repositoryName="app-hardened" + suffix, imageTagMutability="IMMUTABLE",
        imageScanningConfiguration={"scanOnPush": True})
    ecs = client("ecs")
    ecs.create_cluster(clusterName="plain-cluster" + suffix)
    ecs.create_cluster(
        clusterName="insights-cluster" + suffix, settings=[{"name": "containerInsights", "value": "enabled"}])
    client("cloudwatch").put_metric_alarm(
        AlarmName="silent-alarm" + suffix, MetricName="Errors", Namespace="App", Statistic="Sum", Period=60,
        EvaluationPeriods=1, Threshold=1, ComparisonOperator="GreaterThanOrEqualToThreshold", ActionsEnabled=False)
    logs = client("logs")
    logs.create_log_group(logGroupName="/trail/events" + suffix)
    logs.put_metric_filter(
        logGroupName="/trail/events" + suffix, filterName="root-usage" + suffix,
        filterPattern='{ $.userIdentity.type = "Root" }',
        metricTransformations=[{"metricName": "RootUsage", "metricNamespace": "CIS", "metricValue": "1"}])
    lam = client("lambda")
    lam.create_function(
        FunctionName="handler" + suffix, Runtime="python3.12", Role=role, Handler="index.handler",
        Code={"ZipFile": b"PK\x05\x06" + b"\x00" * 18})
    lam.add_permission(
        FunctionName="handler" + suffix, StatementId="public", Action="lambda:InvokeFunction", Principal="*")
    ids["efs_plain" + suffix] = client("efs").create_file_system(CreationToken="plain" + suffix)["FileSystemId"]
    ids["key"] = key


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=0)
    args = parser.parse_args()
    ids = {}
    for copy in range(args.scale + 1):
        suffix = "" if copy == 0 else f"-{copy}"
        vpc, public, private = network(ids, suffix)
        databases(ids, suffix)
        role = identities(ids, suffix)
        edge(ids, vpc, [public, private], role, suffix)
    ids["detector"] = client("guardduty").create_detector(Enable=False)["DetectorId"]
    print(json.dumps(ids))


if __name__ == "__main__":
    main()
