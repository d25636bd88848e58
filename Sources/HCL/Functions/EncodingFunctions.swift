import Model

/// Terraform's encoding functions.
enum EncodingFunctions {
    static var all: [Function] { [] }
}
