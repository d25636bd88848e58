import Foundation
import Hummingbird

/// JSON responses and request bodies of the API: ISO 8601 dates, sorted keys, bounded bodies.
enum JSONBody {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }()

    /// `value` as a JSON response.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            throw APIError(.internalError, "the response could not be encoded", underlying: error)
        }
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A download: `text` with a content type and an attachment file name.
    static func download(_ text: String, contentType: String, filename: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: contentType, .contentDisposition: "attachment; filename=\"\(filename)\""],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The request body, at most `limit` bytes (413 beyond, without reading the rest).
    static func collect(_ request: Request, limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in request.body {
            guard bytes.count + chunk.readableBytes <= limit else {
                throw APIError(.payloadTooLarge, "the body is larger than \(limit) bytes")
            }
            bytes += chunk.readableBytesView
        }
        return bytes
    }

    /// Decodes a small JSON body (an empty body decodes as `{}`); a malformed one is a 400.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int = 64 * 1024) async throws -> T {
        var bytes = try await collect(request, limit: limit)
        if bytes.isEmpty { bytes = Array("{}".utf8) }
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch DecodingError.keyNotFound(let key, _) {
            throw APIError.invalid(key.stringValue, "is required")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            throw APIError.invalid(context.codingPath.map(\.stringValue).joined(separator: "."), "has the wrong type")
        } catch {
            throw APIError(.badRequest, "the body is not valid JSON", field: "body")
        }
    }
}
