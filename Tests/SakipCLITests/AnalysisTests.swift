import Foundation
import Testing

@Suite("sakip compare and sakip sensitivity")
struct AnalysisTests {
    @Test func compareGolden() throws {
        let text = try Sakip.run(["compare", "samples/partners/2024/", "--baseline", "permenpanrb-88-2021", "--candidate", "samples/variants/pemanfaatan-60.yaml"])
        #expect(text.status == 0, "\(text.stderr)")
        try Sakip.expectGolden(text.stdout, "samples/partners/expected-compare-2024.txt")
        let json = try Sakip.run(["compare", "samples/partners/2024/", "--candidate", "samples/variants/pemanfaatan-60.yaml", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        for key in ["kendall_tau_b", "spearman_rho", "mean_abs_shift", "agencies", "grade_transitions", "rubric_diff"] { #expect(object[key] != nil, "\(key)") }
        let agency = try #require((object["agencies"] as? [[String: Any]])?.first)
        for key in ["agency", "baseline_rank", "candidate_rank", "shift", "baseline_grade", "candidate_grade"] { #expect(agency[key] != nil, "\(key)") }
        #expect((object["rubric_diff"] as? [String: Any])?["criteria_added"] as? [String] == ["4.3.6"])
    }

    @Test func compareOfARubricWithItselfMovesNothing() throws {
        let json = try Sakip.run(["compare", "samples/partners/2024/", "--candidate", "permenpanrb-88-2021", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["kendall_tau_b"] as? Double == 1)
        #expect(object["mean_abs_shift"] as? Double == 0)
        #expect(object["share_unchanged"] as? Double == 1)
    }

    @Test func sensitivityGoldenIsByteIdenticalForASeed() throws {
        let arguments = ["sensitivity", "samples/partners/2024/", "--rubric", "permenpanrb-88-2021", "--samples", "2000", "--spread", "0.25", "--seed", "7", "--format", "json"]
        let first = try Sakip.run(arguments + ["--jobs", "1"])
        #expect(first.status == 0, "\(first.stderr)")
        try Sakip.expectGolden(first.stdout, "samples/partners/expected-sensitivity-2024.json")
        let second = try Sakip.run(arguments + ["--jobs", "2"])
        #expect(first.stdout == second.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(object["samples"] as? Int == 2000)
        let agency = try #require((object["agencies"] as? [[String: Any]])?.first)
        for key in ["agency", "nominal_rank", "median_rank", "q05", "q95", "grade_probabilities"] { #expect(agency[key] != nil, "\(key)") }
    }

    /// Indices, removal and rank acceptability: golden JSON and text, the same bytes whatever --jobs.
    @Test func indicesAndRemovalGoldens() throws {
        let arguments = ["sensitivity", "samples/partners/2024/", "--samples", "1024", "--seed", "7", "--indices", "--remove"]
        let json = try Sakip.run(arguments + ["--format", "json", "--jobs", "1"])
        #expect(json.status == 0, "\(json.stderr)")
        try Sakip.expectGolden(json.stdout, "samples/partners/expected-sensitivity-indices-2024.json")
        #expect(try Sakip.run(arguments + ["--format", "json", "--jobs", "2"]).stdout == json.stdout)
        let text = try Sakip.run(arguments)
        try Sakip.expectGolden(text.stdout, "samples/partners/expected-sensitivity-indices-2024.txt")
        // Wide intervals at N = 1024 are said, with the samples that would narrow them.
        #expect(text.stderr.contains("sensitivity: warning: the 95% intervals of the indices of "))
        #expect(text.stderr.contains("--samples 2048 would narrow them"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let index = try #require((object["indices"] as? [[String: Any]])?.first)
        for key in ["input", "kind", "first_order", "first_order_ci", "total", "total_ci"] { #expect(index[key] != nil, "\(key)") }
        let removal = try #require((object["removal"] as? [[String: Any]])?.first)
        #expect(removal["component"] as? String == "1" && removal["mean_abs_rank_change"] is Double)
        for agency in try #require(object["agencies"] as? [[String: Any]]) {
            let acceptability = try #require(agency["rank_acceptability"] as? [String: Double])
            #expect(abs(acceptability.values.reduce(0, +) - 1) < 1e-12)
        }
        #expect((object["rank_indices"] as? [[String: Any]])?.count == 56)
    }

    @Test(arguments: [["--spread", "1"], ["--spread", "-0.1"], ["--samples", "0"], ["--model", "dirichlet"], ["--indices", "--interval-width", "0"], ["--groups", "sub-components"]])
    func sensitivityRejectsBadSettings(extra: [String]) throws {
        #expect(try Sakip.run(["sensitivity", "samples/partners/2024/"] + extra).status == 2)
    }
}
