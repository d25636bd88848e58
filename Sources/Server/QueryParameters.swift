import Hummingbird

/// Typed reads of a request's query parameters and path parameters; a bad value is a 400 naming it.
struct QueryParameters {
    let parameters: Parameters

    init(_ request: Request) { parameters = request.uri.queryParameters }

    /// A text parameter (at most 1,000 characters).
    func string(_ name: String) throws -> String? {
        guard let value = parameters.get(name) else { return nil }
        guard value.count <= 1_000 else { throw APIError.invalid(name, "is longer than 1000 characters") }
        return value
    }

    /// An integer parameter in `range`.
    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = parameters.get(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.invalid(name, "must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A comma-separated list of values of `T` (repeated parameters add up).
    func set<T: RawRepresentable & CaseIterable & Hashable>(_ name: String, of type: T.Type) throws -> Set<T>
    where T.RawValue == String {
        var values: Set<T> = []
        for item in parameters.getAll(name).flatMap({ $0.split(separator: ",") }) {
            guard let value = T(rawValue: String(item)) else {
                throw APIError.invalid(name, "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            values.insert(value)
        }
        return values
    }

    /// A required path parameter.
    static func path(_ name: String, _ context: ServerContext) throws -> String {
        guard let value = context.parameters.get(name), !value.isEmpty else { throw APIError.invalid(name, "is required") }
        return value
    }

    /// A numeric id in the path; anything else is a 404 (no such resource), not a 400.
    static func id(_ name: String, _ context: ServerContext, what: String) throws -> Int64 {
        guard let text = context.parameters.get(name), let id = Int64(text), id > 0 else {
            throw APIError(.notFound, "no \(what) \(context.parameters.get(name) ?? "")")
        }
        return id
    }
}
