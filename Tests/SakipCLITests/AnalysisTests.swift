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

    @Test(arguments: [["--spread", "1"], ["--spread", "-0.1"], ["--samples", "0"], ["--model", "dirichlet"]])
    func sensitivityRejectsBadSettings(extra: [String]) throws {
        #expect(try Sakip.run(["sensitivity", "samples/partners/2024/"] + extra).status == 2)
    }
}
