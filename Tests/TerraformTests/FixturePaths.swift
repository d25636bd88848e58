import Foundation

/// Locates the test fixtures copied into the test bundle.
enum FixturePaths {
    static var root: String {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            return "Tests/TerraformTests/Fixtures"
        }
        return url.path
    }

    static func module(_ name: String) -> String { root + "/modules/" + name }
}
