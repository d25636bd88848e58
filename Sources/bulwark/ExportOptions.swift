import ArgumentParser
import Foundation
import Reports

/// `--aws-account-id`, `--aws-region` and `--security-hub`: where ASFF findings belong and whether to import them.
struct ExportOptions: ParsableArguments {
    @Option(
        name: .customLong("aws-account-id"),
        help: "The AWS account ASFF findings belong to (default: $AWS_ACCOUNT_ID); needed by -o asff and --security-hub.")
    var awsAccountID: String?

    @Option(
        name: .customLong("aws-region"),
        help: ArgumentHelp(
            "The AWS region of ASFF findings (default: $AWS_REGION, else $AWS_DEFAULT_REGION); repeatable with --security-hub.",
            discussion: "-o asff writes the first region; --security-hub imports into every one."))
    var awsRegions: [String] = []

    @Flag(
        name: .customLong("security-hub"),
        help: ArgumentHelp(
            "Import the findings into AWS Security Hub and archive this target's findings that the scan no longer reports.",
            discussion: "Nothing is archived when the scan has load errors. Credentials come from the AWS credential chain."))
    var securityHub = false

    /// Rejects malformed values; whether an account is needed at all is decided once the outputs are known.
    func validate() throws {
        if let awsAccountID, !ExportContext.isAccountID(awsAccountID) {
            throw ValidationError("--aws-account-id takes a 12-digit AWS account ID, got \"\(awsAccountID)\"")
        }
        for region in awsRegions where !ExportContext.isRegion(region) {
            throw ValidationError("--aws-region takes an AWS region name such as eu-west-1, got \"\(region)\"")
        }
    }

    /// The account: the option, else `$AWS_ACCOUNT_ID`; nil when neither is set or the variable is malformed.
    func account(environment: [String: String]) -> String? {
        if let awsAccountID { return awsAccountID }
        guard let value = environment["AWS_ACCOUNT_ID"], ExportContext.isAccountID(value) else { return nil }
        return value
    }

    /// The regions: the options, else `$AWS_REGION`, else `$AWS_DEFAULT_REGION`.
    func regions(environment: [String: String]) -> [String] {
        if !awsRegions.isEmpty { return awsRegions }
        for name in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let value = environment[name], ExportContext.isRegion(value) { return [value] }
        }
        return []
    }

    /// The export context for `-o asff`/`-o ocsf` (first region), or a usage error naming what is missing when
    /// `required`.
    func context(environment: [String: String], scope: String, required: Bool) throws -> ExportContext {
        let account = account(environment: environment)
        let region = regions(environment: environment).first
        if required {
            if account == nil { throw ValidationError("-o asff and --security-hub need --aws-account-id (or $AWS_ACCOUNT_ID)") }
            if region == nil { throw ValidationError("-o asff and --security-hub need --aws-region (or $AWS_REGION)") }
        }
        return ExportContext(awsAccountID: account, awsRegion: region, scope: scope)
    }
}
