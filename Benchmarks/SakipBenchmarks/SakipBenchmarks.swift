// Kernel benchmarks (package-benchmark). Run with: SAKIP_BENCHMARKS=1 swift package benchmark
import Benchmark
import Foundation
import SakipCore

/// Inputs read once from the bundled samples, before any measurement.
private enum Inputs {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let partnerFiles: [String] = {
        let folder = root + "/samples/partners/2024"
        return try! FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted().map { folder + "/" + $0 }
    }()
    static let oneReport: [UInt8] = try! FileBytes.read(root + "/samples/kota-bandung-2024.xml")
    /// The 56 partner reports of 2024 as one `<reports>` file.
    static let batch: [UInt8] = {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<reports>\n"
        for file in partnerFiles {
            let body = String(decoding: try! FileBytes.read(file), as: UTF8.self)
            text += body[body.range(of: "<report ")!.lowerBound...]
        }
        return Array((text + "</reports>\n").utf8)
    }()
    static let answersCSV: [UInt8] = try! FileBytes.read(root + "/samples/partners/csv/answers.csv")
    static let rubric = try! RubricCatalog.standard.load("permenpanrb-88-2021")
    static let reports: [Report] = XMLReportReader.read(batch, file: "batch.xml").reports
    static let cards: [ScoreCard] = reports.map { try! Scorer(rubric: rubric).score($0) }
    /// 600 units for the sensitivity kernel: the partners repeated under new ids.
    static let units600: [ScoreCard] = (0..<600).map { i in
        var card = cards[i % cards.count]
        card.agency = "unit-\(i)"
        return card
    }
}

let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .instructions, .mallocCountTotal, .throughput]
    let configuration = Benchmark.Configuration(metrics: metrics, maxDuration: .seconds(2), maxIterations: 10_000)

    Benchmark("XML parse: one report", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(XMLReportReader.read(Inputs.oneReport, file: "one.xml"))
        }
    }

    Benchmark("XML parse: batch file of 56 reports", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(XMLReportReader.read(Inputs.batch, file: "batch.xml"))
        }
    }

    Benchmark("CSV parse: 56 partners x 2 years of answers", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(CSVReportReader.read(Inputs.answersCSV, file: "answers.csv", rubric: nil))
        }
    }

    Benchmark("Score 56 reports", configuration: configuration) { benchmark in
        let scorer = Scorer(rubric: Inputs.rubric)
        for _ in benchmark.scaledIterations {
            for report in Inputs.reports { blackHole(try? scorer.score(report)) }
        }
    }

    Benchmark("Rank 600 score cards", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Ranking.rank(Inputs.units600, by: .total))
        }
    }

    Benchmark("Sensitivity: one replicate, 600 units", configuration: configuration) { benchmark in
        let analysis = SensitivityAnalysis(rubric: Inputs.rubric, cards: Inputs.units600, options: .init(samples: 1, seed: 7, jobs: 1))
        for _ in benchmark.scaledIterations {
            blackHole(analysis.run())
        }
    }

    Benchmark("Sensitivity: block of 1,000 replicates, 600 units", configuration: .init(metrics: metrics, maxDuration: .seconds(5), maxIterations: 50)) { benchmark in
        let analysis = SensitivityAnalysis(rubric: Inputs.rubric, cards: Inputs.units600, options: .init(samples: 1_000, seed: 7, jobs: 1))
        for _ in benchmark.scaledIterations {
            blackHole(analysis.run())
        }
    }
}
