import Model

/// Terraform's hash functions.
enum HashFunctions {
    static var all: [Function] { [] }
}
