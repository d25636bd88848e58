"""Bulwark live-remediation fixtures for a moto server (endpoint, credentials and region from the environment).

`seed`      creates one non-compliant resource per AWS live fix and prints their IDs as one JSON line.
`readback`  reads the same resources back through the API and prints their current settings as one JSON line,
            so tests judge the outcome by moto's state, not by Bulwark's own reading of it.
`delete-bucket NAME`  deletes a bucket (to make a later fix fail).
Written for Bulwark's LiveRemediationTests.
"""
import json
import sys

import boto3
from botocore.exceptions import ClientError

REGION = "us-east-1"


def client(name):
    return boto3.client(name, region_name=REGION)


def seed():
    ids = {}
    s3 = client("s3")
    s3.create_bucket(Bucket="fix-me-bucket")
    s3.create_bucket(Bucket="trail-logs")
    ec2 = client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.30.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.30.1.0/24")["Subnet"]["SubnetId"]
    sg = ec2.create_security_group(GroupName="admin-open", Description="ssh and rdp from anywhere", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
        {"IpProtocol": "tcp", "FromPort": 3389, "ToPort": 3389, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
        {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    ids["sg"] = sg
    image = ec2.describe_images()["Images"][0]["ImageId"]
    instance = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, InstanceType="t3.micro", SubnetId=subnet,
                                 MetadataOptions={"HttpTokens": "optional", "HttpEndpoint": "enabled"})
    ids["instance"] = instance["Instances"][0]["InstanceId"]
    ec2.disable_ebs_encryption_by_default()
    kms = client("kms")
    ids["key"] = kms.create_key(Description="no rotation")["KeyMetadata"]["Arn"]
    trail = client("cloudtrail").create_trail(Name="single-region", S3BucketName="trail-logs",
                                              IsMultiRegionTrail=False, EnableLogFileValidation=False)
    ids["trail"] = trail["TrailARN"]
    client("iam").update_account_password_policy(MinimumPasswordLength=8, RequireSymbols=False)
    ids["account"] = client("sts").get_caller_identity()["Account"]
    print(json.dumps(ids))


def readback(ids):
    s3 = client("s3")
    ec2 = client("ec2")
    state = {}
    try:
        pab = s3.get_public_access_block(Bucket="fix-me-bucket")["PublicAccessBlockConfiguration"]
        state["bucket_pab"] = all(pab.values())
    except ClientError:
        state["bucket_pab"] = False
    state["bucket_versioning"] = s3.get_bucket_versioning(Bucket="fix-me-bucket").get("Status", "")
    try:
        rules = s3.get_bucket_encryption(Bucket="fix-me-bucket")["ServerSideEncryptionConfiguration"]["Rules"]
        state["bucket_sse"] = rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"]
    except ClientError:
        state["bucket_sse"] = ""
    group = ec2.describe_security_groups(GroupIds=[ids["sg"]])["SecurityGroups"][0]
    state["sg_rules"] = sorted("%s/%s" % (p.get("FromPort", -1), r["CidrIp"])
                               for p in group["IpPermissions"] for r in p.get("IpRanges", []))
    instance = ec2.describe_instances(InstanceIds=[ids["instance"]])["Reservations"][0]["Instances"][0]
    state["http_tokens"] = instance["MetadataOptions"]["HttpTokens"]
    state["ebs_default"] = ec2.get_ebs_encryption_by_default()["EbsEncryptionByDefault"]
    state["key_rotation"] = client("kms").get_key_rotation_status(KeyId=ids["key"])["KeyRotationEnabled"]
    ct = client("cloudtrail")
    trail = ct.describe_trails(trailNameList=[ids["trail"]])["trailList"][0]
    state["trail_multi_region"] = trail["IsMultiRegionTrail"]
    state["trail_validation"] = trail["LogFileValidationEnabled"]
    state["trail_logging"] = ct.get_trail_status(Name=ids["trail"])["IsLogging"]
    policy = client("iam").get_account_password_policy()["PasswordPolicy"]
    state["password_min_length"] = policy["MinimumPasswordLength"]
    state["password_symbols"] = policy.get("RequireSymbols", False)
    print(json.dumps(state))


if __name__ == "__main__":
    if sys.argv[1] == "seed":
        seed()
    elif sys.argv[1] == "readback":
        readback(json.loads(sys.argv[2]))
    elif sys.argv[1] == "delete-bucket":
        client("s3").delete_bucket(Bucket=sys.argv[2])
        print("{}")
