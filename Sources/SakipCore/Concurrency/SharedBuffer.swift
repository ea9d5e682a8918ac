/// A heap buffer shared by worker threads that each write disjoint ranges.
final class SharedBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(count: Int, initialValue: Element) {
        self.count = count
        base = UnsafeMutablePointer<Element>.allocate(capacity: max(count, 1))
        base.initialize(repeating: initialValue, count: count)
    }

    /// Freed with its last owner: the workers' closures and the function that made it.
    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    subscript(i: Int) -> Element {
        get { base[i] }
        set { base[i] = newValue }
    }

    /// A copy of `count` elements from `start`.
    func elements(from start: Int, count: Int) -> [Element] {
        withBase { Array(UnsafeBufferPointer(start: $0 + start, count: count)) }
    }

    /// Runs `body` with the first element's address, the buffer alive until it returns (an
    /// address taken from `base` alone may outlive the buffer's last use).
    func withBase<R>(_ body: (UnsafeMutablePointer<Element>) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) { try body(base) }
    }
}
