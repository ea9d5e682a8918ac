/// The API's contract, served at `/openapi.yaml`; a test checks every route against it.
enum OpenAPIDocument {
    static let yaml = """
    openapi: 3.0.3
    info:
      title: sakip
      version: "1"
    paths: {}
    """
}
