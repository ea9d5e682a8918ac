import Dispatch
import Foundation
import Synchronization

/// The engine's one way of working on several threads: results come back in input order, and
/// what a run computes never depends on how many workers it had, so outputs are byte-identical
/// whatever `jobs` is.
package enum Parallel {
    /// How many workers `jobs` allows for `count` pieces of work (0: one per processor).
    package static func workers(jobs: Int, count: Int) -> Int {
        max(1, min(jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount, count))
    }

    /// Maps in parallel with at most `jobs` workers (0: one per processor), keeping input order.
    package static func map<T: Sendable, R: Sendable>(
        _ items: [T], jobs: Int, progress: (@Sendable (Int, Int) -> Void)? = nil, _ transform: @Sendable (T) -> R
    ) -> [R] {
        let workers = workers(jobs: jobs, count: items.count)
        if workers == 1 {
            return items.enumerated().map { i, item in
                defer { progress?(i + 1, items.count) }
                return transform(item)
            }
        }
        // Each worker writes the results it computes straight into their places: no optional
        // slots to copy out of, and each index is written by exactly one worker.
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        return [R](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let results = UncheckedBuffer(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard i < items.count else { return }
                    results.base.advanced(by: i).initialize(to: transform(items[i]))
                    // Releasing: the count read below then orders every result written before it.
                    let finished = done.wrappingAdd(1, ordering: .releasing).newValue
                    progress?(finished, items.count)
                }
            }
            precondition(done.load(ordering: .acquiring) == items.count, "every result is written")
            initialized = items.count
        }
    }

    /// Runs `blocks` numbered blocks of work on at most `jobs` workers, each with state of its
    /// own made by `makeWorker` (scratch space, running sums), and returns every worker's state
    /// for the caller to merge. A block's results go where its number says (a shared buffer's
    /// rows), and merged state is exact sums, so neither depends on which worker ran which block.
    package static func blocks<W>(_ blocks: Int, jobs: Int, makeWorker: @Sendable () -> W, run: @Sendable (inout W, Int) -> Void) -> [W] {
        let workers = workers(jobs: jobs, count: blocks)
        let next = Atomic<Int>(0)
        let states = Locked([W]())
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var state = makeWorker()
            while true {
                let b = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard b < blocks else { break }
                run(&state, b)
            }
            states.withLock { [state] in $0.append(state) }
        }
        return states.withLock { $0 }
    }
}

/// Where `Parallel.map`'s workers write their results: each writes only the indices it took,
/// and `concurrentPerform` returns only when every worker has finished.
private struct UncheckedBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
}
