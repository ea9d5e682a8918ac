import SakipCore

/// A rubric bundled with the library, by id.
func bundled(_ id: String) throws -> Rubric {
    try RubricCatalog.standard.load(id)
}
