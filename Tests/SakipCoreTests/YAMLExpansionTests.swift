import Testing
@testable import SakipCore

/// YAML documents counted with their aliases expanded, before Yams builds and hashes them.
@Suite("YAML alias expansion")
struct YAMLExpansionTests {
    private func crossing(_ yaml: String, limit: Int) -> (line: Int, column: Int)? {
        var yaml = yaml
        return yaml.withUTF8 { YAMLExpansion.count($0, limit: limit) }
    }

    /// Nine sequences, each of nine aliases to the one before: 9^9 scalars in 400 bytes.
    static let nestedAliases = (1...8).reduce("a0: &a0 [x, x, x, x, x, x, x, x, x]\n") { yaml, level in
        yaml + "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
    }

    // The mapping (1), key a (1), its sequence (1 + 3), key b (1), b's sequence (1 + 4 + 4): 16.
    static let sixteenNodes = "a: &a [1, 2, 3]\nb: [*a, *a]\n"

    @Test func aDocumentAtTheLimitPasses() {
        #expect(crossing(Self.sixteenNodes, limit: 16) == nil)
    }

    @Test func oneNodeOverTheLimitIsPlacedWhereTheCountCrossedIt() throws {
        // b's sequence holds 9 nodes; closing it (its `]`, line 2, column 11) makes the mapping 16.
        let place = try #require(crossing(Self.sixteenNodes, limit: 15))
        #expect(place == (2, 11))
    }

    @Test func theAliasThatCrossesTheLimitIsNamed() throws {
        // Sequence a_k holds 1 + 9 x a_(k-1) nodes: a3 7,381. By line 5 the mapping holds 8,308;
        // a4's own count passes 20,000 at its third alias to a3 (1 + 3 x 7,381), column 20.
        let place = try #require(crossing(Self.nestedAliases, limit: 20_000))
        #expect(place == (5, 20))
    }

    @Test func nestedAliasesAreRefusedAsARubricWithTheirPlace() {
        let error = #expect(throws: DiagnosticList.self) {
            try RubricLoader.parse(Self.nestedAliases, file: "bomb.yaml")
        }?.diagnostics.first
        #expect(error?.code == .yamlTooLarge)
        // a4 (66,430 nodes) fits; a5's second alias to it takes a5 past 100,000.
        #expect(error?.location == SourceLocation(file: "bomb.yaml", line: 6, column: 15))
        #expect(error?.message.hasPrefix("aliases expand this YAML to more than \(InputLimits.yamlNodes) nodes") == true)
    }

    @Test func nestedAliasesAreRefusedAsAWorkbookLayout() {
        let error = #expect(throws: RequestError.self) {
            try WorkbookLayout.parse(Self.nestedAliases, file: "layout.yaml")
        }
        #expect(error?.code == .yamlTooLarge)
        #expect(error?.message.hasPrefix("layout.yaml:6:15: aliases expand") == true)
    }

    @Test func aRubricThatAliasesItsScaleLoads() throws {
        let rubric = try RubricLoader.parse("""
            id: aliased
            scales:
              S: &yes-no {full: 1, values: {Y: 1, T: 0}}
              S2: *yes-no
            grades:
              - {grade: P, above: 50, max: 100}
              - {grade: F, above: 0, max: 50}
            components:
              - id: "1"
                weight: 100
                subcomponents:
                  - {id: "1.1", weight: 50, scale: S, criteria: [{id: a}]}
                  - {id: "1.2", weight: 50, scale: S2, criteria: [{id: b}]}
            """, file: "aliased.yaml")
        #expect(rubric.scales["S2"]?.value(of: "Y") == 1)
    }

    @Test(arguments: ["permenpanrb-88-2021", "permenpanrb-12-2015", "permenpanrb-88-2021-grade", "permenpanrb-88-2021-checklist"])
    func bundledRubricsHaveUnderAThousandNodes(id: String) throws {
        let path = try #require(RubricCatalog.standard.listFiles().first { $0.id == id }?.path)
        let text = String(decoding: try FileBytes.read(path), as: UTF8.self)
        #expect(crossing(text, limit: 1_000) == nil)
    }

    @Test(arguments: [
        ("text: reward & punishment", false), ("text: \"IKU IP*\"", false), ("a: [x, &, y]", false), ("a: b &", false),
        ("a: &x [1]", true), ("a: {k: &k v}", true), ("text: R&D", true),
    ])
    func anAnchorNeedsANameAfterItsAmpersand(yaml: String, anchored: Bool) {
        var yaml = yaml
        #expect(yaml.withUTF8(YAMLExpansion.hasAnchor) == anchored)
    }

    @Test func aSyntaxErrorIsLeftToTheYAMLReader() throws {
        let yaml = "a: &a [1, 2]\nb: [*a, *a\nc: 1\n"
        #expect(crossing(yaml, limit: 1_000) == nil)
        let error = #expect(throws: DiagnosticList.self) { try RubricLoader.parse(yaml, file: "broken.yaml") }
        #expect(error?.diagnostics.map(\.code) == [.invalidYAML])
    }
}
