/// "Did you mean": the closest of the valid values to a near miss.
enum Suggestion {
    /// The candidate nearest to `value` (case-insensitively, by edit distance), when it is near
    /// enough to be a typing slip: at most a third of the value's length, and at least 1.
    static func closest(to value: String, in candidates: [String]) -> String? {
        let target = Array(value.lowercased().utf8)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased().utf8))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best, best.distance <= max(1, target.count / 3) else { return nil }
        return best.candidate
    }

    /// Levenshtein distance, two rows at a time.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// ` did you mean 'x'?` or nothing.
    static func phrase(for value: String, in candidates: [String]) -> Message {
        closest(to: value, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
