import ArgumentParser
import SakipCore
import SakipRendering

/// `sakip sensitivity`: how robust each rank and grade is to the choice of weights.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Monte Carlo over the rubric's weights: rank intervals and grade probabilities per agency.",
        discussion: """
        Each replicate multiplies every component weight and every sub-component's share of its component by 1 + U(-spread, +spread) and renormalises (the total stays the rubric's, 100), or with --model simplex draws them uniformly on the simplex. Replicate k uses its own xoshiro256** stream derived from --seed and k: the same seed gives byte-identical output on any machine and with any --jobs.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(parsing: .unconditional, help: "Number of replicates.")
    var samples: Int = 10_000

    @Option(parsing: .unconditional, help: "Relative perturbation of each weight, in [0, 1).")
    var spread: Double = 0.25

    @Option(help: "Seed of the random streams.")
    var seed: UInt64 = 1

    @Option(help: "Weight model: uniform (around the nominal weights) or simplex.")
    var model: WeightModel.Kind = .uniform

    @Option(help: "Random numbers: random (xoshiro256** streams) or sobol (quasi-random Sobol' points, digitally shifted by the seed).")
    var sequence: SensitivityAnalysis.Sequence = .random

    @Option(parsing: .unconditional, help: "The year to analyse (default: the latest year in the inputs).")
    var year: Int?

    @Flag(help: "Also first-order and total Sobol' indices of each weight (Saltelli design with --samples rows, Sobol' points; 95% bootstrap intervals), on the mean absolute rank shift and on each agency's rank.")
    var indices = false

    @Option(help: "With --indices: one input per weight (none) or per component with its sub-components (components).")
    var groups: VarianceBasedSensitivity.Grouping = .none

    @Option(name: .customLong("interval-width"), parsing: .unconditional, help: "With --indices: warn when a 95% interval is wider than this, with the --samples that would narrow it.")
    var intervalWidth = 0.1

    @Flag(help: "Also the effect of removing each component and sub-component: the mean absolute rank change, and who moves most.")
    var remove = false

    @OptionGroup var rendering: RenderingOptions

    func run() throws {
        var request = SensitivityRequest(inputs: try input.selection, samples: samples, spread: spread, seed: seed, model: model, sequence: sequence, year: year)
        request.indices = indices
        request.grouping = groups
        request.intervalWidth = intervalWidth
        request.removal = remove
        let result = try perform { () throws(RequestError) in try request.run() }
        try result.emit(rendering, errors: result.errors, warnings: result.warnings)
    }
}
