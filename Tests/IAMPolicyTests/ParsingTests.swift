import IAMPolicy
import Model
import Testing

@Suite struct ParsingTests {
    @Test func jsonStringWithSingleStatementObjectAndScalarFields() throws {
        let doc = try PolicyDocument.parse(
            .string(#"{"Statement":{"Sid":"One","Effect":"Deny","Action":"s3:GetObject","Resource":"*"}}"#))
        #expect(doc.statements.count == 1)
        let s = try #require(doc.statements.first)
        #expect(s.sid == "One")
        #expect(s.effect == .deny)
        #expect(s.actions == PatternList(["s3:GetObject"]))
        #expect(s.resources == PatternList(["*"]))
    }

    @Test func jsonencodeObjectWithListsAndMissingEffectAllows() throws {
        let doc = try PolicyDocument.parse(
            .object([
                "Statement": .tuple([
                    .object(["Action": .tuple([.string("s3:GetObject"), .string("s3:PutObject")]), "Resource": .string("*")])
                ])
            ]))
        #expect(doc.statements.first?.effect == .allow)
        #expect(doc.statements.first?.actions.values == ["s3:GetObject", "s3:PutObject"])
    }

    @Test func percentEncodedTextAsIAMReturnsIt() throws {
        let doc = try PolicyDocument.parse(
            .string("%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22%2A%22%7D%5D%7D"))
        #expect(doc.statements.first?.actions.values == ["*"])
    }

    @Test func notFieldsAreNegated() throws {
        let doc = try PolicyDocument.parse(
            .string(
                #"{"Statement":[{"Effect":"Allow","NotAction":"iam:*","NotResource":"arn:aws:s3:::b","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"}}]}"#
            ))
        let s = try #require(doc.statements.first)
        #expect(s.actionsNegated && s.resourcesNegated && s.principalsNegated)
        #expect(s.principals == [PolicyPrincipal(type: "AWS", identifiers: PatternList(["arn:aws:iam::111122223333:root"]))])
    }

    @Test func principalsInEveryJSONShape() throws {
        let doc = try PolicyDocument.parse(
            .string(
                #"{"Statement":[{"Effect":"Allow","Principal":"*"},{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com"],"Federated":"cognito-identity.amazonaws.com"}}]}"#
            ))
        #expect(doc.statements[0].principals == [PolicyPrincipal(type: "*", identifiers: PatternList(["*"]))])
        #expect(doc.statements[1].principals.map(\.type) == ["Federated", "Service"])
    }

    @Test func conditionsAsOperatorKeyValues() throws {
        let doc = try PolicyDocument.parse(
            .string(
                #"{"Statement":[{"Effect":"Deny","Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"s3:TlsVersion":1.2}}}]}"#
            ))
        let conditions = try #require(doc.statements.first?.conditions)
        #expect(conditions.count == 2)
        #expect(conditions[0] == PolicyCondition(operator: "Bool", key: "aws:SecureTransport", values: PatternList(["false"])))
        #expect(conditions[1].values.values == ["1.2"])
    }

    @Test func terraformStatementBlocks() throws {
        let block: Value = .object([
            "statement": .list([
                .object([
                    "effect": .string("Allow"),
                    "actions": .set([.string("sts:AssumeRoleWithWebIdentity")]),
                    "principals": .set([
                        .object(["type": .string("Federated"), "identifiers": .list([.string("arn:aws:iam::1:oidc-provider/x")])])
                    ]),
                    "condition": .list([
                        .object([
                            "test": .string("StringLike"), "variable": .string("x:sub"), "values": .list([.string("repo:a/b:*")]),
                        ])
                    ]),
                ])
            ])
        ])
        let s = try #require(try PolicyDocument.parse(block).statements.first)
        #expect(s.principals.first?.type == "Federated")
        #expect(s.conditions == [PolicyCondition(operator: "StringLike", key: "x:sub", values: PatternList(["repo:a/b:*"]))])
        #expect(s.conditions.first?.baseOperator == "stringlike")
    }

    @Test func unknownValuesAreMarkedNotGuessed() throws {
        let doc = try PolicyDocument.parse(
            .object([
                "Statement": .tuple([
                    .object(["Action": .tuple([.string("s3:GetObject"), .unknown]), "Resource": .unknown, "Effect": .unknown]),
                    .unknown,
                ])
            ]))
        #expect(doc.statementsUnknown)
        let s = try #require(doc.statements.first)
        #expect(s.effect == nil)
        #expect(s.actions == PatternList(["s3:GetObject"], hasUnknown: true))
        #expect(s.resources.hasUnknown)
        #expect(!s.isKnown)
        #expect(try PolicyDocument.parse(.unknown).statementsUnknown)
    }

    @Test func baseOperatorDropsSetQualifiersAndIfExists() {
        let c = PolicyCondition(operator: "ForAnyValue:StringLikeIfExists", key: "k", values: PatternList([]))
        #expect(c.baseOperator == "stringlike")
    }

    @Test(arguments: [
        ("not json", PolicyParseError.Code.invalidJSON),
        ("[1]", .notAnObject),
        (#"{"Statement":"x"}"#, .invalidStatement),
        (#"{"Statement":["x"]}"#, .notAnObject),
        (#"{"Statement":[{"Effect":"Maybe"}]}"#, .invalidEffect),
        (#"{"Statement":[{"Action":{"a":1}}]}"#, .invalidField),
        (#"{"Statement":[{"Action":"a:b","NotAction":"c:d"}]}"#, .conflictingFields),
        (#"{"Statement":[{"Principal":"someone"}]}"#, .invalidField),
        (#"{"Statement":[{"Condition":{"StringEquals":"x"}}]}"#, .invalidField),
    ])
    func malformedDocumentsThrowTypedErrors(text: String, code: PolicyParseError.Code) {
        #expect {
            _ = try PolicyDocument.parse(.string(text))
        } throws: { error in
            (error as? PolicyParseError)?.code == code
        }
    }

    @Test func parseErrorNamesWhere() {
        do {
            _ = try PolicyDocument.parse(.string(#"{"Statement":[{"Effect":"Allow"},{"Effect":"Perhaps"}]}"#))
            Issue.record("expected an error")
        } catch {
            #expect(error.location == "Statement[1].Effect")
        }
        do {
            _ = try PolicyDocument.parse(.string("{"))
            Issue.record("expected an error")
        } catch {
            #expect(error.underlying != nil)
        }
    }
}
