import Foundation
import Model

/// Builders for live resources and temporary files shared by the drift tests.
enum Support {
    /// A live resource with `id` as its provider ID.
    static func live(_ type: String, _ id: String, _ attributes: [String: Value] = [:], region: String? = "eu-west-1") -> Resource {
        Resource(
            provider: Resource.impliedProvider(ofType: type), type: type, name: id,
            origin: .live(Resource.LiveOrigin(id: id, account: "123456789012", region: region)), attributes: attributes)
    }

    /// A state-like resource.
    static func state(_ type: String, _ name: String, _ attributes: [String: Value], mode: Resource.Mode = .managed) -> Resource {
        Resource(
            mode: mode, provider: Resource.impliedProvider(ofType: type), type: type, name: name,
            origin: .state(file: "terraform.tfstate"), attributes: attributes)
    }

    /// A new empty temporary directory.
    static func tempDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "drift-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `text` to `name` in `directory` and returns the path.
    @discardableResult
    static func write(_ text: String, to name: String, in directory: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The repository root (for the shipped data files).
    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// A list of objects, as nested blocks appear.
    static func block(_ members: [String: Value]) -> Value { .list([.object(members)]) }

    /// A list of strings.
    static func strings(_ items: [String]) -> Value { .list(items.map(Value.string)) }
}

// Literals keep the expected attribute trees in the tests readable.
extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
