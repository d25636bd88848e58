import Model

/// Terraform's filesystem functions.
enum FilesystemFunctions {
    static var all: [Function] { [] }
}
