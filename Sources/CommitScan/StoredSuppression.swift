import Store

/// The store's suppression record under a name that does not clash with `Checks.Suppression` (this file imports
/// only `Store`, so the name resolves unambiguously); the live stage's records use it too.
public typealias StoredSuppression = Suppression
