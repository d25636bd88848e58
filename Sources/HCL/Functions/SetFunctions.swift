import Model

/// Terraform's set functions.
enum SetFunctions {
    static var all: [Function] { [] }
}
