/// Sobol' points (Joe and Kuo 2008, direction numbers new-joe-kuo-6.21201, first 64 dimensions)
/// with a random digital shift from the seed. Point k is computed directly from the Gray code of
/// k, so replicates do not depend on thread count or order.
public struct SobolSequence: Sendable {
    /// (primitive polynomial with its leading and trailing bit, initial direction numbers m_1...m_s),
    /// one row per dimension; dimension 0 is the van der Corput sequence.
    static let table: [(polynomial: UInt32, initial: [UInt32])] = [
        (1, [1]),
        (3, [1]),
        (7, [1, 3]),
        (11, [1, 3, 1]),
        (13, [1, 1, 1]),
        (19, [1, 1, 3, 3]),
        (25, [1, 3, 5, 13]),
        (37, [1, 1, 5, 5, 17]),
        (41, [1, 1, 5, 5, 5]),
        (47, [1, 1, 7, 11, 19]),
        (55, [1, 1, 5, 1, 1]),
        (59, [1, 1, 1, 3, 11]),
        (61, [1, 3, 5, 5, 31]),
        (67, [1, 3, 3, 9, 7, 49]),
        (91, [1, 1, 1, 15, 21, 21]),
        (97, [1, 3, 1, 13, 27, 49]),
        (103, [1, 1, 1, 15, 7, 5]),
        (109, [1, 3, 1, 15, 13, 25]),
        (115, [1, 1, 5, 5, 19, 61]),
        (131, [1, 3, 7, 11, 23, 15, 103]),
        (137, [1, 3, 7, 13, 13, 15, 69]),
        (143, [1, 1, 3, 13, 7, 35, 63]),
        (145, [1, 3, 5, 9, 1, 25, 53]),
        (157, [1, 3, 1, 13, 9, 35, 107]),
        (167, [1, 3, 1, 5, 27, 61, 31]),
        (171, [1, 1, 5, 11, 19, 41, 61]),
        (185, [1, 3, 5, 3, 3, 13, 69]),
        (191, [1, 1, 7, 13, 1, 19, 1]),
        (193, [1, 3, 7, 5, 13, 19, 59]),
        (203, [1, 1, 3, 9, 25, 29, 41]),
        (211, [1, 3, 5, 13, 23, 1, 55]),
        (213, [1, 3, 7, 3, 13, 59, 17]),
        (229, [1, 3, 1, 3, 5, 53, 69]),
        (239, [1, 1, 5, 5, 23, 33, 13]),
        (241, [1, 1, 7, 7, 1, 61, 123]),
        (247, [1, 1, 7, 9, 13, 61, 49]),
        (253, [1, 3, 3, 5, 3, 55, 33]),
        (285, [1, 3, 1, 15, 31, 13, 49, 245]),
        (299, [1, 3, 5, 15, 31, 59, 63, 97]),
        (301, [1, 3, 1, 11, 11, 11, 77, 249]),
        (333, [1, 3, 1, 11, 27, 43, 71, 9]),
        (351, [1, 1, 7, 15, 21, 11, 81, 45]),
        (355, [1, 3, 7, 3, 25, 31, 65, 79]),
        (357, [1, 3, 1, 1, 19, 11, 3, 205]),
        (361, [1, 1, 5, 9, 19, 21, 29, 157]),
        (369, [1, 3, 7, 11, 1, 33, 89, 185]),
        (391, [1, 3, 3, 3, 15, 9, 79, 71]),
        (397, [1, 3, 7, 11, 15, 39, 119, 27]),
        (425, [1, 1, 3, 1, 11, 31, 97, 225]),
        (451, [1, 1, 1, 3, 23, 43, 57, 177]),
        (463, [1, 3, 7, 7, 17, 17, 37, 71]),
        (487, [1, 3, 1, 5, 27, 63, 123, 213]),
        (501, [1, 1, 3, 5, 11, 43, 53, 133]),
        (529, [1, 3, 5, 5, 29, 17, 47, 173, 479]),
        (539, [1, 3, 3, 11, 3, 1, 109, 9, 69]),
        (545, [1, 1, 1, 5, 17, 39, 23, 5, 343]),
        (557, [1, 3, 1, 5, 25, 15, 31, 103, 499]),
        (563, [1, 1, 1, 11, 11, 17, 63, 105, 183]),
        (601, [1, 1, 5, 11, 9, 29, 97, 231, 363]),
        (607, [1, 1, 5, 15, 19, 45, 41, 7, 383]),
        (617, [1, 3, 7, 7, 31, 19, 83, 137, 221]),
        (623, [1, 1, 1, 3, 23, 15, 111, 223, 83]),
        (631, [1, 1, 5, 13, 31, 15, 55, 25, 161]),
        (637, [1, 1, 3, 13, 25, 47, 39, 87, 257]),
    ]

    public static let maxDimensions = 64
    static let bits = 32

    /// Direction numbers v[d][j], scaled to 32 bits.
    private let directions: [[UInt32]]
    private let shift: [UInt32]

    public let dimensions: Int

    /// - Parameter seed: nil for the plain (unshifted) sequence.
    public init(dimensions: Int, seed: UInt64?) {
        precondition(dimensions > 0 && dimensions <= Self.maxDimensions, "Sobol' points have 1 to 64 dimensions here")
        self.dimensions = dimensions
        var directions: [[UInt32]] = []
        for d in 0..<dimensions {
            var v = [UInt32](repeating: 0, count: Self.bits)
            if d == 0 {
                for j in 0..<Self.bits { v[j] = 1 << UInt32(Self.bits - 1 - j) }
            } else {
                let (polynomial, initial) = Self.table[d]
                let s = UInt32.bitWidth - 1 - polynomial.leadingZeroBitCount
                let a = (polynomial >> 1) & ((1 << UInt32(s - 1)) - 1)
                for j in 0..<min(s, Self.bits) { v[j] = initial[j] << UInt32(Self.bits - 1 - j) }
                if s < Self.bits {
                    for j in s..<Self.bits {
                        var value = v[j - s] ^ (v[j - s] >> UInt32(s))
                        for k in 1..<s where (a >> UInt32(s - 1 - k)) & 1 == 1 { value ^= v[j - k] }
                        v[j] = value
                    }
                }
            }
            directions.append(v)
        }
        self.directions = directions
        if let seed {
            var rng = Xoshiro256StarStar(seed: seed, stream: 0x50B0_1000)
            shift = (0..<dimensions).map { _ in UInt32(truncatingIfNeeded: rng.next() >> 32) }
        } else {
            shift = [UInt32](repeating: 0, count: dimensions)
        }
    }

    /// Point `index` of the sequence, each coordinate in [0, 1).
    public func point(_ index: UInt64, into unit: UnsafeMutableBufferPointer<Double>) {
        assert(unit.count >= dimensions)
        let gray = index ^ (index >> 1)
        for d in 0..<dimensions {
            var x = shift[d]
            var bits = gray
            var j = 0
            while bits != 0 && j < Self.bits {
                if bits & 1 == 1 { x ^= directions[d][j] }
                bits >>= 1
                j += 1
            }
            unit[d] = Double(x) * 0x1.0p-32
        }
    }
}
