import AWS
import Model

/// The account's own EBS snapshots and AMIs in one region, with who may use them: one list call each, then one
/// attribute call per snapshot (`createVolumePermission`) and per AMI (`launchPermission`), because the lists
/// do not say whether an item is shared. Items whose owner is another account are dropped even when the endpoint
/// returned them: the owner filter is a request, and an item shared with the account is not the account's to fix.
enum EC2ImageDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let snapshots =
            (await reader.queryPages(.ec2, "DescribeSnapshots", ["OwnerId.1": "self"], token: "NextToken", element: "nextToken")
            ?? []).flatMap { $0.all("snapshotSet/item") }
            .filter { $0.string("ownerId") == account }
        await reader.gather(snapshots) { node in await snapshot(node, client: client, account: account, region: region) }
        let images =
            (await reader.queryPages(.ec2, "DescribeImages", ["Owner.1": "self"], token: "NextToken", element: "nextToken")
            ?? []).flatMap { $0.all("imagesSet/item") }
            .filter { $0.string("imageOwnerId") == account }
        await reader.gather(images) { node in await image(node, client: client, account: account, region: region) }
        return reader
    }

    static func snapshot(_ node: XMLNode, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        guard let id = node.string("snapshotId") else { return reader }
        let arn = reader.arn("ec2", "snapshot/\(id)")
        var edges: [LiveResource.Edge] = []
        if let volume = node.string("volumeId") { edges.append(.init(attribute: "volume_id", type: "aws_ebs_volume", id: volume)) }
        reader.add(
            LiveResource(
                type: "aws_ebs_snapshot", id: id, name: id, originID: arn, region: region,
                attributes: [
                    "id": .string(id), "arn": .string(arn), "volume_id": .string(node.string("volumeId")),
                    "encrypted": .bool(node.bool("encrypted") ?? false), "kms_key_id": .string(node.string("kmsKeyId")),
                    "volume_size": .number(node.number("volumeSize")), "description": .string(node.string("description")),
                    "owner_id": .string(node.string("ownerId")), "storage_tier": .string(node.string("storageTier")),
                    "tags": node.tags("tagSet/item"),
                ], edges: edges))
        let answer = await reader.query(
            .ec2, "DescribeSnapshotAttribute", ["SnapshotId": id, "Attribute": "createVolumePermission"], resource: id)
        let permissions = answer?.all("createVolumePermission/item") ?? []
        for permission in permissions {
            // A public snapshot is shared with the group `all`; Terraform's resource names it by account, so
            // `all` stands in that place.
            guard let who = permission.string("userId") ?? permission.string("group") else { continue }
            reader.add(
                LiveResource(
                    type: "aws_snapshot_create_volume_permission", id: "\(id)-\(who)", name: "\(id)_\(who)",
                    originID: arn, region: region,
                    attributes: ["id": .string("\(id)-\(who)"), "snapshot_id": .string(id), "account_id": .string(who)],
                    edges: [.init(attribute: "snapshot_id", type: "aws_ebs_snapshot", id: id)]))
        }
        return reader
    }

    static func image(_ node: XMLNode, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        guard let id = node.string("imageId") else { return reader }
        let arn = "arn:aws:ec2:\(region)::image/\(id)"
        let devices: [Value] = node.all("blockDeviceMapping/item").compactMap { mapping in
            guard mapping.node("ebs") != nil else { return nil }
            return .object([
                "device_name": .string(mapping.string("deviceName")),
                "encrypted": .bool(mapping.bool("ebs/encrypted") ?? false),
                "snapshot_id": .string(mapping.string("ebs/snapshotId")),
                "volume_size": .number(mapping.number("ebs/volumeSize")),
                "volume_type": .string(mapping.string("ebs/volumeType")),
                "delete_on_termination": .bool(mapping.bool("ebs/deleteOnTermination")),
            ])
        }
        reader.add(
            LiveResource(
                type: "aws_ami", id: id, name: node.string("name") ?? id, originID: arn, region: region,
                attributes: [
                    "id": .string(id), "arn": .string(arn), "name": .string(node.string("name")),
                    "description": .string(node.string("description")),
                    "architecture": .string(node.string("architecture")),
                    "root_device_name": .string(node.string("rootDeviceName")),
                    "virtualization_type": .string(node.string("virtualizationType")),
                    "ena_support": .bool(node.bool("enaSupport") ?? false),
                    "imds_support": .string(node.string("imdsSupport")),
                    "ebs_block_device": .list(devices), "public": .bool(node.bool("isPublic") ?? false),
                    "tags": node.tags("tagSet/item"),
                ]))
        let answer = await reader.query(.ec2, "DescribeImageAttribute", ["ImageId": id, "Attribute": "launchPermission"], resource: id)
        for permission in answer?.all("launchPermission/item") ?? [] {
            let user = permission.string("userId")
            let group = permission.string("group")
            guard let who = user ?? group else { continue }
            reader.add(
                LiveResource(
                    type: "aws_ami_launch_permission", id: "\(id)-\(who)", name: "\(id)_\(who)", originID: arn,
                    region: region,
                    attributes: [
                        "id": .string("\(id)-\(who)"), "image_id": .string(id), "account_id": .string(user),
                        "group": .string(group),
                    ], edges: [.init(attribute: "image_id", type: "aws_ami", id: id)]))
        }
        return reader
    }
}
