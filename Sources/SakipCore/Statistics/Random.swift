/// SplitMix64 (Steele, Lea and Flood 2014): seeds other generators and derives per-replicate streams.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman and Vigna 2018): the documented generator of every Monte Carlo
/// run, never the system RNG, so a seed gives the same numbers on every machine.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    /// Seeds the state from SplitMix64, as the authors recommend.
    public init(seed: UInt64) {
        var mix = SplitMix64(seed: seed)
        s = (mix.next(), mix.next(), mix.next(), mix.next())
    }

    /// The stream of replicate `index` of a run seeded with `seed`: replicates do not depend on
    /// which thread computes them, or in what order.
    public init(seed: UInt64, stream index: UInt64) {
        var mix = SplitMix64(seed: seed ^ (index &* 0xD1B5_4A32_D192_ED03))
        self.init(seed: mix.next())
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    public mutating func next() -> UInt64 {
        let result = Self.rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = Self.rotl(s.3, 45)
        return result
    }

    /// A double in [0, 1) from the top 53 bits.
    @inline(__always)
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
