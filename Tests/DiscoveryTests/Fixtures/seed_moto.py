"""Seeds a moto server (AWS_ENDPOINT_URL) with compliant and non-compliant resources for Bulwark's discovery.

Without arguments it creates the named fixtures the tests assert on and prints their IDs as JSON.
With --scale N it also creates bulk resources across services (about 10*N resources) using threads, for the
discovery benchmark. Written for Bulwark; boto3 reads endpoint, credentials and region from the environment.
"""
import argparse
import json
import os
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config

# moto answers 500 now and then under concurrent writes; botocore's standard retries absorb it.
RETRIES = Config(retries={"max_attempts": 10, "mode": "standard"}, max_pool_connections=16)

REGION = os.environ.get("AWS_DEFAULT_REGION", "us-east-1")
TLS_ONLY = {
    "Version": "2012-10-17",
    "Statement": [{
        "Sid": "DenyInsecure", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
        "Resource": ["arn:aws:s3:::secure-bucket", "arn:aws:s3:::secure-bucket/*"],
        "Condition": {"Bool": {"aws:SecureTransport": "false"}},
    }],
}


def client(name):
    return boto3.client(name, region_name=REGION, config=RETRIES)


def named_fixtures():
    ids = {}
    s3 = client("s3")
    s3.create_bucket(Bucket="public-bucket")
    s3.put_bucket_acl(Bucket="public-bucket", ACL="public-read")
    s3.create_bucket(Bucket="log-bucket")
    s3.put_bucket_acl(Bucket="log-bucket", ACL="log-delivery-write")
    s3.create_bucket(Bucket="secure-bucket")
    s3.put_bucket_versioning(Bucket="secure-bucket", VersioningConfiguration={"Status": "Enabled"})
    s3.put_bucket_encryption(Bucket="secure-bucket", ServerSideEncryptionConfiguration={"Rules": [
        {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}, "BucketKeyEnabled": True}]})
    s3.put_public_access_block(Bucket="secure-bucket", PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
    s3.put_bucket_logging(Bucket="secure-bucket", BucketLoggingStatus={
        "LoggingEnabled": {"TargetBucket": "log-bucket", "TargetPrefix": "secure/"}})
    s3.put_bucket_policy(Bucket="secure-bucket", Policy=json.dumps(TLS_ONLY))
    account = client("sts").get_caller_identity()["Account"]
    ids["account"] = account
    # The account-level public access block (S3 Control) is not seeded: moto routes S3 Control only by the
    # ACCOUNT.s3-control host name, which a loopback endpoint cannot provide.

    ec2 = client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.10.0.0/16")["Vpc"]["VpcId"]
    ids["vpc"] = vpc
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.10.1.0/24")["Subnet"]["SubnetId"]
    open_ssh = ec2.create_security_group(GroupName="open-ssh", Description="ssh from anywhere", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=open_ssh, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    private = ec2.create_security_group(GroupName="private-web", Description="internal https", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=private, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}])
    ids["sg_open"], ids["sg_private"] = open_ssh, private
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    v1 = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, InstanceType="t3.micro", SubnetId=subnet,
                           SecurityGroupIds=[open_ssh],
                           MetadataOptions={"HttpTokens": "optional", "HttpEndpoint": "enabled"})["Instances"][0]
    v2 = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, InstanceType="t3.micro", SubnetId=subnet,
                           SecurityGroupIds=[private],
                           MetadataOptions={"HttpTokens": "required", "HttpEndpoint": "enabled"},
                           BlockDeviceMappings=[{"DeviceName": "/dev/sda1", "Ebs": {"VolumeSize": 8, "Encrypted": True}}],
                           )["Instances"][0]
    ids["instance_v1"], ids["instance_v2"] = v1["InstanceId"], v2["InstanceId"]
    ids["volume_plain"] = ec2.create_volume(AvailabilityZone=REGION + "a", Size=10, Encrypted=False)["VolumeId"]
    ids["volume_encrypted"] = ec2.create_volume(AvailabilityZone=REGION + "a", Size=10, Encrypted=True)["VolumeId"]

    logs = client("logs")
    logs.create_log_group(logGroupName="/flow/logs")
    kms = client("kms")
    rotated = kms.create_key(Description="rotated")["KeyMetadata"]
    kms.enable_key_rotation(KeyId=rotated["KeyId"])
    plain = kms.create_key(Description="not rotated")["KeyMetadata"]
    ids["key_rotated"], ids["key_plain"] = rotated["KeyId"], plain["KeyId"]
    logs.create_log_group(logGroupName="/app/encrypted", kmsKeyId=rotated["Arn"])
    iam = client("iam")
    role = iam.create_role(RoleName="flow-logs", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "vpc-flow-logs.amazonaws.com"},
                                                "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
    ec2.create_flow_logs(ResourceIds=[vpc], ResourceType="VPC", TrafficType="ALL", LogGroupName="/flow/logs",
                         DeliverLogsPermissionArn=role)

    rds = client("rds")
    rds.create_db_instance(DBInstanceIdentifier="db-plain", DBInstanceClass="db.t3.micro", Engine="postgres",
                           MasterUsername="admin1", MasterUserPassword="password123", AllocatedStorage=20,
                           StorageEncrypted=False, PubliclyAccessible=True)
    rds.create_db_instance(DBInstanceIdentifier="db-secure", DBInstanceClass="db.t3.micro", Engine="postgres",
                           MasterUsername="admin1", MasterUserPassword="password123", AllocatedStorage=20,
                           StorageEncrypted=True, KmsKeyId=rotated["Arn"], PubliclyAccessible=False,
                           DeletionProtection=True, BackupRetentionPeriod=14)

    iam.create_user(UserName="alice")
    ids["alice_key"] = iam.create_access_key(UserName="alice")["AccessKey"]["AccessKeyId"]
    readonly = iam.create_policy(PolicyName="read-only", PolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]}))["Policy"]["Arn"]
    iam.attach_user_policy(UserName="alice", PolicyArn=readonly)
    iam.put_user_policy(UserName="alice", PolicyName="inline-admin", PolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
    iam.create_user(UserName="bob")
    mfa = iam.create_virtual_mfa_device(VirtualMFADeviceName="bob-mfa")["VirtualMFADevice"]["SerialNumber"]
    iam.enable_mfa_device(UserName="bob", SerialNumber=mfa, AuthenticationCode1="123456", AuthenticationCode2="654321")
    iam.update_account_password_policy(MinimumPasswordLength=8, RequireSymbols=True)

    trail = client("cloudtrail")
    trail.create_trail(Name="main-trail", S3BucketName="secure-bucket", IsMultiRegionTrail=True,
                       EnableLogFileValidation=True, KmsKeyId=rotated["Arn"])
    trail.start_logging(Name="main-trail")
    trail.put_event_selectors(TrailName="main-trail", EventSelectors=[
        {"ReadWriteType": "All", "IncludeManagementEvents": True,
         "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::secure-bucket/"]}]}])
    trail.create_trail(Name="quiet-trail", S3BucketName="log-bucket")

    config = client("config")
    config.put_configuration_recorder(ConfigurationRecorder={
        "name": "default", "roleARN": role,
        "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": True}})
    config.put_delivery_channel(DeliveryChannel={"name": "default", "s3BucketName": "log-bucket"})
    config.start_configuration_recorder(ConfigurationRecorderName="default")
    return ids


def bulk(scale):
    """About 10*scale resources: SGs, volumes, instances, buckets (with split settings), log groups, users, keys."""
    ec2, s3, logs, iam, kms = client("ec2"), client("s3"), client("logs"), client("iam"), client("kms")
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]

    def sg(i):
        gid = ec2.create_security_group(GroupName=f"bulk-sg-{i}", Description="bulk")["GroupId"]
        ec2.authorize_security_group_ingress(GroupId=gid, IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 22 if i % 5 == 0 else 443, "ToPort": 22 if i % 5 == 0 else 443,
             "IpRanges": [{"CidrIp": "0.0.0.0/0" if i % 5 == 0 else "10.0.0.0/8"}]}])

    def volume(i):
        ec2.create_volume(AvailabilityZone=REGION + "a", Size=1, Encrypted=i % 2 == 0)

    def bucket(i):
        name = f"bulk-bucket-{i:05d}"
        s3.create_bucket(Bucket=name)
        if i % 2 == 0:
            s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
            s3.put_public_access_block(Bucket=name, PublicAccessBlockConfiguration={
                "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})

    def log_group(i):
        logs.create_log_group(logGroupName=f"/bulk/{i:05d}")

    def user(i):
        iam.create_user(UserName=f"bulk-user-{i:05d}")
        if i % 2 == 0:
            iam.create_access_key(UserName=f"bulk-user-{i:05d}")

    def key(i):
        k = kms.create_key(Description=f"bulk {i}")["KeyMetadata"]["KeyId"]
        if i % 2 == 0:
            kms.enable_key_rotation(KeyId=k)

    # moto's EC2 security-group store is not safe under concurrent writes (it answers 500), so groups go serially.
    for i in range(scale * 2):
        sg(i)
    jobs = [(volume, scale * 2), (bucket, scale), (log_group, scale * 2), (user, scale), (key, scale // 2)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(fn, i) for fn, count in jobs for i in range(count)]
        for f in futures:
            f.result()
    # Instances in batches: one call creates many.
    for _ in range(max(1, scale // 100)):
        ec2.run_instances(ImageId=image, MinCount=100, MaxCount=100, InstanceType="t3.nano",
                          MetadataOptions={"HttpTokens": "required"})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=0)
    args = parser.parse_args()
    ids = named_fixtures()
    if args.scale:
        bulk(args.scale)
    print(json.dumps(ids))


if __name__ == "__main__":
    main()
