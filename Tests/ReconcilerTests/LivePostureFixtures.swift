import Foundation

/// Terraform, state, baselines and seeding scripts for the live posture tests, written for these tests.
enum LivePostureFixtures {
    static let mainTF = """
        resource "aws_s3_bucket" "logs" {
          bucket = "acme-logs"
        }

        resource "aws_s3_bucket" "data" {
          bucket = "acme-data"
        }

        resource "aws_s3_bucket_versioning" "data" {
          bucket = aws_s3_bucket.data.id
          versioning_configuration {
            status = "Enabled"
          }
        }
        """

    /// A state v4 document of the buckets in `mainTF`, plus `acme-gone`, which no longer exists live.
    static func awsState(dataVersioning: String = "Enabled", includeGone: Bool = true) -> String {
        func bucket(_ name: String, _ label: String) -> String {
            """
            {"mode":"managed","type":"aws_s3_bucket","name":"\(label)","provider":"provider[\\"registry.terraform.io/hashicorp/aws\\"]",
             "instances":[{"schema_version":0,"attributes":{"id":"\(name)","bucket":"\(name)","arn":"arn:aws:s3:::\(name)"}}]}
            """
        }
        var resources = [bucket("acme-logs", "logs"), bucket("acme-data", "data")]
        resources.append(
            """
            {"mode":"managed","type":"aws_s3_bucket_versioning","name":"data","provider":"provider[\\"registry.terraform.io/hashicorp/aws\\"]",
             "instances":[{"schema_version":0,"attributes":{"id":"acme-data","bucket":"acme-data",
               "versioning_configuration":[{"status":"\(dataVersioning)","mfa_delete":"Disabled"}]}}]}
            """)
        if includeGone { resources.append(bucket("acme-gone", "gone")) }
        return """
            {"version":4,"terraform_version":"1.11.0","serial":3,"lineage":"5f0c1d2e-live-tests","outputs":{},
             "resources":[\(resources.joined(separator: ",\n"))]}
            """
    }

    static let awsBaseline = """
        name: live-test
        provider: aws
        checks:
          include: ["BLW-AWS-*"]
        settings:
          ebs_encryption_by_default: true
          iam_password_policy:
            minimum_password_length: 14
        """

    /// Security groups and default VPC objects moto creates on its own are not the test's business.
    static let ignoreFile = """
        # moto's default network objects
        aws_security_group.*
        aws_vpc.*
        """

    /// Seeds moto: a compliant bucket, a non-compliant one (public-read ACL, versioning suspended), an unmanaged
    /// one, and a state bucket; EBS encryption by default stays off and there is no password policy.
    static let seedScript = """
        import boto3, sys
        s3 = boto3.client("s3")
        for name in ["acme-logs", "acme-data", "acme-shadow"]:
            s3.create_bucket(Bucket=name)
        s3.put_bucket_versioning(Bucket="acme-logs", VersioningConfiguration={"Status": "Enabled"})
        s3.put_bucket_encryption(Bucket="acme-logs", ServerSideEncryptionConfiguration={"Rules": [
            {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]})
        s3.put_public_access_block(Bucket="acme-logs", PublicAccessBlockConfiguration={
            "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
        s3.put_bucket_versioning(Bucket="acme-data", VersioningConfiguration={"Status": "Suspended"})
        s3.put_bucket_acl(Bucket="acme-data", ACL="public-read")
        if len(sys.argv) > 1:
            s3.create_bucket(Bucket="tf-state")
            s3.put_object(Bucket="tf-state", Key="prod/terraform.tfstate", Body=open(sys.argv[1], "rb").read())
        """

    /// An RDS endpoint that denies everything, as AWS answers a principal without rds:Describe* rights.
    static let accessDenied = """
        <ErrorResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><Error><Type>Sender</Type>\
        <Code>AccessDenied</Code><Message>User is not authorized to perform: rds:DescribeDBInstances</Message>\
        </Error><RequestId>denied-1</RequestId></ErrorResponse>
        """
}
