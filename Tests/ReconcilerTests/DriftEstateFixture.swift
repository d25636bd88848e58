/// The drift evidence estate: a boto3 script that builds it in moto and writes its Terraform state (AWS provider
/// 5.x shape, from the IDs moto returned) and code, then makes the scripted changes. Written from the provider's
/// and the AWS APIs' documentation; no outside material.
enum DriftEstateFixture {
    /// `python3 - seed DIR` / `python3 - change DIR` against the moto endpoint in the environment.
    static let script = #"""
        import json, sys, boto3

        # A small estate in moto, and the Terraform state (AWS provider 5.x shape) and code a team would have for it.
        # `seed DIR` builds it and writes DIR/terraform.tfstate and DIR/main.tf; `change DIR` makes the scripted changes
        # (console edits, deletions, creations, tag edits in the cloud; code-only edits in DIR/main.tf).
        REGION = "us-east-1"
        ACCOUNT = "123456789012"
        s3 = boto3.client("s3", region_name=REGION)
        ec2 = boto3.client("ec2", region_name=REGION)
        iam = boto3.client("iam", region_name=REGION)
        kms = boto3.client("kms", region_name=REGION)
        logs = boto3.client("logs", region_name=REGION)
        trail = boto3.client("cloudtrail", region_name=REGION)
        rds = boto3.client("rds", region_name=REGION)
        config = boto3.client("config", region_name=REGION)
        PROVIDER = 'provider["registry.terraform.io/hashicorp/aws"]'
        BUCKETS = ["data", "logs", "assets", "backup", "audit", "scratch"]
        LOG_GROUPS = ["app/api", "app/worker", "app/old", "vpc/flow"]
        USERS = ["alice", "bob", "carol", "deploy"]
        USER_POLICY = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                                                                "Resource": "arn:aws:s3:::estate-assets/*"}]}
        ASSETS_POLICY = {"Version": "2012-10-17", "Statement": [{"Sid": "Read", "Effect": "Allow",
                         "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:GetObject",
                         "Resource": "arn:aws:s3:::estate-assets/*"}]}


        def tagmap(tags):
            return {t["Key"]: t["Value"] for t in tags or []}


        def tag_list(tags):
            return [{"Key": k, "Value": v} for k, v in tags.items()]


        def resource(type_, name, attributes):
            return {"mode": "managed", "type": type_, "name": name, "provider": PROVIDER,
                    "instances": [{"schema_version": 0, "attributes": attributes, "sensitive_attributes": []}]}


        def seed(out):
            state, tf = [], []
            for b in BUCKETS:
                name = "estate-" + b
                tags = {"Team": "platform", "Bucket": b}
                s3.create_bucket(Bucket=name)
                s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": tag_list(tags)})
                state.append(resource("aws_s3_bucket", b, {
                    "id": name, "bucket": name, "arn": "arn:aws:s3:::" + name, "bucket_prefix": "",
                    "bucket_domain_name": name + ".s3.amazonaws.com", "bucket_regional_domain_name": name + ".s3.amazonaws.com",
                    "hosted_zone_id": "Z3AQBSTGFYJSTF", "region": REGION, "force_destroy": False, "object_lock_enabled": False,
                    "request_payer": "BucketOwner", "acceleration_status": "", "policy": "", "tags": tags, "tags_all": tags,
                    "acl": None, "grant": [{"id": "owner", "permissions": ["FULL_CONTROL"], "type": "CanonicalUser", "uri": ""}],
                    "versioning": [{"enabled": b in ("data", "logs", "backup"), "mfa_delete": False}],
                    "server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [
                        {"kms_master_key_id": "", "sse_algorithm": "AES256"}], "bucket_key_enabled": False}]}],
                    "lifecycle_rule": [], "logging": [], "website": [], "cors_rule": [], "replication_configuration": [],
                    "object_lock_configuration": [], "timeouts": None}))
                tf.append('resource "aws_s3_bucket" "%s" {\n  bucket = "%s"\n  tags = {\n    Team   = "platform"\n    Bucket = "%s"\n  }\n}\n' % (b, name, b))
            for b in ("data", "logs", "backup"):
                name = "estate-" + b
                s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
                state.append(resource("aws_s3_bucket_versioning", b, {
                    "id": name, "bucket": name, "expected_bucket_owner": "", "mfa": None,
                    "versioning_configuration": [{"status": "Enabled", "mfa_delete": ""}]}))
                tf.append('resource "aws_s3_bucket_versioning" "%s" {\n  bucket = aws_s3_bucket.%s.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n' % (b, b))
            for b in ("data", "logs", "audit"):
                name = "estate-" + b
                s3.put_public_access_block(Bucket=name, PublicAccessBlockConfiguration={
                    "BlockPublicAcls": True, "BlockPublicPolicy": True, "IgnorePublicAcls": True, "RestrictPublicBuckets": True})
                state.append(resource("aws_s3_bucket_public_access_block", b, {
                    "id": name, "bucket": name, "block_public_acls": True, "block_public_policy": True,
                    "ignore_public_acls": True, "restrict_public_buckets": True}))
                tf.append('resource "aws_s3_bucket_public_access_block" "%s" {\n  bucket                  = aws_s3_bucket.%s.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n' % (b, b))
            s3.put_bucket_policy(Bucket="estate-assets", Policy=json.dumps(ASSETS_POLICY))
            state.append(resource("aws_s3_bucket_policy", "assets", {
                "id": "estate-assets", "bucket": "estate-assets", "policy": json.dumps(ASSETS_POLICY, separators=(",", ":"))}))
            tf.append('resource "aws_s3_bucket_policy" "assets" {\n  bucket = aws_s3_bucket.assets.id\n  policy = %s\n}\n' % json.dumps(json.dumps(ASSETS_POLICY)))
            s3.put_bucket_acl(Bucket="estate-logs", ACL="log-delivery-write")
            acl = s3.get_bucket_acl(Bucket="estate-logs")
            grants = [{"permission": g["Permission"], "grantee": [{
                "type": g["Grantee"]["Type"], "id": g["Grantee"].get("ID", ""), "uri": g["Grantee"].get("URI", ""),
                "display_name": g["Grantee"].get("DisplayName", ""), "email_address": ""}]} for g in acl["Grants"]]
            state.append(resource("aws_s3_bucket_acl", "logs", {
                "id": "estate-logs,log-delivery-write", "bucket": "estate-logs", "acl": "log-delivery-write",
                "expected_bucket_owner": "", "access_control_policy": [{"grant": grants, "owner": [
                    {"id": acl["Owner"]["ID"], "display_name": acl["Owner"].get("DisplayName", "")}]}]}))
            tf.append('resource "aws_s3_bucket_acl" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  acl    = "log-delivery-write"\n}\n')
            s3.put_bucket_logging(Bucket="estate-data", BucketLoggingStatus={"LoggingEnabled": {
                "TargetBucket": "estate-logs", "TargetPrefix": "data/"}})
            state.append(resource("aws_s3_bucket_logging", "data", {
                "id": "estate-data", "bucket": "estate-data", "expected_bucket_owner": "", "target_bucket": "estate-logs",
                "target_prefix": "data/", "target_grant": [], "target_object_key_format": []}))
            tf.append('resource "aws_s3_bucket_logging" "data" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "data/"\n}\n')

            for u in USERS:
                tags = {"Team": "platform"}
                user = iam.create_user(UserName=u, Tags=tag_list(tags))["User"]
                state.append(resource("aws_iam_user", u, {
                    "id": u, "name": u, "arn": user["Arn"], "path": "/", "unique_id": user["UserId"], "force_destroy": False,
                    "permissions_boundary": "", "tags": tags, "tags_all": tags}))
                tf.append('resource "aws_iam_user" "%s" {\n  name = "%s"\n  tags = {\n    Team = "platform"\n  }\n}\n' % (u, u))
            iam.put_user_policy(UserName="deploy", PolicyName="read-assets", PolicyDocument=json.dumps(USER_POLICY))
            state.append(resource("aws_iam_user_policy", "deploy", {
                "id": "deploy:read-assets", "name": "read-assets", "name_prefix": "", "user": "deploy",
                "policy": json.dumps(USER_POLICY, separators=(",", ":"))}))
            tf.append('resource "aws_iam_user_policy" "deploy" {\n  name   = "read-assets"\n  user   = aws_iam_user.deploy.name\n  policy = %s\n}\n' % json.dumps(json.dumps(USER_POLICY)))

            read_policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
            managed = iam.create_policy(PolicyName="estate-read", PolicyDocument=json.dumps(read_policy))["Policy"]
            state.append(resource("aws_iam_policy", "read", {
                "id": managed["Arn"], "arn": managed["Arn"], "name": "estate-read", "name_prefix": "", "path": "/",
                "description": "", "policy": json.dumps(read_policy, separators=(",", ":")), "policy_id": managed["PolicyId"],
                "attachment_count": 1, "tags": {}, "tags_all": {}}))
            tf.append('resource "aws_iam_policy" "read" {\n  name   = "estate-read"\n  policy = %s\n}\n' % json.dumps(json.dumps(read_policy)))
            iam.attach_user_policy(UserName="bob", PolicyArn=managed["Arn"])
            state.append(resource("aws_iam_user_policy_attachment", "bob_read", {
                "id": "bob-20261207133000000000000001", "user": "bob", "policy_arn": managed["Arn"]}))
            tf.append('resource "aws_iam_user_policy_attachment" "bob_read" {\n  user       = aws_iam_user.bob.name\n  policy_arn = aws_iam_policy.read.arn\n}\n')

            vpcs = {}
            for label, cidr in (("main", "10.10.0.0/16"), ("shared", "10.20.0.0/16")):
                tags = {"Name": label}
                vpc = ec2.create_vpc(CidrBlock=cidr, TagSpecifications=[{"ResourceType": "vpc", "Tags": tag_list(tags)}])["Vpc"]
                vpcs[label] = vpc["VpcId"]
                state.append(resource("aws_vpc", label, {
                    "id": vpc["VpcId"], "arn": "arn:aws:ec2:%s:%s:vpc/%s" % (REGION, ACCOUNT, vpc["VpcId"]), "cidr_block": cidr,
                    "instance_tenancy": "default", "enable_dns_support": True, "enable_dns_hostnames": False,
                    "enable_network_address_usage_metrics": False, "assign_generated_ipv6_cidr_block": False,
                    "ipv6_cidr_block": "", "ipv6_ipam_pool_id": "", "ipv4_ipam_pool_id": None, "ipv4_netmask_length": None,
                    "default_security_group_id": "", "main_route_table_id": "", "default_network_acl_id": "",
                    "default_route_table_id": "", "dhcp_options_id": "", "owner_id": ACCOUNT, "tags": tags, "tags_all": tags}))
                tf.append('resource "aws_vpc" "%s" {\n  cidr_block = "%s"\n  tags = {\n    Name = "%s"\n  }\n}\n' % (label, cidr, label))
            subnet = ec2.create_subnet(VpcId=vpcs["main"], CidrBlock="10.10.1.0/24", AvailabilityZone=REGION + "a")["Subnet"]
            state.append(resource("aws_subnet", "main", {
                "id": subnet["SubnetId"], "vpc_id": vpcs["main"], "cidr_block": "10.10.1.0/24", "availability_zone": REGION + "a",
                "map_public_ip_on_launch": False, "tags": {}, "tags_all": {}}))
            tf.append('resource "aws_subnet" "main" {\n  vpc_id            = aws_vpc.main.id\n  cidr_block        = "10.10.1.0/24"\n  availability_zone = "us-east-1a"\n}\n')

            def egress_all():
                return [{"cidr_blocks": ["0.0.0.0/0"], "description": "", "from_port": 0, "to_port": 0, "protocol": "-1",
                         "ipv6_cidr_blocks": [], "prefix_list_ids": [], "security_groups": [], "self": False}]

            groups = {}
            group_specs = [
                ("web", "main", [(443, "0.0.0.0/0", "https"), (80, "0.0.0.0/0", "http")]),
                ("app", "main", [(8080, "10.10.0.0/16", "from the vpc"), (8080, "10.20.0.0/16", "from shared")]),
                ("db", "main", [(5432, "10.10.1.0/24", "app subnet"), (5432, "10.10.2.0/24", "batch subnet")]),
                ("bastion", "shared", [(22, "192.0.2.0/24", "office")]),
            ]
            for label, vpc, rules in group_specs:
                sg = ec2.create_security_group(GroupName="estate-" + label, Description="estate " + label, VpcId=vpcs[vpc],
                                               TagSpecifications=[{"ResourceType": "security-group", "Tags": [{"Key": "Role", "Value": label}]}])
                gid = sg["GroupId"]
                groups[label] = gid
                ec2.authorize_security_group_ingress(GroupId=gid, IpPermissions=[
                    {"IpProtocol": "tcp", "FromPort": p, "ToPort": p, "IpRanges": [{"CidrIp": c, "Description": d}]}
                    for p, c, d in rules])
                ingress = [{"cidr_blocks": [c], "description": d, "from_port": p, "to_port": p, "protocol": "tcp",
                            "ipv6_cidr_blocks": [], "prefix_list_ids": [], "security_groups": [], "self": False}
                           for p, c, d in rules]
                state.append(resource("aws_security_group", label, {
                    "id": gid, "arn": "arn:aws:ec2:%s:%s:security-group/%s" % (REGION, ACCOUNT, gid), "name": "estate-" + label,
                    "name_prefix": "", "description": "estate " + label, "vpc_id": vpcs[vpc], "owner_id": ACCOUNT,
                    "revoke_rules_on_delete": False, "ingress": ingress, "egress": egress_all(),
                    "tags": {"Role": label}, "tags_all": {"Role": label}, "timeouts": None}))
                blocks = "".join('  ingress {\n    description = "%s"\n    from_port   = %d\n    to_port     = %d\n    protocol    = "tcp"\n    cidr_blocks = ["%s"]\n  }\n' % (d, p, p, c) for p, c, d in rules)
                tf.append('resource "aws_security_group" "%s" {\n  name        = "estate-%s"\n  description = "estate %s"\n  vpc_id      = aws_vpc.%s.id\n%s  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n  tags = {\n    Role = "%s"\n  }\n}\n' % (label, label, label, vpc, blocks, label))

            for label in ("web", "worker"):
                tags = {"Name": label, "Owner": "platform"}
                reservation = ec2.run_instances(ImageId="ami-12c6146b", MinCount=1, MaxCount=1, InstanceType="t3.micro",
                                                SubnetId=subnet["SubnetId"], SecurityGroupIds=[groups["web"]],
                                                TagSpecifications=[{"ResourceType": "instance", "Tags": tag_list(tags)}])
                i = reservation["Instances"][0]
                iid = i["InstanceId"]
                root = [m for m in i.get("BlockDeviceMappings", []) if m["DeviceName"] == i.get("RootDeviceName")]
                root_volume = root[0]["Ebs"]["VolumeId"] if root else ""
                volume = ec2.describe_volumes(VolumeIds=[root_volume])["Volumes"][0] if root_volume else {}
                state.append(resource("aws_instance", label, {
                    "id": iid, "arn": "arn:aws:ec2:%s:%s:instance/%s" % (REGION, ACCOUNT, iid), "ami": "ami-12c6146b",
                    "instance_type": "t3.micro", "subnet_id": subnet["SubnetId"], "vpc_security_group_ids": [groups["web"]],
                    "security_groups": [], "associate_public_ip_address": bool(i.get("PublicIpAddress")),
                    "public_ip": i.get("PublicIpAddress", ""), "private_ip": i.get("PrivateIpAddress", ""),
                    "monitoring": False, "ebs_optimized": False, "iam_instance_profile": "", "key_name": "",
                    "instance_state": "running", "source_dest_check": True, "user_data": None, "tenancy": "default",
                    "metadata_options": [{"http_endpoint": "enabled", "http_tokens": "optional", "http_put_response_hop_limit": 1,
                                          "http_protocol_ipv6": "disabled", "instance_metadata_tags": "disabled"}],
                    "root_block_device": [{"device_name": i.get("RootDeviceName", "/dev/xvda"), "volume_id": root_volume,
                                           "delete_on_termination": root[0]["Ebs"].get("DeleteOnTermination", True) if root else True,
                                           "encrypted": bool(volume.get("Encrypted")), "iops": volume.get("Iops", 0),
                                           "kms_key_id": volume.get("KmsKeyId", ""), "throughput": volume.get("Throughput", 0),
                                           "volume_size": volume.get("Size", 8), "volume_type": volume.get("VolumeType", "gp2"),
                                           "tags": {}, "tags_all": {}}],
                    "ebs_block_device": [], "ephemeral_block_device": [], "credit_specification": [],
                    "tags": tags, "tags_all": tags, "timeouts": None}))
                tf.append('resource "aws_instance" "%s" {\n  ami                    = "ami-12c6146b"\n  instance_type          = "t3.micro"\n  subnet_id              = aws_subnet.main.id\n  vpc_security_group_ids = [aws_security_group.web.id]\n  tags = {\n    Name  = "%s"\n    Owner = "platform"\n  }\n}\n' % (label, label))

            for label, size in (("cache", 20), ("scratch", 50), ("archive", 100)):
                tags = {"Name": label}
                v = ec2.create_volume(AvailabilityZone=REGION + "a", Size=size, VolumeType="gp3",
                                      TagSpecifications=[{"ResourceType": "volume", "Tags": tag_list(tags)}])
                state.append(resource("aws_ebs_volume", label, {
                    "id": v["VolumeId"], "arn": "arn:aws:ec2:%s:%s:volume/%s" % (REGION, ACCOUNT, v["VolumeId"]),
                    "availability_zone": REGION + "a", "encrypted": bool(v.get("Encrypted")), "kms_key_id": v.get("KmsKeyId", ""),
                    "size": size, "type": "gp3", "iops": 3000, "throughput": 125, "snapshot_id": "", "multi_attach_enabled": False,
                    "final_snapshot": False, "outpost_arn": "", "tags": tags, "tags_all": tags, "timeouts": None}))
                tf.append('resource "aws_ebs_volume" "%s" {\n  availability_zone = "us-east-1a"\n  size              = %d\n  type              = "gp3"\n  tags = {\n    Name = "%s"\n  }\n}\n' % (label, size, label))

            keys = {}
            for label, rotate in (("data", True), ("archive", False)):
                tags = {"Purpose": label}
                key = kms.create_key(Description="estate " + label, Tags=[{"TagKey": "Purpose", "TagValue": label}])["KeyMetadata"]
                if rotate:
                    kms.enable_key_rotation(KeyId=key["KeyId"])
                keys[label] = key
                state.append(resource("aws_kms_key", label, {
                    "id": key["KeyId"], "key_id": key["KeyId"], "arn": key["Arn"], "description": "estate " + label,
                    "key_usage": "ENCRYPT_DECRYPT", "customer_master_key_spec": "SYMMETRIC_DEFAULT", "is_enabled": True,
                    "enable_key_rotation": rotate, "rotation_period_in_days": 365 if rotate else 0, "multi_region": False,
                    "deletion_window_in_days": 30, "bypass_policy_lockout_safety_check": False, "custom_key_store_id": "",
                    "xks_key_id": "",
                    # The provider stores the key policy AWS holds, the default one when none is set.
                    "policy": kms.get_key_policy(KeyId=key["KeyId"], PolicyName="default")["Policy"], "tags": tags, "tags_all": tags, "timeouts": None}))
                tf.append('resource "aws_kms_key" "%s" {\n  description         = "estate %s"\n  enable_key_rotation = %s\n  tags = {\n    Purpose = "%s"\n  }\n}\n' % (label, label, "true" if rotate else "false", label))

            for name in LOG_GROUPS:
                label = name.replace("/", "_")
                tags = {"Service": name.split("/")[1]}
                logs.create_log_group(logGroupName=name, tags=tags)
                logs.put_retention_policy(logGroupName=name, retentionInDays=30)
                arn = "arn:aws:logs:%s:%s:log-group:%s" % (REGION, ACCOUNT, name)
                state.append(resource("aws_cloudwatch_log_group", label, {
                    "id": name, "name": name, "name_prefix": "", "arn": arn, "retention_in_days": 30, "kms_key_id": "",
                    "log_group_class": "STANDARD", "skip_destroy": False, "tags": tags, "tags_all": tags}))
                tf.append('resource "aws_cloudwatch_log_group" "%s" {\n  name              = "%s"\n  retention_in_days = 30\n  tags = {\n    Service = "%s"\n  }\n}\n' % (label, name, tags["Service"]))

            role_arn = "arn:aws:iam::%s:role/flow-logs" % ACCOUNT
            flow = ec2.create_flow_logs(ResourceIds=[vpcs["main"]], ResourceType="VPC", TrafficType="ALL",
                                        LogDestinationType="cloud-watch-logs", LogGroupName="vpc/flow",
                                        DeliverLogsPermissionArn=role_arn)["FlowLogIds"][0]
            state.append(resource("aws_flow_log", "main", {
                "id": flow, "arn": "arn:aws:ec2:%s:%s:vpc-flow-log/%s" % (REGION, ACCOUNT, flow), "vpc_id": vpcs["main"],
                "traffic_type": "ALL", "log_destination_type": "cloud-watch-logs", "iam_role_arn": role_arn,
                "log_destination": "arn:aws:logs:%s:%s:log-group:vpc/flow" % (REGION, ACCOUNT), "log_group_name": "vpc/flow",
                "max_aggregation_interval": 600, "log_format": "", "subnet_id": None, "eni_id": None,
                "destination_options": [], "tags": {}, "tags_all": {}}))
            tf.append('resource "aws_flow_log" "main" {\n  vpc_id          = aws_vpc.main.id\n  traffic_type    = "ALL"\n  iam_role_arn    = "%s"\n  log_destination = aws_cloudwatch_log_group.vpc_flow.arn\n}\n' % role_arn)

            t = trail.create_trail(Name="estate-trail", S3BucketName="estate-audit", IncludeGlobalServiceEvents=True,
                                   IsMultiRegionTrail=False, TagsList=[{"Key": "Team", "Value": "security"}])
            trail.start_logging(Name="estate-trail")
            state.append(resource("aws_cloudtrail", "main", {
                "id": "estate-trail", "name": "estate-trail", "arn": t["TrailARN"], "home_region": REGION,
                "s3_bucket_name": "estate-audit", "s3_key_prefix": "", "include_global_service_events": True,
                "is_multi_region_trail": False, "is_organization_trail": False, "enable_logging": True,
                "enable_log_file_validation": False, "kms_key_id": "", "cloud_watch_logs_group_arn": "",
                "cloud_watch_logs_role_arn": "", "sns_topic_name": "", "event_selector": [], "advanced_event_selector": [],
                "insight_selector": [], "tags": {"Team": "security"}, "tags_all": {"Team": "security"}}))
            tf.append('resource "aws_cloudtrail" "main" {\n  name                          = "estate-trail"\n  s3_bucket_name                = aws_s3_bucket.audit.id\n  include_global_service_events = true\n  tags = {\n    Team = "security"\n  }\n}\n')

            db = rds.create_db_instance(DBInstanceIdentifier="estate-db", DBInstanceClass="db.t3.micro", Engine="postgres",
                                        AllocatedStorage=20, MasterUsername="estate", MasterUserPassword="not-a-secret-1",
                                        BackupRetentionPeriod=7, StorageEncrypted=True, PubliclyAccessible=False,
                                        Tags=[{"Key": "Team", "Value": "data"}])["DBInstance"]
            state.append(resource("aws_db_instance", "main", {
                "id": db.get("DbiResourceId", "estate-db"), "resource_id": db.get("DbiResourceId", ""), "identifier": "estate-db",
                "arn": db["DBInstanceArn"], "engine": "postgres", "engine_version": db.get("EngineVersion", ""),
                "instance_class": "db.t3.micro", "allocated_storage": 20, "storage_type": db.get("StorageType", "gp2"),
                "storage_encrypted": True, "kms_key_id": db.get("KmsKeyId", ""), "publicly_accessible": False,
                "multi_az": bool(db.get("MultiAZ")), "backup_retention_period": 7, "deletion_protection": False,
                "iam_database_authentication_enabled": False, "auto_minor_version_upgrade": bool(db.get("AutoMinorVersionUpgrade", True)),
                "copy_tags_to_snapshot": bool(db.get("CopyTagsToSnapshot")), "performance_insights_enabled": bool(db.get("PerformanceInsightsEnabled")),
                "monitoring_interval": db.get("MonitoringInterval", 0), "username": "estate", "password": None,
                "skip_final_snapshot": True, "vpc_security_group_ids": [g["VpcSecurityGroupId"] for g in db.get("VpcSecurityGroups", [])],
                "enabled_cloudwatch_logs_exports": [], "tags": {"Team": "data"}, "tags_all": {"Team": "data"}}))
            tf.append('resource "aws_db_instance" "main" {\n  identifier              = "estate-db"\n  engine                  = "postgres"\n  instance_class          = "db.t3.micro"\n  allocated_storage       = 20\n  username                = "estate"\n  backup_retention_period = 7\n  storage_encrypted       = true\n  skip_final_snapshot     = true\n  tags = {\n    Team = "data"\n  }\n}\n')

            config.put_configuration_recorder(ConfigurationRecorder={
                "name": "estate", "roleARN": "arn:aws:iam::%s:role/config" % ACCOUNT,
                "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": True}})
            state.append(resource("aws_config_configuration_recorder", "main", {
                "id": "estate", "name": "estate", "role_arn": "arn:aws:iam::%s:role/config" % ACCOUNT,
                "recording_group": [{"all_supported": True, "include_global_resource_types": True, "resource_types": [],
                                     "exclusion_by_resource_types": [], "recording_strategy": []}],
                "recording_mode": []}))
            tf.append('resource "aws_config_configuration_recorder" "main" {\n  name     = "estate"\n  role_arn = "arn:aws:iam::%s:role/config"\n  recording_group {\n    all_supported                 = true\n    include_global_resource_types = true\n  }\n}\n' % ACCOUNT)

            state.append(resource("aws_config_configuration_recorder_status", "main", {
                "id": "estate", "name": "estate", "is_enabled": False}))
            tf.append('resource "aws_config_configuration_recorder_status" "main" {\n  name       = aws_config_configuration_recorder.main.name\n  is_enabled = false\n}\n')
            with open(out + "/terraform.tfstate", "w") as f:
                json.dump({"version": 4, "terraform_version": "1.9.8", "serial": 12, "lineage": "0e1d-estate", "outputs": {},
                           "resources": state, "check_results": None}, f, indent=1)
            with open(out + "/main.tf", "w") as f:
                f.write("\n".join(tf))
            print(json.dumps({"resources": len(state), "types": len({r["type"] for r in state}),
                              "instances": [r["instances"][0]["attributes"]["id"] for r in state if r["type"] == "aws_instance"],
                              "groups": groups}))


        def change(out):
            state = json.load(open(out + "/terraform.tfstate"))
            ids = {(r["type"], r["name"]): r["instances"][0]["attributes"]["id"] for r in state["resources"]}
            # Console edits (drifted).
            s3.put_bucket_tagging(Bucket="estate-data", Tagging={"TagSet": tag_list({"Team": "analytics", "Bucket": "data"})})
            s3.put_bucket_versioning(Bucket="estate-backup", VersioningConfiguration={"Status": "Suspended"})
            s3.put_public_access_block(Bucket="estate-logs", PublicAccessBlockConfiguration={
                "BlockPublicAcls": True, "BlockPublicPolicy": False, "IgnorePublicAcls": True, "RestrictPublicBuckets": True})
            ec2.authorize_security_group_ingress(GroupId=ids[("aws_security_group", "web")], IpPermissions=[
                {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "debug"}]}])
            ec2.revoke_security_group_ingress(GroupId=ids[("aws_security_group", "db")], IpPermissions=[
                {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "IpRanges": [{"CidrIp": "10.10.2.0/24"}]}])
            ec2.create_tags(Resources=[ids[("aws_instance", "web")]], Tags=[{"Key": "Owner", "Value": "someone"}])
            ec2.delete_tags(Resources=[ids[("aws_ebs_volume", "cache")]], Tags=[{"Key": "Name"}])
            kms.disable_key_rotation(KeyId=ids[("aws_kms_key", "data")])
            kms.tag_resource(KeyId=ids[("aws_kms_key", "archive")], Tags=[{"TagKey": "Expires", "TagValue": "2027"}])
            logs.put_retention_policy(logGroupName="app/worker", retentionInDays=7)
            logs.tag_log_group(logGroupName="app/api", tags={"Service": "public-api"})
            trail.stop_logging(Name="estate-trail")
            iam.tag_user(UserName="alice", Tags=[{"Key": "Team", "Value": "finance"}])
            policy = dict(USER_POLICY, Statement=[dict(USER_POLICY["Statement"][0], Action="s3:*")])
            iam.put_user_policy(UserName="deploy", PolicyName="read-assets", PolicyDocument=json.dumps(policy))
            rds.modify_db_instance(DBInstanceIdentifier="estate-db", BackupRetentionPeriod=1, ApplyImmediately=True)
            # Deletions (missing).
            logs.delete_log_group(logGroupName="app/old")
            iam.delete_user(UserName="carol")
            s3.delete_bucket_tagging(Bucket="estate-scratch")
            s3.delete_bucket(Bucket="estate-scratch")
            # Creations (unmanaged).
            s3.create_bucket(Bucket="estate-console-made")
            ec2.create_security_group(GroupName="estate-console", Description="made by hand",
                                      VpcId=ids[("aws_vpc", "shared")])
            iam.create_user(UserName="mallory")
            # Code-only edits (pending): an attribute, a tag, a new resource, a resource removed from the code.
            tf = open(out + "/main.tf").read()
            tf = tf.replace('name              = "app/api"\n  retention_in_days = 30', 'name              = "app/api"\n  retention_in_days = 90')
            tf = tf.replace('    Team   = "platform"\n    Bucket = "assets"', '    Team   = "platform"\n    Bucket = "assets"\n    Public = "yes"')
            tf += '\nresource "aws_s3_bucket" "reports" {\n  bucket = "estate-reports"\n}\n'
            start = tf.index('resource "aws_kms_key" "archive"')
            tf = tf[:start] + tf[tf.index("\n}\n", start) + 3:]
            open(out + "/main.tf", "w").write(tf)


        {"seed": seed, "change": change}[sys.argv[1]](sys.argv[2])
        """#
}
