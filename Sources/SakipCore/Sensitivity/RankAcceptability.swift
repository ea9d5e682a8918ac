/// The share of replicates in which one agency takes each rank, best rank first; ranks it never
/// takes are left out. In JSON, an object from rank to share: `{"3": 0.25, "4": 0.75}`.
///
/// Kept as two parallel arrays, 12 bytes a rank taken, where a `String` key and a `Double` took
/// 24: at national scale each of 25,000 agencies takes about a thousand ranks.
public struct RankAcceptability: Sendable, Hashable, Codable {
    /// The ranks taken, ascending.
    public private(set) var ranks: [Int32]
    /// The share of replicates at each of `ranks`.
    public private(set) var shares: [Double]

    /// - Precondition: `ranks` ascend, each at least 1, one share each.
    public init(ranks: [Int], shares: [Double]) {
        precondition(ranks.count == shares.count, "one share a rank")
        precondition(zip(ranks, ranks.dropFirst()).allSatisfy { $0 < $1 } && (ranks.first ?? 1) >= 1, "ranks ascend from 1")
        self.ranks = ranks.map { Int32($0) }
        self.shares = shares
    }

    /// The share of replicates at `rank`; nil for a rank never taken.
    public subscript(rank: Int) -> Double? {
        var low = 0, high = ranks.count
        while low < high {
            let middle = (low + high) / 2
            if Int(ranks[middle]) < rank { low = middle + 1 } else { high = middle }
        }
        return low < ranks.count && Int(ranks[low]) == rank ? shares[low] : nil
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: StringCodingKey.self)
        for (rank, share) in zip(ranks, shares) { try container.encode(share, forKey: StringCodingKey(stringValue: String(rank))) }
    }

    /// Decoders need not keep a JSON object's key order; ranks come back ascending.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: StringCodingKey.self)
        var pairs: [(rank: Int, share: Double)] = []
        for key in container.allKeys {
            guard let rank = Int(key.stringValue), rank >= 1, rank <= Int(Int32.max) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "a rank is a whole number from 1")
            }
            pairs.append((rank, try container.decode(Double.self, forKey: key)))
        }
        pairs.sort { $0.rank < $1.rank }
        ranks = pairs.map { Int32($0.rank) }
        shares = pairs.map(\.share)
    }
}
