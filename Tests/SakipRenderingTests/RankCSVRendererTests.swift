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

    /// The CSV bytes (written without a `String`, in chunks on several workers) read back,
    /// through the library's own CSV reader, as the ranking: every agency, rank and score, in
    /// each dialect (the Indonesian one with its BOM, `;` and decimal commas).
    @Test(arguments: CSVDialect.allCases)
    func theCSVReadsBackAsTheRanking(dialect: CSVDialect) throws {
        let result = try Self.awkwardRanking()
        var bytes = try result.output(as: .csv, options: RenderOptions(csvDialect: dialect, jobs: 2))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) == (dialect == .excelID))
        if dialect == .excelID { bytes.removeFirst(3) }
        let table = try CSVTable.parse(bytes, file: "rank.csv", range: 0..<bytes.count, delimiter: CSVTable.delimiter(of: bytes))
        #expect(table.recordCount == result.rankings.count + 1)
        let header = table.fields(record: 0).map(\.value)
        let rank = try #require(header.firstIndex(of: "rank")), agency = try #require(header.firstIndex(of: "agency"))
        let score = try #require(header.firstIndex(of: "score")), stage = try #require(header.firstIndex(of: "stage"))
        for (i, entry) in result.rankings.enumerated() {
            let fields = table.fields(record: i + 1).map(\.value)
            #expect(fields[agency] == entry.agency)
            #expect(Int(fields[rank]) == entry.rank)
            #expect(ValueSyntax.number(fields[score], decimalComma: dialect == .excelID) == entry.score, "\(fields[score])")
            #expect(fields[stage] == entry.stage.rawValue)
        }
    }

    /// The JSON, read by Foundation's parser, holds every entry with its rank and score.
    @Test func theJSONReadsBackAsTheRanking() throws {
        let result = try Self.awkwardRanking()
        let bytes = try result.output(as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let rows = try #require(object["rankings"] as? [[String: Any]])
        #expect(rows.count == result.rankings.count)
        for (row, entry) in zip(rows, result.rankings) {
            #expect(row["agency"] as? String == entry.agency)
            #expect(row["rank"] as? Int == entry.rank)
            // Foundation's parser on Linux reads the last digits of a double inexactly; sakip
            // writes the shortest text that round-trips (checked exactly on the CSV above).
            let score = try #require((row["score"] as? NSNumber)?.doubleValue)
            #expect(abs(score - entry.score) <= 1e-9 * max(1, abs(entry.score)))
        }
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
        // Numbers right-aligned: only they take a decimal comma (ids and names never do).
        let numbers: Set = ["score", "indicator_mean", "previous_score", "delta"]
        var table = TextTable(columns.map { ($0, numbers.contains($0) || ($0.hasPrefix("component_") && !$0.hasSuffix("_rank")) ? .right : .left) })
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
