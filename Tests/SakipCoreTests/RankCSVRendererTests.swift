import Foundation
import Testing
@testable import SakipCore
@testable import SakipRendering

private let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("samples").path

/// The ranking's CSV is written straight into bytes, in chunks of rows on every worker: it must
/// be what a table of `String` cells gives, cell for cell, whatever the dialect or thread count.
@Suite("Ranking CSV written as bytes")
struct RankCSVRendererTests {
    @Test(arguments: [0, 1, 9, 10, 11, 99, 100, 2024, -1, -10, -2024, 1_000_000, Int.max, Int.min])
    func wholeNumbersAreWrittenAsStringWritesThem(value: Int) {
        for dialect in CSVDialect.allCases {
            var bytes: [UInt8] = []
            CSVWriter(dialect: dialect).appendField(value, first: true, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
    }

    @Test(arguments: CSVDialect.allCases, [1, 2, 4])
    func rowsMatchATableOfCells(dialect: CSVDialect, jobs: Int) throws {
        let result = try Self.awkwardRanking()
        let written = RankCSVRenderer(dialect: dialect, jobs: jobs).render(result)
        #expect(written == Self.cellByCell(result, dialect: dialect))
    }

    @Test func withoutPreviousYearTheMovementColumnsAreLeftOut() throws {
        var result = try Self.awkwardRanking()
        result.previousYear = nil
        let written = RankCSVRenderer(dialect: .standard, jobs: 2).render(result)
        #expect(written == Self.cellByCell(result, dialect: .standard))
        #expect(!written.contains("previous_score"))
    }

    /// What is written (`output(as:)`, bytes built without a `String`) is exactly the text
    /// `rendered(as:)` gives, in every text format.
    @Test(arguments: [OutputFormat.csv, .json, .text, .markdown])
    func theBytesWrittenAreTheRenderedText(format: OutputFormat) throws {
        let result = try Self.awkwardRanking()
        for dialect in CSVDialect.allCases {
            let options = RenderOptions(csvDialect: dialect, jobs: 2)
            #expect(try result.output(as: format, options: options) == Array(result.rendered(as: format, options: options).utf8))
        }
        #expect(RankCSVRenderer(dialect: .excelID, jobs: 3).renderBytes(result).starts(with: [0xEF, 0xBB, 0xBF]))
    }

    /// The partners' 2024 ranking against 2023, grown past several chunks of rows, with names
    /// that need quotes, an agency that looks like a decimal, a component missing and an
    /// agency new in the ranking.
    static func awkwardRanking() throws -> RankResult {
        var result = try RankRequest(inputs: InputSelection([.path(samples + "/partners/2024")]),
                                     previous: [.path(samples + "/partners/2023")]).run()
        let base = result.rankings
        try #require(base.count > 3 && base.contains { $0.previous != nil })
        result.rankings = (0 ..< 3 * RankCSVRenderer.rowsPerChunk + 7).map { i in
            var entry = base[i % base.count]
            entry.rank = i + 1
            switch i % 11 {
            case 1: entry.name = "Kota \"Baru\", Jawa; Barat"
            case 2: entry.agency = "12.5"
            case 3: entry.region = "line\nbreak"
            case 4: entry.components.removeLast()
            case 5: entry.previous = nil
            case 6: entry.indicatorMean = nil; entry.name = nil
            case 7: entry.score = -0.125; entry.rank = -3
            case 8: entry.stage = .selfAssessment
            default: break
            }
            return entry
        }
        return result
    }

    /// The ranking as rows of `String` cells through the table writer: the form the byte writer
    /// replaced, kept here as its reference.
    static func cellByCell(_ result: RankResult, dialect: CSVDialect) -> String {
        let ids = result.componentIDs
        var columns = ["rank", "agency", "name", "region", "year", "rubric", "score", "grade"]
        for id in ids { columns += ["component_\(id)", "component_\(id)_rank"] }
        columns += ["indicator_mean", "missing", "stage"]
        if result.previousYear != nil {
            columns += ["previous_score", "delta", "previous_grade", "grade_movement", "previous_rank", "rank_movement"]
        }
        var table = TextTable(columns.map { ($0, .left) })
        for entry in result.rankings {
            var row = [String(entry.rank), entry.agency, entry.name ?? "", entry.region ?? "", String(entry.year), entry.rubric,
                       Numbers.full(entry.score), entry.grade]
            for id in ids {
                let standing = entry.componentScore(id)
                row += [standing.map { Numbers.full($0.score) } ?? "", standing.map { String($0.rank) } ?? ""]
            }
            row += [entry.indicatorMean.map(Numbers.full) ?? "", String(entry.missing), entry.stage.rawValue]
            if result.previousYear != nil {
                if let previous = entry.previous {
                    row += [Numbers.full(previous.value), Numbers.full(previous.delta), previous.grade,
                            previous.gradeMovement.rawValue, String(previous.rank), String(previous.rankMovement)]
                } else {
                    row += ["", "", "", "new", "", ""]
                }
            }
            table.add(row)
        }
        return table.csv(dialect)
    }
}
