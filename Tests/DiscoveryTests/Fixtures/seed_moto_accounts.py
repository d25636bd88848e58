"""Seeds member accounts of a moto server (AWS_ENDPOINT_URL) through assumed roles.

For each role ARN given as an argument, assumes it with the caller's credentials (moto then acts as the role's
account for every call signed with the returned keys) and creates in that account a bucket named
`member-<account>` and an IAM role named `auditor` (the same name in every account, so their addresses would
collide without the account in them). The caller's own account gets a bucket `source-only`, which a read of the
member accounts must not report. Prints {account: bucket} as JSON. Written for Bulwark from the STS and S3 docs.
"""
import json
import sys

import boto3
from botocore.config import Config

RETRIES = Config(retries={"max_attempts": 10, "mode": "standard"})
TRUST = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}

boto3.client("s3", config=RETRIES).create_bucket(Bucket="source-only")
sts = boto3.client("sts", config=RETRIES)
seeded = {}
for arn in sys.argv[1:]:
    account = arn.split(":")[4]
    creds = sts.assume_role(RoleArn=arn, RoleSessionName="seed")["Credentials"]
    session = boto3.session.Session(
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
    )
    identity = session.client("sts", config=RETRIES).get_caller_identity()
    assert identity["Account"] == account, identity
    bucket = "member-" + account
    session.client("s3", config=RETRIES).create_bucket(Bucket=bucket)
    session.client("iam", config=RETRIES).create_role(RoleName="auditor", AssumeRolePolicyDocument=json.dumps(TRUST))
    seeded[account] = bucket
print(json.dumps(seeded))
