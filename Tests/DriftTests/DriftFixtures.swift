/// A hand-written state v4 file: four managed instances, a data source and one resource in a module with a key.
enum DriftFixtures {
    static let state = #"""
        {
          "version": 4,
          "terraform_version": "1.11.0",
          "serial": 7,
          "lineage": "0b3e1c2a-drift-fixture",
          "outputs": {},
          "resources": [
            {
              "mode": "data", "type": "aws_caller_identity", "name": "me",
              "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
              "instances": [{ "schema_version": 0, "attributes": { "id": "123456789012", "account_id": "123456789012" } }]
            },
            {
              "mode": "managed", "type": "aws_s3_bucket", "name": "logs",
              "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
              "instances": [{
                "schema_version": 0,
                "attributes": {
                  "id": "acme-logs", "arn": "arn:aws:s3:::acme-logs", "bucket": "acme-logs",
                  "bucket_domain_name": "acme-logs.s3.amazonaws.com", "acl": null, "force_destroy": false,
                  "grant": [
                    { "id": "", "permissions": ["FULL_CONTROL"], "type": "CanonicalUser", "uri": "" },
                    { "id": "", "permissions": ["READ_ACP", "WRITE"], "type": "Group", "uri": "http://acs.amazonaws.com/groups/s3/LogDelivery" }
                  ],
                  "versioning": [{ "enabled": true, "mfa_delete": false }],
                  "tags": { "team": "security" }, "tags_all": { "team": "security" },
                  "timeouts": null, "policy": ""
                }
              }]
            },
            {
              "mode": "managed", "type": "aws_s3_bucket", "name": "gone",
              "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
              "instances": [{ "schema_version": 0, "attributes": { "id": "acme-gone", "arn": "arn:aws:s3:::acme-gone", "bucket": "acme-gone" } }]
            },
            {
              "mode": "managed", "type": "aws_security_group", "name": "web",
              "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
              "instances": [{
                "schema_version": 1,
                "attributes": {
                  "id": "sg-0a1", "arn": "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0a1", "name": "web",
                  "description": "Managed by Terraform", "owner_id": "123456789012", "revoke_rules_on_delete": false,
                  "ingress": [
                    { "cidr_blocks": ["10.0.0.0/8", "192.168.0.0/16"], "from_port": 443, "to_port": 443, "protocol": "tcp", "description": "", "self": false, "security_groups": [] },
                    { "cidr_blocks": ["10.0.0.0/8"], "from_port": 22, "to_port": 22, "protocol": "tcp", "description": "ssh", "self": false, "security_groups": [] }
                  ]
                }
              }]
            },
            {
              "mode": "managed", "type": "aws_instance", "name": "app", "module": "module.compute[\"blue\"]",
              "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
              "instances": [{
                "index_key": 0,
                "schema_version": 1,
                "attributes": {
                  "id": "i-0app", "arn": "arn:aws:ec2:eu-west-1:123456789012:instance/i-0app", "ami": "ami-123",
                  "instance_type": "t3.micro", "private_dns": "ip-10-0-0-5.eu-west-1.compute.internal",
                  "metadata_options": [{ "http_tokens": "required", "http_put_response_hop_limit": 1, "http_endpoint": "enabled" }],
                  "vpc_security_group_ids": ["sg-0a1", "sg-0b2"], "monitoring": false
                }
              }]
            }
          ]
        }
        """#
}
