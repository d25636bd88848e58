"""Seeds a moto server (AWS_ENDPOINT_URL) with the compliant and misconfigured pairs the posture checks compared
with Prowler's need: S3 ownership, lifecycle, replication, notifications and Object Lock; RDS subnet groups,
Multi-AZ clusters and event subscriptions; ECR lifecycle and repository policies and registry scanning; EFS backup
and file system policies; DynamoDB auto scaling; EC2 network interfaces and virtualization; VPC endpoint policies
and EC2 endpoints.
Only us-east-1 gets the region-level settings (registry scanning, event subscriptions), so us-west-2 is the
failing region. `--s3-only` seeds the buckets alone. Prints the IDs as JSON on the last line.
Written for Bulwark; boto3 reads endpoint and credentials from the environment.
"""
import json
import sys

import boto3
from botocore.config import Config

RETRIES = Config(retries={"max_attempts": 10, "mode": "standard"})
REGION = "us-east-1"
ACCOUNT = "123456789012"


def client(name, region=REGION):
    return boto3.client(name, region_name=region, config=RETRIES)


def policy(principal, actions):
    return json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": principal, "Action": actions, "Resource": "*"}]})


def seed_s3(ids):
    s3 = client("s3")
    sqs = client("sqs")
    queue = sqs.create_queue(QueueName="posture-events")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    s3.create_bucket(Bucket="posture-plain")
    s3.create_bucket(Bucket="posture-managed", ObjectLockEnabledForBucket=True)
    s3.create_bucket(Bucket="posture-replica")
    for bucket in ("posture-managed", "posture-replica"):
        s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    s3.put_bucket_ownership_controls(
        Bucket="posture-managed", OwnershipControls={"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]})
    s3.put_bucket_ownership_controls(
        Bucket="posture-plain", OwnershipControls={"Rules": [{"ObjectOwnership": "ObjectWriter"}]})
    s3.put_bucket_acl(Bucket="posture-plain", ACL="public-read")
    s3.put_bucket_lifecycle_configuration(Bucket="posture-managed", LifecycleConfiguration={"Rules": [
        {"ID": "expire", "Status": "Enabled", "Filter": {"Prefix": ""}, "Expiration": {"Days": 365}}]})
    s3.put_bucket_replication(Bucket="posture-managed", ReplicationConfiguration={
        "Role": f"arn:aws:iam::{ACCOUNT}:role/replication",
        "Rules": [{"ID": "all", "Status": "Enabled", "Prefix": "",
                   "Destination": {"Bucket": "arn:aws:s3:::posture-replica"}}]})
    s3.put_bucket_notification_configuration(Bucket="posture-managed", NotificationConfiguration={
        "QueueConfigurations": [{"QueueArn": queue_arn, "Events": ["s3:ObjectRemoved:*"]}]})
    ids["bucket_plain"] = "posture-plain"
    ids["bucket_managed"] = "posture-managed"


def seed_rds(ids, ec2):
    rds = client("rds")
    vpc = ec2.create_vpc(CidrBlock="10.40.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.40.{i}.0/24", AvailabilityZone=f"{REGION}{zone}")
               ["Subnet"]["SubnetId"] for i, zone in ((1, "a"), (2, "b"))]
    rds.create_db_subnet_group(
        DBSubnetGroupName="posture-private", DBSubnetGroupDescription="private", SubnetIds=subnets)
    common = {"DBInstanceClass": "db.t3.micro", "MasterUsername": "app_owner", "MasterUserPassword": "not-a-secret-1",
              "AllocatedStorage": 20}
    rds.create_db_instance(DBInstanceIdentifier="posture-db-vpc", Engine="postgres",
                           DBSubnetGroupName="posture-private", **common)
    rds.create_db_instance(DBInstanceIdentifier="posture-db-bare", Engine="postgres", **common)
    for name in ("posture-cluster-single", "posture-cluster-spread"):
        rds.create_db_cluster(DBClusterIdentifier=name, Engine="aurora-postgresql", MasterUsername="app_owner",
                              MasterUserPassword="not-a-secret-1")
    for name, cluster, zone in (("posture-single-a", "posture-cluster-single", "a"),
                                ("posture-spread-a", "posture-cluster-spread", "a"),
                                ("posture-spread-b", "posture-cluster-spread", "b")):
        rds.create_db_instance(DBInstanceIdentifier=name, DBClusterIdentifier=cluster, Engine="aurora-postgresql",
                               DBInstanceClass="db.r6g.large", AvailabilityZone=f"{REGION}{zone}")
    topic = client("sns").create_topic(Name="posture-rds-events")["TopicArn"]
    rds.create_event_subscription(SubscriptionName="posture-instances", SnsTopicArn=topic, SourceType="db-instance",
                                  EventCategories=["failure", "maintenance", "configuration change"], Enabled=True)


def seed_ecr(ids):
    ecr = client("ecr")
    for name in ("posture-kept", "posture-open"):
        ecr.create_repository(repositoryName=name)
    ecr.put_lifecycle_policy(repositoryName="posture-kept", lifecyclePolicyText=json.dumps({"rules": [{
        "rulePriority": 1, "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 30},
        "action": {"type": "expire"}}]}))
    ecr.set_repository_policy(repositoryName="posture-kept", policyText=policy(
        {"AWS": "arn:aws:iam::210987654321:root"}, ["ecr:BatchGetImage"]))
    ecr.set_repository_policy(repositoryName="posture-open", policyText=policy("*", ["ecr:BatchGetImage"]))
    ecr.put_registry_scanning_configuration(scanType="ENHANCED", rules=[{
        "scanFrequency": "CONTINUOUS_SCAN", "repositoryFilters": [{"filter": "*", "filterType": "WILDCARD"}]}])


def seed_efs(ids):
    efs = client("efs")
    # moto does not implement PutBackupPolicy; the policy is set at creation.
    backed = efs.create_file_system(CreationToken="posture-backed", Backup=True)["FileSystemId"]
    bare = efs.create_file_system(CreationToken="posture-bare")["FileSystemId"]
    efs.put_file_system_policy(FileSystemId=backed, Policy=policy(
        {"AWS": f"arn:aws:iam::{ACCOUNT}:role/app"}, ["elasticfilesystem:ClientMount"]))
    ids["efs_backed"] = backed
    ids["efs_bare"] = bare


def seed_dynamodb(ids):
    dynamodb = client("dynamodb")
    scaling = client("application-autoscaling")
    for name in ("posture-fixed", "posture-scaled"):
        dynamodb.create_table(
            TableName=name, KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}], BillingMode="PROVISIONED",
            ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5})
    for dimension in ("ReadCapacityUnits", "WriteCapacityUnits"):
        scaling.register_scalable_target(
            ServiceNamespace="dynamodb", ResourceId="table/posture-scaled",
            ScalableDimension=f"dynamodb:table:{dimension}", MinCapacity=5, MaxCapacity=100)
    # Reads alone do not make the fixed table scale.
    scaling.register_scalable_target(
        ServiceNamespace="dynamodb", ResourceId="table/posture-fixed",
        ScalableDimension="dynamodb:table:ReadCapacityUnits", MinCapacity=5, MaxCapacity=100)


def seed_ec2(ids, ec2):
    vpc = ec2.create_vpc(CidrBlock="10.50.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.50.1.0/24", AvailabilityZone=f"{REGION}a")["Subnet"]["SubnetId"]
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    single = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, SubnetId=subnet)["Instances"][0]["InstanceId"]
    dual = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, SubnetId=subnet)["Instances"][0]["InstanceId"]
    eni = ec2.create_network_interface(SubnetId=subnet)["NetworkInterface"]["NetworkInterfaceId"]
    ec2.attach_network_interface(NetworkInterfaceId=eni, InstanceId=dual, DeviceIndex=1)
    # An image moto does not know is reported as paravirtual.
    legacy = ec2.run_instances(ImageId="ami-0000000000000beef", MinCount=1, MaxCount=1, SubnetId=subnet)
    ids["instance_single"] = single
    ids["instance_dual"] = dual
    ids["instance_legacy"] = legacy["Instances"][0]["InstanceId"]
    ids["vpc_with_endpoint"] = vpc
    ids["endpoint_open"] = ec2.create_vpc_endpoint(
        VpcId=vpc, ServiceName=f"com.amazonaws.{REGION}.ec2", VpcEndpointType="Interface",
        SubnetIds=[subnet])["VpcEndpoint"]["VpcEndpointId"]
    ids["endpoint_trusted"] = ec2.create_vpc_endpoint(
        VpcId=vpc, ServiceName=f"com.amazonaws.{REGION}.s3", VpcEndpointType="Gateway",
        PolicyDocument=json.dumps({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*",
                                                  "Condition": {"StringEquals": {"aws:PrincipalAccount": ACCOUNT}}}]})
    )["VpcEndpoint"]["VpcEndpointId"]
    ids["vpc_without_endpoint"] = ec2.create_vpc(CidrBlock="10.60.0.0/16")["Vpc"]["VpcId"]
    open_group = ec2.create_security_group(GroupName="posture-open", Description="open", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=open_group, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    closed_group = ec2.create_security_group(GroupName="posture-closed", Description="closed", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=closed_group, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}])
    ids["sg_open"] = open_group
    ids["sg_closed"] = closed_group


def main():
    ids = {}
    ec2 = client("ec2")
    seed_s3(ids)
    if "--s3-only" in sys.argv:
        print(json.dumps(ids))
        return
    seed_rds(ids, ec2)
    seed_ecr(ids)
    seed_efs(ids)
    seed_dynamodb(ids)
    seed_ec2(ids, ec2)
    print(json.dumps(ids))


if __name__ == "__main__":
    main()
