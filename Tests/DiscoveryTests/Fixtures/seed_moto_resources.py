"""Seeds a moto server (AWS_ENDPOINT_URL) with the compliant and misconfigured pairs the resource-service checks
compared with Prowler need beyond seed_moto_inventory.py: network ACLs read in rule order, encrypted and clear
snapshots, RDS master user names and ports, DynamoDB deletion protection, EFS zones and mount targets. Prints the IDs as JSON on the last line.
Written for Bulwark; boto3 reads endpoint, credentials and region from the environment.
"""
import json
import os

import boto3
from botocore.config import Config

RETRIES = Config(retries={"max_attempts": 10, "mode": "standard"})
REGION = os.environ.get("AWS_DEFAULT_REGION", os.environ.get("AWS_REGION", "us-east-1"))


def client(name):
    return boto3.client(name, region_name=REGION, config=RETRIES)


def main():
    ids = {}
    ec2 = client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.30.0.0/16")["Vpc"]["VpcId"]
    ids["vpc"] = vpc
    # Every port is allowed from anywhere at rule 200, but SSH is denied first at rule 90: closed to SSH, open to RDP.
    shadowed = ec2.create_network_acl(VpcId=vpc)["NetworkAcl"]["NetworkAclId"]
    ec2.create_network_acl_entry(
        NetworkAclId=shadowed, RuleNumber=90, Protocol="6", RuleAction="deny", Egress=False, CidrBlock="0.0.0.0/0",
        PortRange={"From": 22, "To": 22})
    ec2.create_network_acl_entry(
        NetworkAclId=shadowed, RuleNumber=200, Protocol="6", RuleAction="allow", Egress=False,
        CidrBlock="0.0.0.0/0", PortRange={"From": 0, "To": 65535})
    ids["acl_shadowed"] = shadowed
    tight = ec2.create_network_acl(VpcId=vpc)["NetworkAcl"]["NetworkAclId"]
    ec2.create_network_acl_entry(
        NetworkAclId=tight, RuleNumber=100, Protocol="6", RuleAction="allow", Egress=False, CidrBlock="10.0.0.0/8",
        PortRange={"From": 0, "To": 65535})
    ids["acl_tight"] = tight
    ids["acl_default"] = ec2.describe_network_acls(
        Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "default", "Values": ["true"]}])["NetworkAcls"][0]["NetworkAclId"]
    sealed = ec2.create_volume(AvailabilityZone=f"{REGION}a", Size=1, Encrypted=True)["VolumeId"]
    ids["snapshot_encrypted"] = ec2.create_snapshot(VolumeId=sealed)["SnapshotId"]
    clear = ec2.create_volume(AvailabilityZone=f"{REGION}a", Size=1, Encrypted=False)["VolumeId"]
    ids["snapshot_clear"] = ec2.create_snapshot(VolumeId=clear)["SnapshotId"]

    rds = client("rds")
    rds.create_db_instance(
        DBInstanceIdentifier="db-custom", DBInstanceClass="db.t3.micro", Engine="postgres", MasterUsername="app_owner",
        MasterUserPassword="not-a-secret-1", AllocatedStorage=20, Port=15432, StorageEncrypted=True,
        BackupRetentionPeriod=7)
    rds.create_db_snapshot(DBSnapshotIdentifier="snap-sealed", DBInstanceIdentifier="db-custom")
    rds.create_db_instance(
        DBInstanceIdentifier="db-default", DBInstanceClass="db.t3.micro", Engine="mysql", MasterUsername="admin",
        MasterUserPassword="not-a-secret-1", AllocatedStorage=20, StorageEncrypted=False, BackupRetentionPeriod=7)
    rds.create_db_snapshot(DBSnapshotIdentifier="snap-clear", DBInstanceIdentifier="db-default")

    dynamodb = client("dynamodb")
    for name, protected in (("table-protected", True), ("table-unprotected", False)):
        dynamodb.create_table(
            TableName=name, KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST",
            DeletionProtectionEnabled=protected)
    efs = client("efs")
    ids["efs_one_zone"] = efs.create_file_system(
        CreationToken="one-zone", AvailabilityZoneName=f"{REGION}a")["FileSystemId"]
    regional = efs.create_file_system(CreationToken="regional")["FileSystemId"]
    for zone, cidr in (("a", "10.30.1.0/24"), ("b", "10.30.2.0/24")):
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock=cidr, AvailabilityZone=f"{REGION}{zone}")["Subnet"]["SubnetId"]
        efs.create_mount_target(FileSystemId=regional, SubnetId=subnet)
    ids["efs_regional"] = regional
    print(json.dumps(ids))


if __name__ == "__main__":
    main()
