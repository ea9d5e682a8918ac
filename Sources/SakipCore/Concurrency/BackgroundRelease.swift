import Dispatch

/// Lets go of a large value on another thread, unless the run is held to one (`jobs == 1`).
///
/// Freeing a run's thousands of score cards, each a tree of small arrays and strings, costs as
/// much as ranking them, and nothing waits for it: done on a worker, it overlaps the writing of
/// the output instead of delaying it. Pass the value with `consume`, so that the caller keeps no
/// copy of its own:
///
/// ```swift
/// releaseInBackground(consume evaluation, jobs: options.jobs)
/// ```
package func releaseInBackground<T: Sendable>(_ value: consuming T, jobs: Int) {
    guard jobs != 1 else { return }
    let handoff = Handoff(consume value)
    DispatchQueue.global(qos: .utility).async { handoff.release() }
}

/// Holds a value until a worker drops it: whoever holds the box last, the value itself is freed
/// by `release`, on the worker.
private final class Handoff<T: Sendable>: @unchecked Sendable {
    // Written twice: here, and once by the one worker `release` runs on.
    private var value: T?

    init(_ value: consuming T) { self.value = consume value }

    func release() { value = nil }
}

/// What a job is done with but has not let go: a command line releases it once its output is
/// written, so that freeing a batch's score cards never takes a core from the output; a process
/// about to exit need not free it at all.
///
/// ```swift
/// let leftovers = Leftovers()
/// let result = try request.run(leftovers: leftovers)
/// write(result)
/// leftovers.release(jobs: 0)
/// ```
package final class Leftovers: Sendable {
    private let held = Locked<[any Sendable]>([])

    package init() {}

    package func keep(_ value: some Sendable) {
        let value: any Sendable = value
        held.withLock { $0.append(value) }
    }

    /// Lets go of everything kept, on a worker unless the run is held to one thread (`jobs == 1`).
    package func release(jobs: Int) {
        // Swapped out and consumed: no copy is left here to free the values on this thread
        // after the worker has dropped its own (as an unoptimized build would otherwise keep).
        var values: [any Sendable] = []
        held.withLock { swap(&values, &$0) }
        releaseInBackground(consume values, jobs: jobs)
    }
}
