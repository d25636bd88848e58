import Model
import Terraform
import Testing

/// `aws_iam_policy_document` renders `json` and `minified_json` at load time, as the AWS provider does at plan time.
@Suite struct IAMPolicyDocumentTests {
    /// Loads `source` as the only file of a root module held in memory.
    static func load(_ source: String) -> LoadedConfiguration {
        var options = LoadOptions()
        options.fileTree = MemoryFileTree(root: "/policy", files: ["main.tf": Array(source.utf8)])
        return ModuleLoader.load(directory: "/policy", options: options)
    }

    /// The value of `output "name"`.
    static func output(_ loaded: LoadedConfiguration, _ name: String) throws -> Value {
        try #require(loaded.outputs[name], "no output \(name) in \(loaded.outputs.keys.sorted()); diagnostics: \(loaded.diagnostics)")
    }

    @Test func rendersStatementsIndentedAsTheProviderDoes() throws {
        let loaded = Self.load(
            #"""
            variable "bucket" {
              default = "acme-data"
            }

            data "aws_iam_policy_document" "example" {
              statement {
                sid       = "ListBuckets"
                actions   = ["s3:ListAllMyBuckets", "s3:GetBucketLocation"]
                resources = ["arn:aws:s3:::*"]
              }

              statement {
                actions   = ["s3:ListBucket"]
                resources = ["arn:aws:s3:::${var.bucket}"]

                condition {
                  test     = "StringLike"
                  variable = "s3:prefix"
                  values   = ["", "home/", "home/&{aws:username}/"]
                }
              }

              statement {
                actions = ["s3:*"]
                resources = [
                  "arn:aws:s3:::${var.bucket}/home/&{aws:username}",
                  "arn:aws:s3:::${var.bucket}/home/&{aws:username}/*",
                ]
              }
            }

            output "json" {
              value = data.aws_iam_policy_document.example.json
            }
            """#)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let expected = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "ListBuckets",
                  "Effect": "Allow",
                  "Action": [
                    "s3:ListAllMyBuckets",
                    "s3:GetBucketLocation"
                  ],
                  "Resource": "arn:aws:s3:::*"
                },
                {
                  "Effect": "Allow",
                  "Action": "s3:ListBucket",
                  "Resource": "arn:aws:s3:::acme-data",
                  "Condition": {
                    "StringLike": {
                      "s3:prefix": [
                        "",
                        "home/",
                        "home/${aws:username}/"
                      ]
                    }
                  }
                },
                {
                  "Effect": "Allow",
                  "Action": "s3:*",
                  "Resource": [
                    "arn:aws:s3:::acme-data/home/${aws:username}/*",
                    "arn:aws:s3:::acme-data/home/${aws:username}"
                  ]
                }
              ]
            }
            """
        #expect(try Self.output(loaded, "json") == .string(expected))
    }

    @Test func minifiedJSONAndTheDataResourceCarryTheSameDocument() throws {
        let loaded = Self.load(
            """
            data "aws_iam_policy_document" "small" {
              policy_id = "small-policy"

              statement {
                effect    = "Deny"
                actions   = ["s3:DeleteObject", "s3:DeleteObject"]
                resources = ["arn:aws:s3:::acme-data/*"]
              }
            }

            output "minified" {
              value = data.aws_iam_policy_document.small.minified_json
            }
            """)
        let expected =
            #"{"Version":"2012-10-17","Id":"small-policy","Statement":[{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::acme-data/*"}]}"#
        #expect(try Self.output(loaded, "minified") == .string(expected))
        let resource = try #require(loaded.resources.first { $0.address == "data.aws_iam_policy_document.small" })
        #expect(resource.attributes["minified_json"] == .string(expected))
        #expect(
            resource.attributes["json"]?.stringValue?.hasPrefix("{\n  \"Version\": \"2012-10-17\",\n  \"Id\": \"small-policy\",") == true)
    }

    @Test func anEmptyDocumentHasOnlyItsVersion() throws {
        let loaded = Self.load(
            """
            data "aws_iam_policy_document" "empty" {
              version = "2008-10-17"
            }

            output "json" {
              value = data.aws_iam_policy_document.empty.json
            }
            """)
        #expect(try Self.output(loaded, "json") == .string("{\n  \"Version\": \"2008-10-17\"\n}"))
    }

    @Test func principalsRenderAsTheProviderFoldsThem() throws {
        let loaded = Self.load(
            """
            data "aws_iam_policy_document" "trust" {
              statement {
                actions = ["sts:AssumeRole"]

                principals {
                  type        = "Service"
                  identifiers = ["lambda.amazonaws.com"]
                }

                principals {
                  type        = "AWS"
                  identifiers = ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root"]
                }

                principals {
                  type        = "Federated"
                  identifiers = ["cognito-identity.amazonaws.com"]
                }
              }

              statement {
                sid       = "Anyone"
                actions   = ["s3:GetObject"]
                resources = ["*"]

                principals {
                  type        = "*"
                  identifiers = ["*"]
                }
              }

              statement {
                sid     = "AnyAWS"
                actions = ["s3:GetObject"]

                principals {
                  type        = "AWS"
                  identifiers = ["*"]
                }
              }

              statement {
                sid           = "TwoBlocks"
                effect        = "Deny"
                not_actions   = ["iam:*"]
                not_resources = ["arn:aws:iam::111122223333:role/admin"]

                not_principals {
                  type        = "AWS"
                  identifiers = ["arn:aws:iam::111122223333:role/b"]
                }

                not_principals {
                  type        = "AWS"
                  identifiers = ["arn:aws:iam::111122223333:role/a", "arn:aws:iam::111122223333:role/c"]
                }
              }
            }

            output "json" {
              value = data.aws_iam_policy_document.trust.minified_json
            }
            """)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let expected = [
            #"{"Version":"2012-10-17","Statement":["#,
            #"{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":["arn:aws:iam::444455556666:root","arn:aws:iam::111122223333:root"],"#,
            #""Federated":"cognito-identity.amazonaws.com","Service":"lambda.amazonaws.com"}},"#,
            #"{"Sid":"Anyone","Effect":"Allow","Action":"s3:GetObject","Resource":"*","Principal":"*"},"#,
            #"{"Sid":"AnyAWS","Effect":"Allow","Action":"s3:GetObject","Principal":{"AWS":"*"}},"#,
            #"{"Sid":"TwoBlocks","Effect":"Deny","NotAction":"iam:*","NotResource":"arn:aws:iam::111122223333:role/admin","#,
            #""NotPrincipal":{"AWS":["arn:aws:iam::111122223333:role/b","arn:aws:iam::111122223333:role/c","arn:aws:iam::111122223333:role/a"]}}"#,
            "]}",
        ].joined()
        #expect(try Self.output(loaded, "json") == .string(expected))
    }

    @Test func conditionsGroupByTestAndKeyWithSingleValuesAsStrings() throws {
        let loaded = Self.load(
            """
            data "aws_iam_policy_document" "kms" {
              statement {
                actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
                resources = ["*"]

                condition {
                  test     = "ForAnyValue:StringEquals"
                  variable = "kms:EncryptionContext:service"
                  values   = ["pi"]
                }

                condition {
                  test     = "ForAnyValue:StringEquals"
                  variable = "kms:EncryptionContext:aws:pi:service"
                  values   = ["rds"]
                }

                condition {
                  test     = "Bool"
                  variable = "aws:SecureTransport"
                  values   = [false]
                }
              }
            }

            output "json" {
              value = data.aws_iam_policy_document.kms.json
            }
            """)
        let expected = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Action": [
                    "kms:GenerateDataKey",
                    "kms:Decrypt"
                  ],
                  "Resource": "*",
                  "Condition": {
                    "Bool": {
                      "aws:SecureTransport": "false"
                    },
                    "ForAnyValue:StringEquals": {
                      "kms:EncryptionContext:aws:pi:service": "rds",
                      "kms:EncryptionContext:service": "pi"
                    }
                  }
                }
              ]
            }
            """
        #expect(try Self.output(loaded, "json") == .string(expected))
    }

    @Test func blocksGivenMoreThanOnceFollowThePluginSDKSetOrder() throws {
        // The provider reads principals and condition blocks as sets, listed by the hash of their contents: here the
        // second principals block comes first, and the condition values keep their blocks' hash order.
        let loaded = Self.load(
            """
            data "aws_iam_policy_document" "swapped" {
              statement {
                actions = ["s3:GetObject"]

                not_principals {
                  type        = "AWS"
                  identifiers = ["arn:aws:iam::111122223333:role/a", "arn:aws:iam::111122223333:role/c"]
                }

                not_principals {
                  type        = "AWS"
                  identifiers = ["arn:aws:iam::111122223333:role/b"]
                }

                condition {
                  test     = "StringEquals"
                  variable = "aws:PrincipalTag/team"
                  values   = ["z", "y"]
                }

                condition {
                  test     = "StringEquals"
                  variable = "aws:PrincipalTag/team"
                  values   = ["a"]
                }
              }
            }

            output "json" {
              value = data.aws_iam_policy_document.swapped.minified_json
            }
            """)
        let expected = [
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","#,
            #""NotPrincipal":{"AWS":["arn:aws:iam::111122223333:role/b","arn:aws:iam::111122223333:role/c","arn:aws:iam::111122223333:role/a"]},"#,
            #""Condition":{"StringEquals":{"aws:PrincipalTag/team":["z","y","a"]}}}]}"#,
        ].joined()
        #expect(try Self.output(loaded, "json") == .string(expected))
    }
}
