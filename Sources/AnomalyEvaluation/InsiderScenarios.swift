/// Insiders: a known principal abusing its own access from its usual host, client and working hours, so nothing
/// is new but what it does and how much. Modelled on the documented calls of each abuse (Secrets Manager
/// `GetSecretValue`, S3 `GetObject` data events, EC2 `ModifySnapshotAttribute`, CloudTrail `StopLogging`).
extension AttackTechnique {
    /// Five insider scenarios in the test period, each by a principal of the cast with a long benign history.
    public static let insiders: [AttackTechnique] = [
        AttackTechnique(
            name: "insider.secrets-harvesting", persona: "dev-alice", day: 2, hour: 11, ip: "", agent: "",
            calls: [
                r("ListSecrets", "secretsmanager"),
                AttackCall(action: "GetSecretValue", service: "secretsmanager", readOnly: true, count: 160),
            ],
            usualHost: true, spacing: 5),
        AttackTechnique(
            name: "insider.bulk-s3-read", persona: "dev-dave", day: 3, hour: 15, ip: "", agent: "",
            calls: [r("ListObjectsV2", "s3"), AttackCall(action: "GetObject", service: "s3", readOnly: true, count: 3000)],
            usualHost: true, spacing: 0.4),
        AttackTechnique(
            name: "insider.mass-api-calls", persona: "dev-bob", day: 1, hour: 10, ip: "", agent: "",
            calls: [r("DescribeInstances", "ec2", 3000), r("FilterLogEvents", "logs", 2000)],
            usualHost: true, spacing: 0.5),
        AttackTechnique(
            name: "insider.snapshot-sharing", persona: "admin-ops", day: 4, hour: 10, ip: "", agent: "",
            calls: [
                r("DescribeSnapshots", "ec2"),
                w(
                    "ModifySnapshotAttribute", "ec2",
                    [
                        "snapshotId": "snap-0f1e2d3c4b5a", "attributeType": "CREATE_VOLUME_PERMISSION",
                        "createVolumePermission.add.userId": "444455556666",
                    ]),
            ],
            usualHost: true),
        AttackTechnique(
            name: "insider.disable-logging", persona: "admin-ops", day: 5, hour: 15, ip: "", agent: "",
            calls: [
                r("DescribeTrails", "cloudtrail"),
                w("StopLogging", "cloudtrail", ["name": "arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail"]),
            ],
            usualHost: true),
    ]
}
