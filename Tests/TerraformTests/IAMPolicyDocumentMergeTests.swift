import Model
import Terraform
import Testing

/// `aws_iam_policy_document` merges source and override documents by Sid, as the AWS provider documents it.
@Suite struct IAMPolicyDocumentMergeTests {
    private func minified(_ source: String, _ name: String) throws -> Value {
        let loaded = IAMPolicyDocumentTests.load(
            source + """

                output "result" {
                  value = data.aws_iam_policy_document.\(name).minified_json
                }
                """)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        return try IAMPolicyDocumentTests.output(loaded, "result")
    }

    @Test func ownStatementReplacesTheSourceStatementWithItsSid() throws {
        let result = try minified(
            """
            data "aws_iam_policy_document" "source" {
              statement {
                actions   = ["ec2:*"]
                resources = ["*"]
              }
              statement {
                sid       = "SidToOverride"
                actions   = ["s3:*"]
                resources = ["*"]
              }
            }

            data "aws_iam_policy_document" "merged" {
              source_policy_documents = [data.aws_iam_policy_document.source.json]
              statement {
                sid       = "SidToOverride"
                actions   = ["s3:*"]
                resources = ["arn:aws:s3:::somebucket", "arn:aws:s3:::somebucket/*"]
              }
            }
            """, "merged")
        #expect(
            result
                == .string(
                    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"},{"Sid":"SidToOverride","Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::somebucket/*","arn:aws:s3:::somebucket"]}]}"#
                ))
    }

    @Test func overrideStatementReplacesTheOwnStatementWithItsSid() throws {
        let result = try minified(
            """
            data "aws_iam_policy_document" "override" {
              statement {
                sid       = "SidToOverride"
                actions   = ["s3:*"]
                resources = ["*"]
              }
            }

            data "aws_iam_policy_document" "merged" {
              override_policy_documents = [data.aws_iam_policy_document.override.json]
              statement {
                actions   = ["ec2:*"]
                resources = ["*"]
              }
              statement {
                sid       = "SidToOverride"
                actions   = ["s3:*"]
                resources = ["arn:aws:s3:::somebucket", "arn:aws:s3:::somebucket/*"]
              }
            }
            """, "merged")
        #expect(
            result
                == .string(
                    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"},{"Sid":"SidToOverride","Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#
                ))
    }

    @Test func overridesReplaceBySidInPlaceAndAppendTheRest() throws {
        let result = try minified(
            """
            data "aws_iam_policy_document" "one" {
              statement {
                actions   = ["ec2:*"]
                resources = ["*"]
              }
              statement {
                sid       = "One"
                actions   = ["s3:*"]
                resources = ["*"]
              }
            }

            data "aws_iam_policy_document" "two" {
              statement {
                sid       = "Two"
                actions   = ["iam:*"]
                resources = ["*"]
              }
              statement {
                actions   = ["lambda:*"]
                resources = ["*"]
              }
            }

            data "aws_iam_policy_document" "three" {
              statement {
                sid       = "One"
                effect    = "Deny"
                actions   = ["logs:*"]
                resources = ["*"]
              }
            }

            data "aws_iam_policy_document" "overrides" {
              override_policy_documents = [
                data.aws_iam_policy_document.one.json,
                data.aws_iam_policy_document.two.json,
                data.aws_iam_policy_document.three.json,
              ]
              statement {
                sid       = "Two"
                effect    = "Deny"
                actions   = ["*"]
                resources = ["*"]
              }
            }
            """, "overrides")
        #expect(
            result
                == .string(
                    #"{"Version":"2012-10-17","Statement":[{"Sid":"Two","Effect":"Allow","Action":"iam:*","Resource":"*"},{"Effect":"Allow","Action":"ec2:*","Resource":"*"},{"Sid":"One","Effect":"Deny","Action":"logs:*","Resource":"*"},{"Effect":"Allow","Action":"lambda:*","Resource":"*"}]}"#
                ))
    }

    @Test func sourceDocumentsKeepEveryStatementInOrder() throws {
        let result = try minified(
            """
            data "aws_iam_policy_document" "one" {
              statement {
                actions   = ["ec2:*"]
                resources = ["*"]
              }
              statement {
                sid       = "UniqueSidOne"
                actions   = ["s3:*"]
                resources = ["*"]
              }
            }

            data "aws_iam_policy_document" "two" {
              statement {
                sid       = "UniqueSidTwo"
                actions   = ["iam:*"]
                resources = ["*"]
              }
              statement {
                actions   = ["lambda:*"]
                resources = ["*"]
              }
            }

            data "aws_iam_policy_document" "combined" {
              source_policy_documents = [data.aws_iam_policy_document.one.json, data.aws_iam_policy_document.two.json]
            }
            """, "combined")
        #expect(
            result
                == .string(
                    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"},{"Sid":"UniqueSidOne","Effect":"Allow","Action":"s3:*","Resource":"*"},{"Sid":"UniqueSidTwo","Effect":"Allow","Action":"iam:*","Resource":"*"},{"Effect":"Allow","Action":"lambda:*","Resource":"*"}]}"#
                ))
    }

    @Test func handWrittenSourceDocumentsAreReadAsTheProviderReadsThem() throws {
        let result = try minified(
            """
            data "aws_iam_policy_document" "merged" {
              source_policy_documents = [jsonencode({
                Version = "2012-10-17"
                Id      = "handwritten"
                Statement = [{
                  sid      = "Lower"
                  Effect   = "Allow"
                  Action   = ["s3:GetObject", "s3:PutObject"]
                  Resource = "*"
                  Principal = { AWS = ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root"] }
                  Condition = {
                    Bool            = { "aws:MultiFactorAuthPresent" = true }
                    NumericLessThan = { "aws:MultiFactorAuthAge" = 3600 }
                    StringEquals    = { "aws:PrincipalOrgID" = "o-abc" }
                  }
                }]
              })]
            }
            """, "merged")
        // Field names match case-insensitively; Action keeps its order; list principals come out reverse sorted;
        // a boolean condition value becomes text and a number is dropped, as the provider's reader does.
        #expect(
            result
                == .string(
                    #"{"Version":"2012-10-17","Id":"handwritten","Statement":[{"Sid":"Lower","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*","Principal":{"AWS":["arn:aws:iam::444455556666:root","arn:aws:iam::111122223333:root"]},"Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"},"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}}]}"#
                ))
    }

    @Test func sourceValuesTheModelKeepsAsTheyAreAreWrittenAsGoWritesThem() throws {
        let result = try minified(
            """
            data "aws_iam_policy_document" "odd" {
              source_policy_documents = [jsonencode({
                Statement = [{
                  Effect   = "Allow"
                  Action   = "s3:GetObject"
                  Resource = { b = 1, a = [true, null, 0.0000001, 1e21, 0.00001, 2.5] }
                }]
              })]
            }
            """, "odd")
        #expect(
            result
                == .string(
                    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":{"a":[true,null,1e-7,1e+21,0.00001,2.5],"b":1}}]}"#
                ))
    }

    @Test func deprecatedSourceAndOverrideJSONMergeFirstAndLast() throws {
        let result = try minified(
            """
            data "aws_iam_policy_document" "base" {
              statement {
                sid       = "Base"
                actions   = ["s3:GetObject"]
                resources = ["*"]
              }
              statement {
                actions   = ["ec2:*"]
                resources = ["*"]
              }
            }

            data "aws_iam_policy_document" "legacy" {
              source_json   = data.aws_iam_policy_document.base.json
              override_json = jsonencode({ Statement = [{ Sid = "Base", Effect = "Deny", Action = "s3:*", Resource = "*" }] })
              statement {
                sid       = "Own"
                actions   = ["sqs:SendMessage"]
                resources = ["*"]
              }
            }
            """, "legacy")
        #expect(
            result
                == .string(
                    #"{"Version":"2012-10-17","Statement":[{"Sid":"Base","Effect":"Deny","Action":"s3:*","Resource":"*"},{"Effect":"Allow","Action":"ec2:*","Resource":"*"},{"Sid":"Own","Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}"#
                ))
    }

    @Test func duplicateSidsAreReportedAndLeaveTheDocumentUnknown() throws {
        let loaded = IAMPolicyDocumentTests.load(
            """
            data "aws_iam_policy_document" "a" {
              statement {
                sid       = "Same"
                actions   = ["s3:GetObject"]
                resources = ["*"]
              }
            }

            data "aws_iam_policy_document" "sources" {
              source_policy_documents = [data.aws_iam_policy_document.a.json, data.aws_iam_policy_document.a.json]
            }

            data "aws_iam_policy_document" "own" {
              statement {
                sid     = "Twice"
                actions = ["s3:GetObject"]
              }
              statement {
                sid     = "Twice"
                actions = ["s3:PutObject"]
              }
            }

            output "sources" {
              value = data.aws_iam_policy_document.sources.json
            }

            output "own" {
              value = data.aws_iam_policy_document.own.json
            }
            """)
        #expect(try IAMPolicyDocumentTests.output(loaded, "sources") == .unknown)
        #expect(try IAMPolicyDocumentTests.output(loaded, "own") == .unknown)
        let warnings = loaded.diagnostics.filter { $0.severity == .warning && $0.message.contains("duplicate Sid") }
        #expect(warnings.count == 2, "\(loaded.diagnostics)")
        #expect(loaded.errors.isEmpty)
    }
}
