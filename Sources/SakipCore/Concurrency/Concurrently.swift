/// Does two independent pieces of work at once and returns both results, or one after the
/// other when the run is held to one thread (`jobs == 1`).
///
/// For steps of a job that read the same inputs and nothing of each other, such as a ranking's
/// rows and its summary:
///
/// ```swift
/// let (rows, summary) = concurrently(jobs: options.jobs, { makeRows(cards) }, { summarize(cards) })
/// ```
package func concurrently<A: Sendable, B: Sendable>(jobs: Int, _ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    guard jobs != 1 else { return (first(), second()) }
    // `Parallel.map` keeps the ordering guarantees (a releasing count read with acquire) that a
    // pair of results would otherwise need again.
    let results = Parallel.map([true, false], jobs: 2, progress: nil) { isFirst in
        isFirst ? Either<A, B>.first(first()) : .second(second())
    }
    guard case .first(let a) = results[0], case .second(let b) = results[1] else {
        preconditionFailure("Parallel.map keeps its results in input order")
    }
    return (a, b)
}

private enum Either<A: Sendable, B: Sendable>: Sendable {
    case first(A)
    case second(B)
}
