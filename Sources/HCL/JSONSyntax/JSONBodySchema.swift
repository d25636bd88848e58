/// Which properties of a JSON body are blocks (and how many labels they take); every other property
/// is an attribute. JSON has no syntax of its own for blocks, so HCL needs this to read it.
public struct JSONBodySchema: Sendable {
    /// Block types of this body by name.
    public var blockTypes: [String: JSONBlockSchema]

    /// A schema with the given block types; properties not listed are attributes.
    public init(blockTypes: [String: JSONBlockSchema] = [:]) {
        self.blockTypes = blockTypes
    }

    /// Every property is an attribute: `.tfvars.json`, `locals`, and bodies whose blocks come from a provider schema.
    public static let attributesOnly = JSONBodySchema()

    /// A Terraform `.tf.json` file: the top-level and meta-argument blocks Terraform itself defines.
    /// Nested blocks defined by provider schemas (e.g. `ingress`) stay attributes: without the schema,
    /// an object or array of objects is all that can be said about them.
    public static let terraform = JSONBodySchema(blockTypes: [
        "resource": JSONBlockSchema(labels: 2, body: TerraformJSONSchemas.resource),
        "data": JSONBlockSchema(labels: 2, body: TerraformJSONSchemas.resource),
        "ephemeral": JSONBlockSchema(labels: 2, body: TerraformJSONSchemas.resource),
        "module": JSONBlockSchema(labels: 1, body: TerraformJSONSchemas.withDynamic),
        "provider": JSONBlockSchema(labels: 1, body: TerraformJSONSchemas.withDynamic),
        "variable": JSONBlockSchema(labels: 1, body: TerraformJSONSchemas.variable),
        "output": JSONBlockSchema(labels: 1, body: TerraformJSONSchemas.output),
        "locals": JSONBlockSchema(labels: 0, body: { .attributesOnly }),
        "terraform": JSONBlockSchema(labels: 0, body: TerraformJSONSchemas.terraform),
        "moved": JSONBlockSchema(labels: 0, body: { .attributesOnly }),
        "import": JSONBlockSchema(labels: 0, body: { .attributesOnly }),
        "removed": JSONBlockSchema(labels: 0, body: TerraformJSONSchemas.resource),
        // `check "name" { data ... assert { ... } }` takes one label.
        "check": JSONBlockSchema(labels: 1, body: TerraformJSONSchemas.check),
    ])
}

/// One block type: how many levels of object keys are labels, and the schema of its body.
public struct JSONBlockSchema: Sendable {
    /// Number of labels (`resource` has 2: type and name).
    public var labels: Int
    /// The body schema; a function so schemas can nest recursively (`dynamic` inside `content`).
    public var body: @Sendable () -> JSONBodySchema

    /// A block type taking `labels` labels; its body has no blocks unless `body` says otherwise.
    public init(labels: Int, body: @escaping @Sendable () -> JSONBodySchema = { .attributesOnly }) {
        self.labels = labels
        self.body = body
    }
}

/// The body schemas of Terraform's own blocks.
enum TerraformJSONSchemas {
    /// `dynamic "name" { for_each = … content { … } }`, allowed in any body that has nested blocks.
    static let dynamic = JSONBlockSchema(
        labels: 1,
        body: {
            JSONBodySchema(blockTypes: ["content": JSONBlockSchema(labels: 0, body: withDynamic)])
        })

    /// A body whose only Terraform-defined nested block is `dynamic`.
    @Sendable static func withDynamic() -> JSONBodySchema {
        JSONBodySchema(blockTypes: ["dynamic": dynamic])
    }

    /// Resource, data source, ephemeral resource and `removed` bodies.
    @Sendable static func resource() -> JSONBodySchema {
        JSONBodySchema(blockTypes: [
            "lifecycle": JSONBlockSchema(
                labels: 0,
                body: {
                    JSONBodySchema(blockTypes: [
                        "precondition": JSONBlockSchema(labels: 0),
                        "postcondition": JSONBlockSchema(labels: 0),
                    ])
                }),
            "provisioner": JSONBlockSchema(
                labels: 1,
                body: {
                    JSONBodySchema(blockTypes: ["connection": JSONBlockSchema(labels: 0), "dynamic": dynamic])
                }),
            "connection": JSONBlockSchema(labels: 0),
            "dynamic": dynamic,
        ])
    }

    @Sendable static func variable() -> JSONBodySchema {
        JSONBodySchema(blockTypes: ["validation": JSONBlockSchema(labels: 0)])
    }

    @Sendable static func output() -> JSONBodySchema {
        JSONBodySchema(blockTypes: ["precondition": JSONBlockSchema(labels: 0)])
    }

    @Sendable static func check() -> JSONBodySchema {
        JSONBodySchema(blockTypes: [
            "data": JSONBlockSchema(labels: 2, body: resource),
            "assert": JSONBlockSchema(labels: 0),
        ])
    }

    @Sendable static func terraform() -> JSONBodySchema {
        JSONBodySchema(blockTypes: [
            "required_providers": JSONBlockSchema(labels: 0),
            "backend": JSONBlockSchema(labels: 1),
            "cloud": JSONBlockSchema(
                labels: 0,
                body: {
                    JSONBodySchema(blockTypes: ["workspaces": JSONBlockSchema(labels: 0)])
                }),
            "provider_meta": JSONBlockSchema(labels: 1),
        ])
    }
}
