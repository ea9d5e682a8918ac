import Dispatch
import Foundation
import Testing
@testable import SakipCore

/// A run's result is let go on a worker, or in place when the run is held to one thread.
@Suite("Releasing on a worker")
struct BackgroundReleaseTests {
    /// Says on which thread it was freed.
    final class Tracked: Sendable {
        let freed: DispatchSemaphore
        let freedBy: Locked<pthread_t?>
        init(_ freed: DispatchSemaphore, _ freedBy: Locked<pthread_t?>) {
            self.freed = freed
            self.freedBy = freedBy
        }
        deinit {
            freedBy.withLock { $0 = pthread_self() }
            freed.signal()
        }
    }

    @Test func withOneJobTheValueIsFreedInPlace() {
        let freed = DispatchSemaphore(value: 0), freedBy = Locked<pthread_t?>(nil)
        // Made in place: the array handed over holds the only reference.
        releaseInBackground([Tracked(freed, freedBy)], jobs: 1)
        #expect(freed.wait(timeout: .now()) == .success)
        #expect(freedBy.withLock { $0.map { pthread_equal($0, pthread_self()) != 0 } } == true)
    }

    @Test func otherwiseAWorkerFreesIt() {
        let freed = DispatchSemaphore(value: 0), freedBy = Locked<pthread_t?>(nil)
        // Made in place: the array handed over holds the only reference.
        releaseInBackground([Tracked(freed, freedBy)], jobs: 0)
        // Waiting is for the worker to finish, not a measure of time.
        #expect(freed.wait(timeout: .now() + 60) == .success)
        #expect(freedBy.withLock { $0.map { pthread_equal($0, pthread_self()) != 0 } } == false)
    }

    /// Kept values live until released, then go as `releaseInBackground` lets them go.
    @Test(arguments: [0, 1])
    func leftoversAreHeldUntilReleased(jobs: Int) {
        let freed = DispatchSemaphore(value: 0), freedBy = Locked<pthread_t?>(nil)
        let leftovers = Leftovers()
        leftovers.keep([Tracked(freed, freedBy)])
        #expect(freed.wait(timeout: .now()) == .timedOut)
        leftovers.release(jobs: jobs)
        #expect(freed.wait(timeout: .now() + 60) == .success)
        #expect(freedBy.withLock { $0.map { pthread_equal($0, pthread_self()) != 0 } } == (jobs == 1))
        leftovers.release(jobs: jobs)  // nothing left: a second release frees nothing twice
    }

    /// A ranking handed leftovers keeps its inputs' cards there and gives the same result.
    @Test func aRankingLeavesItsCardsToTheCaller() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples").path
        let request = RankRequest(inputs: InputSelection([.path(samples + "/partners/2024")]))
        let leftovers = Leftovers()
        let kept = try request.run(leftovers: leftovers)
        let freed = try request.run()
        #expect(kept.rankings == freed.rankings)
        leftovers.release(jobs: 1)
    }
}
