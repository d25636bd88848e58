import Model

/// Terraform's ipnet functions.
enum IPNetFunctions {
    static var all: [Function] { [] }
}
