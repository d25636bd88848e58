import IAMPolicy
import Model

/// Parses `json` as a policy, failing the test through the thrown error when it does not parse.
func policy(_ json: String) throws -> PolicyAnalysis {
    PolicyAnalysis(try PolicyDocument.parse(.string(json)))
}

/// A policy of one statement given as JSON members.
func statement(_ members: String) throws -> PolicyAnalysis {
    try policy(#"{"Version":"2012-10-17","Statement":[{"# + members + "}]}")
}
