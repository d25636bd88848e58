import Model

/// Terraform's collection functions.
enum CollectionFunctions {
    static var all: [Function] { [] }
}
