import Dispatch

/// Lets go of a large value on another thread, unless the run is held to one (`jobs == 1`).
///
/// Freeing a run's thousands of score cards, each a tree of small arrays and strings, costs as
/// much as ranking them, and nothing waits for it: done on a worker, it overlaps the writing of
/// the output instead of delaying it. The value must be the caller's last use of it.
package func releaseInBackground<T: Sendable>(_ value: consuming T, jobs: Int) {
    guard jobs != 1 else { return }
    let held = value
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(held) {} }
}
