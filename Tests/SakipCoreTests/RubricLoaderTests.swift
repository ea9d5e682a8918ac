import Testing
@testable import SakipCore

@Suite("Rubric files")
struct BundledRubricTests {
    @Test func permenpanrb88() throws {
        let rubric = try bundled("permenpanrb-88-2021")
        #expect(rubric.components.map(\.weight) == [30, 30, 15, 25])
        #expect(rubric.subcomponents.map(\.criteria.count) == [7, 10, 8, 3, 7, 10, 6, 9, 7, 3, 5, 5])
        #expect(rubric.subcomponents.map(\.weight) == [6, 9, 15, 6, 9, 15, 3, 4.5, 7.5, 5, 7.5, 12.5])
        #expect(rubric.subcomponents.allSatisfy { $0.aggregation == .mean })
        let scale = try #require(rubric.scales["AA-E"])
        #expect(scale.values.map(\.value) == [100, 90, 80, 70, 60, 50, 30, 0])
        #expect(rubric.grades.map(\.grade) == ["AA", "A", "BB", "B", "CC", "C", "D"])
    }

    @Test func permenpanrb12() throws {
        let rubric = try bundled("permenpanrb-12-2015")
        #expect(rubric.components.map(\.weight) == [30, 25, 15, 10, 20])
        #expect(rubric.components[0].groups.map(\.weight) == [10, 20])
        #expect(rubric.subcomponents.reduce(0) { $0 + $1.criteria.count } == 92)
        #expect(rubric.scales["A-E"]?.value(of: "B") == 0.75)
        #expect(rubric.scales["Y/T"]?.value(of: "T") == 0)
        #expect(rubric.subcomponents.flatMap(\.criteria).filter { $0.scale == "Y/T" }.count == 16)
    }

    @Test(arguments: ["permenpanrb-88-2021-grade", "permenpanrb-88-2021-checklist"])
    func otherReadingsOf88(id: String) throws {
        let rubric = try bundled(id)
        #expect(rubric.subcomponents.reduce(0) { $0 + $1.criteria.count } == 80)
        #expect(rubric.totalWeight == 100)
        #expect(rubric.subcomponents.allSatisfy { $0.aggregation.rawValue == id.split(separator: "-").last! })
    }

    @Test func foundByIdFromAnyWorkingDirectoryAndByPath() throws {
        let byID = try RubricCatalog.standard.load("permenpanrb-88-2021")
        let byPath = try RubricCatalog.standard.load(byID.source)
        #expect(byID == byPath)
        // One error type for the layer, with typed cases: a caller switches, never casts.
        let unknown = #expect(throws: RubricError.self) { try RubricCatalog.standard.load("no-such-rubric") }
        guard case .unknown(let reference, let known)? = unknown else { Issue.record("expected .unknown, got \(String(describing: unknown))"); return }
        #expect(reference == "no-such-rubric" && known.contains("permenpanrb-88-2021"))
        let broken = #expect(throws: RubricError.self) { try RubricCatalog.standard.load("/no/such/rubric.yaml") }
        guard case .invalid(let list)? = broken else { Issue.record("expected .invalid"); return }
        #expect(list.diagnostics.map(\.code) == [.unreadable])
    }
}

@Suite("Rubric rejections name file, line, column and node path")
struct RubricRejectionTests {
    /// Loads YAML expected to fail and returns its diagnostics.
    func rejections(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try RubricLoader.parse(yaml, file: "r.yaml")
            Issue.record("expected the rubric to be rejected")
            return []
        } catch {
            return error.diagnostics  // typed: only a DiagnosticList is thrown
        }
    }

    func rubric(components: String, grades: String? = nil, extra: String = "") -> String {
        """
        id: t
        scales:
          S: {full: 1, values: {Y: 1, T: 0}}
        grades:
        \(grades ?? "  - {grade: P, above: 50, max: 100}\n  - {grade: F, above: 0, max: 50}")
        components:
        \(components)
        \(extra)
        """
    }

    static let oneComponent = """
      - id: "1"
        weight: 100
        subcomponents:
          - {id: "1.1", weight: 100, scale: S, criteria: [{id: a}]}
    """

    @Test(arguments: [("final", Stage.final), ("verifikasi", .verified), ("self", .selfAssessment)])
    func aRubricMayRequireAStageForARanking(written: String, stage: Stage) throws {
        let loaded = try RubricLoader.parse(rubric(components: Self.oneComponent, extra: "required_stage: \(written)"), file: "r.yaml")
        #expect(loaded.requiredStage == stage)
        #expect(try RubricLoader.parse(rubric(components: Self.oneComponent), file: "r.yaml").requiredStage == nil)
    }

    @Test func aRequiredStageThatIsNoStageIsAnErrorAtItsValue() {
        let found = rejections(rubric(components: Self.oneComponent, extra: "required_stage: evaluator"))
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("required_stage: 'evaluator' is not a stage; expected") == true, "\(found)")
        #expect(found.first?.location.line == 12)
    }

    @Test func weightsThatDoNotAddUp() {
        let found = rejections(rubric(components: """
          - id: "1"
            weight: 100
            subcomponents:
              - {id: "1.1", weight: 60, scale: S, criteria: [{id: a}]}
              - {id: "1.2", weight: 30, scale: S, criteria: [{id: b}]}
        """))
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: "r.yaml", line: 8, column: 5))
        #expect(found.first?.message == "components[0] (1): weights of its sub-components add up to 90, but component 1 weighs 100")
    }

    @Test func weightsWithinToleranceAreAccepted() throws {
        // 0.1 + 0.2 != 0.3 in binary; the 1e-9 tolerance absorbs it.
        _ = try RubricLoader.parse(rubric(components: """
          - id: "1"
            weight: 100
            subcomponents:
              - {id: "1.1", weight: 99.7, scale: S, criteria: [{id: a}]}
              - {id: "1.2", weight: 0.1, scale: S, criteria: [{id: b}]}
              - {id: "1.3", weight: 0.2, scale: S, criteria: [{id: c}]}
        """), file: "r.yaml")
    }

    @Test func duplicateIDs() {
        let found = rejections(rubric(components: """
          - id: "1"
            weight: 100
            subcomponents:
              - {id: "1.1", weight: 50, scale: S, criteria: [{id: a}]}
              - {id: "1.2", weight: 50, scale: S, criteria: [{id: a}]}
        """))
        #expect(found.count == 1)
        #expect(found.first?.location.line == 12)
        #expect(found.first?.message.contains("duplicate id 'a', already used at r.yaml:11:") == true)
    }

    @Test func unknownScale() {
        let found = rejections(rubric(components: """
          - id: "1"
            weight: 100
            subcomponents:
              - {id: "1.1", weight: 100, scale: AA-E, criteria: [{id: a}]}
        """))
        #expect(found.map(\.message) == ["components[0] (1).subcomponents[0] (1.1).scale: unknown scale 'AA-E'; expected one of S"])
        #expect(found.first?.location.line == 11)
    }

    @Test func bandsThatLeaveAGap() {
        let found = rejections(rubric(components: """
          - id: "1"
            weight: 100
            subcomponents:
              - {id: "1.1", weight: 100, scale: S, criteria: [{id: a}]}
        """, grades: "  - {grade: P, above: 60, max: 100}\n  - {grade: F, above: 0, max: 50}"))
        #expect(found.map(\.message) == ["grades: bands F (up to 50) and P (above 60) leave a gap"])
        #expect(found.first?.location == SourceLocation(file: "r.yaml", line: 5, column: 5))
    }

    @Test func bandsThatOverlapOrMissZero() {
        let overlap = rejections(rubric(components: """
          - id: "1"
            weight: 100
            subcomponents:
              - {id: "1.1", weight: 100, scale: S, criteria: [{id: a}]}
        """, grades: "  - {grade: P, above: 40, max: 100}\n  - {grade: F, above: 10, max: 50}"))
        #expect(overlap.map(\.message) == [
            "grades: bands F (up to 50) and P (above 40) overlap",
            "grades: the lowest band F starts above 10; scores down to 0 would have no grade",
        ])
    }

    @Test func emptySubcomponent() {
        let found = rejections(rubric(components: """
          - id: "1"
            weight: 100
            subcomponents:
              - {id: "1.1", weight: 100, scale: S, criteria: []}
        """))
        #expect(found.map(\.message) == ["components[0] (1).subcomponents[0] (1.1).criteria: empty sub-component: expected at least one criterion"])
        #expect(found.first?.location.line == 11)
    }

    @Test func typoInAKeyIsNotSilentlyIgnored() {
        let found = rejections(rubric(components: """
          - id: "1"
            wieght: 100
            subcomponents:
              - {id: "1.1", weight: 100, scale: S, criteria: [{id: a}]}
        """))
        #expect(found.contains { $0.message.contains("unknown key 'wieght'") && $0.location.line == 9 && $0.location.column == 5 })
        #expect(found.contains { $0.message.contains("missing required key 'weight'") })
    }

    @Test func unknownAggregationAndConsistencyTarget() {
        let found = rejections(rubric(components: """
          - id: "1"
            weight: 100
            subcomponents:
              - {id: "1.1", weight: 100, aggregation: median, scale: S, criteria: [{id: a}]}
        """, extra: "consistency:\n  - {criterion: a, not_above: {criterion: zz}}"))
        #expect(found.map(\.message).contains("components[0] (1).subcomponents[0] (1.1).aggregation: unknown aggregation 'median'; expected mean, grade or checklist"))
        #expect(found.map(\.message).contains("consistency[0]: unknown criterion 'zz'"))
    }

    @Test func topBandMustMatchTheTotalWeight() {
        let found = rejections(rubric(components: """
          - id: "1"
            weight: 90
            subcomponents:
              - {id: "1.1", weight: 90, scale: S, criteria: [{id: a}]}
        """))
        #expect(found.map(\.message) == ["grades: the top band ends at 100, but the component weights add up to 90"])
    }

    @Test func invalidYAMLHasItsPosition() {
        let found = rejections("id: t\nscales: [unclosed\n")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("invalid YAML") == true)
        #expect(found.first?.location.line == 3)
    }

    @Test func rendersLikeACompiler() {
        let found = rejections(rubric(components: "  - {id: \"1\", weight: 100, subcomponents: []}"))
        #expect(found.first?.description.hasPrefix("r.yaml:8:") == true)
        #expect(found.first?.description.contains(": error: components[0] (1)") == true)
    }
}
