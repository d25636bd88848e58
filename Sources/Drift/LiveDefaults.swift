import Model

/// Live resources the provider or AWS creates and manages by default, which a team would not write in its code:
/// left out of "unmanaged" and of coverage unless asked for (`--show-defaults`).
///
/// A default that the state manages is compared as any other resource; only an unmatched one is hidden. The
/// rules read the live attributes only:
/// - the default VPC, its default subnets, security groups, route tables and network ACLs;
/// - account settings at their default (EBS encryption by default off, account public access block all off);
/// - an instance's root volume (Terraform manages it through the instance's `root_block_device`);
/// - RDS automated snapshots (RDS takes and deletes them on its backup schedule; Terraform has no resource for one);
/// - per-bucket sub-resources at AWS's own default (private ACL, public access block all on, SSE-S3 without a
///   key, ACLs disabled), which Terraform models as separate resources but a bucket has without any;
/// - the registry's basic scanning without rules, and backup selections discovery could not read;
/// - ElastiCache's `default` subnet group (created with the first cluster outside a named group).
struct LiveDefaults {
    /// IDs of volumes that are some instance's root device.
    private let rootVolumes: Set<String>

    /// Rules over one live read (instances name their root volumes).
    init(live: [Resource]) {
        var roots = Set<String>()
        for resource in live where resource.type == "aws_instance" {
            for device in resource.attributes["root_block_device"]?.elements ?? [] {
                if let id = device.members?["volume_id"]?.stringValue { roots.insert(id) }
            }
        }
        rootVolumes = roots
    }

    /// True when `resource` is a provider-managed default.
    func isDefault(_ resource: Resource) -> Bool {
        let a = resource.attributes
        func flag(_ name: String) -> Bool? { a[name]?.boolValue }
        switch resource.type {
        case "aws_default_vpc", "aws_default_security_group", "aws_default_subnet", "aws_default_route_table",
            "aws_default_network_acl":
            return true
        case "aws_vpc": return flag("is_default") == true
        case "aws_subnet": return flag("default_for_az") == true || flag("map_public_ip_on_launch_default") == true
        case "aws_security_group": return a["name"]?.stringValue == "default"
        case "aws_route_table": return flag("main") == true
        case "aws_network_acl": return flag("is_default") == true || flag("default") == true
        case "aws_ebs_encryption_by_default": return flag("enabled") == false
        case "aws_s3_account_public_access_block": return Self.publicAccessFlags(a).allSatisfy { $0 == false }
        case "aws_ebs_volume": return a["id"]?.stringValue.map { rootVolumes.contains($0) } == true
        case "aws_db_snapshot", "aws_db_cluster_snapshot": return a["snapshot_type"]?.stringValue == "automated"
        case "aws_s3_bucket_acl": return Self.isPrivateACL(a)
        case "aws_s3_bucket_public_access_block": return Self.publicAccessFlags(a).allSatisfy { $0 == true }
        case "aws_s3_bucket_server_side_encryption_configuration": return Self.isDefaultEncryption(a)
        case "aws_s3_bucket_ownership_controls":
            return a["rule"]?.elements?.map { $0.members?["object_ownership"]?.stringValue } == ["BucketOwnerEnforced"]
        case "aws_ecr_registry_scanning_configuration":
            return a["scan_type"]?.stringValue == "BASIC" && a["rule"]?.elements?.isEmpty == true
        case "aws_elasticache_subnet_group": return a["name"]?.stringValue == "default"
        // A selection whose settings could not be read stands in for unknown protection; it is nothing to manage.
        case "aws_backup_selection": return a["plan_id"] == .unknown
        default: return false
        }
    }

    private static func publicAccessFlags(_ a: [String: Value]) -> [Bool?] {
        ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"].map { a[$0]?.boolValue }
    }

    /// The canned `private` ACL: one grant, FULL_CONTROL to the owner.
    private static func isPrivateACL(_ a: [String: Value]) -> Bool {
        guard a["acl"]?.stringValue == "private" else { return false }
        let policy = a["access_control_policy"]?.elements?.first?.members
        guard let grants = policy?["grant"]?.elements else { return true }
        let owner = policy?["owner"]?.elements?.first?.members?["id"]?.stringValue
        return grants.allSatisfy { grant in
            let g = grant.members ?? [:]
            let grantee = g["grantee"]?.elements?.first?.members?["id"]?.stringValue
            return g["permission"]?.stringValue == "FULL_CONTROL" && (owner == nil || grantee == owner)
        }
    }

    /// SSE-S3 (`AES256`) without a customer key, which every bucket has since January 2023.
    private static func isDefaultEncryption(_ a: [String: Value]) -> Bool {
        guard let rules = a["rule"]?.elements, rules.count == 1, let rule = rules[0].members else { return false }
        let apply = rule["apply_server_side_encryption_by_default"]?.elements?.first?.members
        let key = apply?["kms_master_key_id"]?.stringValue ?? ""
        return apply?["sse_algorithm"]?.stringValue == "AES256" && key.isEmpty
            && rule["bucket_key_enabled"]?.boolValue != true
    }
}
