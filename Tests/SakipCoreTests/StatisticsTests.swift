import Testing
@testable import SakipCore

@Suite("Rank correlation and quantiles")
struct RankCorrelationTests {
    @Test func kendallWithoutTies() {
        // 10 pairs, 2 discordant: (8 - 2) / 10.
        #expect(RankCorrelation.kendallTauB([1, 2, 3, 4, 5], [1, 3, 2, 5, 4])!.isClose(to: 0.6))
        #expect(RankCorrelation.kendallTauB([1, 2, 3], [3, 2, 1])!.isClose(to: -1))
    }

    @Test func kendallTauBCorrectsForTies() {
        // Pairs: 6; tied in x: 1, tied in y: 1, concordant: 4, discordant: 0 -> 4 / sqrt(5 x 5).
        #expect(RankCorrelation.kendallTauB([1, 2, 2, 3], [1, 2, 3, 3])!.isClose(to: 0.8))
        #expect(RankCorrelation.kendallTauB([1, 1, 1], [1, 2, 3]) == nil)
    }

    @Test func spearmanUsesFractionalRanks() {
        // Ranks (1, 2.5, 2.5, 4) and (1, 2, 3.5, 3.5): 3.75 / 4.5.
        #expect(RankCorrelation.spearman([1, 2, 2, 3], [1, 2, 3, 3])!.isClose(to: 3.75 / 4.5))
        #expect(RankCorrelation.spearman([1, 2, 3, 4, 5], [1, 3, 2, 5, 4])!.isClose(to: 1 - 6.0 * 4 / (5 * 24)))
        #expect(RankCorrelation.fractionalRanks([10, 30, 20, 30]) == [4, 1.5, 3, 1.5])
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func kendallMatchesTheQuadraticDefinition(seed: UInt64) {
        var rng = Xoshiro256StarStar(seed: seed)
        let n = 200
        // Few distinct values, so ties are common on both sides.
        let x = (0..<n).map { _ in Double(rng.next() % 7) }
        let y = (0..<n).map { i in x[i] + Double(rng.next() % 5) }
        var concordant = 0, discordant = 0, tiedX = 0, tiedY = 0
        for i in 0..<n {
            for j in (i + 1)..<n {
                let dx = x[i] - x[j], dy = y[i] - y[j]
                if dx == 0 { tiedX += 1 }
                if dy == 0 { tiedY += 1 }
                if dx * dy > 0 { concordant += 1 } else if dx * dy < 0 { discordant += 1 }
            }
        }
        let pairs = n * (n - 1) / 2
        let expected = Double(concordant - discordant) / (Double(pairs - tiedX) * Double(pairs - tiedY)).squareRoot()
        #expect(RankCorrelation.kendallTauB(x, y)!.isClose(to: expected, tolerance: 1e-12))
    }

    @Test(arguments: [0.0, 0.05, 0.25, 0.5, 0.95, 1.0])
    func quantilesInterpolateLikeNumpy(q: Double) {
        var rng = Xoshiro256StarStar(seed: 9)
        let values = (0..<101).map { _ in Double(rng.next() % 1000) }
        let sorted = values.sorted()
        let position = q * Double(values.count - 1)
        let lower = Int(position.rounded(.down))
        let expected = lower + 1 < sorted.count ? sorted[lower] + (sorted[lower + 1] - sorted[lower]) * (position - Double(lower)) : sorted[lower]
        var scratch = values
        #expect(Statistics.quantile(&scratch, q).isClose(to: expected))
    }
}

@Suite("Documented random generators")
struct RandomTests {
    /// Reference outputs of the authors' C code (SplitMix64 from 0; xoshiro256** seeded by SplitMix64 from 42).
    @Test func matchTheReferenceImplementations() {
        var mix = SplitMix64(seed: 0)
        #expect([mix.next(), mix.next(), mix.next()] == [16294208416658607535, 7960286522194355700, 487617019471545679])
        var xoshiro = Xoshiro256StarStar(seed: 42)
        #expect([xoshiro.next(), xoshiro.next(), xoshiro.next()] == [1546998764402558742, 6990951692964543102, 12544586762248559009])
    }

    @Test func unitDoublesAreInTheHalfOpenInterval() {
        var rng = Xoshiro256StarStar(seed: 3, stream: 17)
        for _ in 0..<10_000 {
            let u = rng.nextUnit()
            #expect(u >= 0 && u < 1)
        }
        var a = Xoshiro256StarStar(seed: 3, stream: 1), b = Xoshiro256StarStar(seed: 3, stream: 2)
        #expect(a.next() != b.next())
    }
}

@Suite("Sobol' points")
struct SobolTests {
    /// Unscrambled points of scipy.stats.qmc.Sobol (same Joe-Kuo direction numbers) at deep indices.
    @Test(arguments: [
        (UInt64(1000), [0.2197265625, 0.0966796875, 0.5185546875, 0.8994140625, 0.3701171875, 0.5498046875, 0.9130859375, 0.4462890625]),
        (UInt64(12345), [0.64093017578125, 0.81341552734375, 0.16033935546875, 0.11334228515625, 0.64080810546875, 0.08123779296875, 0.21551513671875, 0.46563720703125]),
        (UInt64(777777), [0.5802679061889648, 0.9092493057250977, 0.4502592086791992, 0.13820552825927734, 0.625971794128418, 0.39046573638916016, 0.5790300369262695, 0.5141973495483398]),
    ])
    func matchScipy(index: UInt64, expected: [Double]) {
        let sequence = SobolSequence(dimensions: 64, seed: nil)
        var point = [Double](repeating: 0, count: 64)
        point.withUnsafeMutableBufferPointer { sequence.point(index, into: $0) }
        let dimensions = [0, 1, 2, 7, 15, 21, 40, 63]
        #expect(dimensions.map { point[$0] } == expected)
    }

    @Test func theShiftKeepsEachCoordinateStratified() {
        // The first 2^m shifted points still put exactly one point in each interval of width 2^-m.
        let sequence = SobolSequence(dimensions: 16, seed: 99)
        var point = [Double](repeating: 0, count: 16)
        var cells = Set<Int>()
        for k in 0..<UInt64(256) {
            point.withUnsafeMutableBufferPointer { sequence.point(k, into: $0) }
            cells.insert(Int(point[9] * 256))
        }
        #expect(cells.count == 256)
    }
}
