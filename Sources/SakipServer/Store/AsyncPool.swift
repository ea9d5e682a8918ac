/// A fixed set of connections lent one caller at a time, in the order callers asked.
///
/// SQLite connections are not shared between concurrent transactions, so each caller borrows one
/// for the whole of its work and gives it back, even when the work throws.
actor AsyncPool<Item: Sendable> {
    private var idle: [Item]
    private var waiting: [CheckedContinuation<Item, Never>] = []
    private(set) var all: [Item]

    init(_ items: [Item]) {
        precondition(!items.isEmpty, "a pool lends at least one item")
        idle = items
        all = items
    }

    func borrow() async -> Item {
        if let item = idle.popLast() { return item }
        return await withCheckedContinuation { waiting.append($0) }
    }

    func giveBack(_ item: Item) {
        if waiting.isEmpty {
            idle.append(item)
        } else {
            waiting.removeFirst().resume(returning: item)
        }
    }
}

extension AsyncPool {
    /// Lends an item to `body` and takes it back afterwards.
    nonisolated func with<R: Sendable>(_ body: (Item) async throws -> R) async throws -> R {
        let item = await borrow()
        do {
            let result = try await body(item)
            await giveBack(item)
            return result
        } catch {
            await giveBack(item)
            throw error
        }
    }
}
