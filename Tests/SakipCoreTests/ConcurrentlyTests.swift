import Dispatch
import Foundation
import Testing
@testable import SakipCore

/// Two independent steps of a job run at once, each result in its place.
@Suite("Two steps at once")
struct ConcurrentlyTests {
    @Test(arguments: [0, 1, 2, 8])
    func eachResultComesBackInItsPlace(jobs: Int) {
        let (numbers, text) = concurrently(jobs: jobs, { (1...1000).reduce(0, +) }, { String(repeating: "ab", count: 3) })
        #expect(numbers == 500_500)
        #expect(text == "ababab")
    }

    @Test func withOneJobBothRunOnTheCallersThread() {
        let caller = pthread_self()
        let (first, second) = concurrently(jobs: 1, { pthread_equal(pthread_self(), caller) != 0 }, { pthread_equal(pthread_self(), caller) != 0 })
        #expect(first && second)
    }

    /// Each step waits for the other to have started: they only finish if they run at once
    /// (which a machine of one processor may not do).
    @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1))
    func otherwiseTheyRunAtTheSameTime() {
        let firstStarted = DispatchSemaphore(value: 0), secondStarted = DispatchSemaphore(value: 0)
        let (a, b) = concurrently(jobs: 0, {
            firstStarted.signal()
            return secondStarted.wait(timeout: .now() + 30) == .success
        }, {
            secondStarted.signal()
            return firstStarted.wait(timeout: .now() + 30) == .success
        })
        #expect(a && b)
    }
}
