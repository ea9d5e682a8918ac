import ArgumentParser
import SakipCore

/// `sakip sensitivity`: how robust each rank and grade is to the choice of weights.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Monte Carlo over the rubric's weights: rank intervals and grade probabilities per agency.",
        discussion: """
        Each replicate multiplies every component weight and every sub-component's share of its
        component by 1 + U(-spread, +spread) and renormalises (the total stays the rubric's, 100),
        or with --model simplex draws them uniformly on the simplex. Replicate k uses its own
        xoshiro256** stream derived from --seed and k: the same seed gives byte-identical output on
        any machine and with any --jobs.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Number of replicates.")
    var samples: Int = 10_000

    @Option(help: "Relative perturbation of each weight, in [0, 1).")
    var spread: Double = 0.25

    @Option(help: "Seed of the random streams.")
    var seed: UInt64 = 1

    @Option(help: "Weight model: uniform (around the nominal weights) or simplex.")
    var model: String = "uniform"

    @Option(help: "Random numbers: random (xoshiro256** streams) or sobol (quasi-random Sobol' points, digitally shifted by the seed).")
    var sequence: String = "random"

    @Option(help: "The year to analyse (default: the latest year in the inputs).")
    var year: Int?

    @Option(help: "Output format: text, json, csv or markdown.")
    var format: OutputFormat = .text

    func validate() throws {
        if samples < 1 { throw ValidationError("--samples must be at least 1") }
        if !(spread >= 0 && spread < 1) { throw ValidationError("--spread must be in [0, 1), not \(spread)") }
        if WeightModel.Kind(rawValue: model) == nil { throw ValidationError("--model takes uniform or simplex, not '\(model)'") }
        if SensitivityAnalysis.Sequence(rawValue: sequence) == nil { throw ValidationError("--sequence takes random or sobol, not '\(sequence)'") }
    }

    func run() throws {
        let evaluator = Evaluator(options: input.evaluatorOptions)
        let evaluation = evaluator.evaluate(input.inputs)
        if evaluation.fileCount == 0 { throw ValidationError("no report files (.xml, .csv) found in \(input.inputs.joined(separator: ", "))") }
        let selectedYear = year ?? evaluation.cards.map { $0.year }.max()
        let cards = evaluation.cards.filter { $0.year == selectedYear }
        let rubricIDs = Set(cards.map { $0.rubricID })
        guard rubricIDs.count <= 1 else {
            throw ValidationError("the reports use several rubrics (\(rubricIDs.sorted().joined(separator: ", "))); choose one with --rubric")
        }
        // A rubric given by path is loaded by that path; cards only know its id.
        let rubric = try evaluator.rubrics.rubric(input.rubric ?? rubricIDs.first ?? RubricCatalog.defaultRubricID)
        let kind = SensitivityAnalysis.Sequence(rawValue: sequence)!
        let dimensions = WeightModel(rubric: rubric, spread: 0).dimensions
        if kind == .sobol && dimensions > SobolSequence.maxDimensions {
            throw ValidationError("--sequence sobol supports up to \(SobolSequence.maxDimensions) components and sub-components; \(rubric.id) has \(dimensions)")
        }
        let analysis = SensitivityAnalysis(rubric: rubric, cards: cards, options: .init(
            samples: samples, spread: spread, seed: seed, model: WeightModel.Kind(rawValue: model)!, sequence: kind, jobs: input.jobs))
        let result = analysis.run()
        let output = SensitivityOutput(result: result, year: selectedYear, errors: evaluation.errors)
        if !result.failedReplicates.isEmpty {
            Terminal.error("sensitivity: \(result.failedReplicates.count) replicate(s) failed (non-finite weights or scores) and were left out: \(result.failedReplicates.prefix(10).map(String.init).joined(separator: ", "))")
        }
        try output.emit(format, errors: evaluation.errors)
        if !result.failedReplicates.isEmpty { throw ExitCode(1) }
    }
}
