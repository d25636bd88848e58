import Foundation
import Reports

/// Sorts a fix run's error diagnostics: errors loading the Terraform tree leave the other files fixable, while
/// errors in the check library or a missing input make the run unusable.
struct FixLoadErrors {
    /// Files of the tree that did not load (syntax errors, a missing `file()` argument, an unloadable module, a
    /// corrupt `.terraform/modules/modules.json`): findings there are not fixed; everything else is.
    var tree: [ReportDiagnostic] = []
    /// Problems that stop the run (the check library, anything not tied to a file of the scanned directories).
    var fatal: [ReportDiagnostic] = []

    private static let terraformSuffixes = [".tf", ".tf.json", ".tfvars", ".tfvars.json"]

    /// Splits the error diagnostics of `diagnostics`; `checksDirectory` (absolute) holds the check library,
    /// `roots` (absolute) are the scanned directories, and `absolute` turns a report path back into an absolute one.
    init(_ diagnostics: [ReportDiagnostic], checksDirectory: String?, roots: [String] = [], absolute: (String) -> String) {
        let library = checksDirectory.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        let inside = roots.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        for diagnostic in diagnostics where diagnostic.severity == .error {
            guard let file = diagnostic.file,
                Self.terraformSuffixes.contains(where: { file.hasSuffix($0) })
                    || inside.contains(where: { absolute(file).hasPrefix($0) }),
                library.map({ !(absolute(file) + "/").hasPrefix($0) }) ?? true
            else {
                fatal.append(diagnostic)
                continue
            }
            tree.append(diagnostic)
        }
    }
}
