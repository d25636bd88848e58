"""Prints, one per line, the EBS snapshots and AMIs an AWS endpoint lists for the caller although another account
owns them (owner filter `self` ignored, as moto does with Amazon's public snapshots and images).

Usage: foreign_resources.py   (endpoint, credentials and region from the environment)
Prowler reports such items as the account's; Bulwark reads only what the account owns, so prowler_compare.py
counts findings on them apart from the compared verdicts. Written for Bulwark.
"""
import boto3


def main():
    account = boto3.client("sts").get_caller_identity()["Account"]
    ec2 = boto3.client("ec2")
    for page in ec2.get_paginator("describe_snapshots").paginate(OwnerIds=["self"]):
        for snapshot in page["Snapshots"]:
            if snapshot.get("OwnerId") != account:
                print(snapshot["SnapshotId"])
    for image in ec2.describe_images(Owners=["self"])["Images"]:
        if image.get("OwnerId") != account:
            print(image["ImageId"])


if __name__ == "__main__":
    main()
