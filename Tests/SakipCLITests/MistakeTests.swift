import Foundation
import Testing

/// The mistakes real users make: each gets one message, in one form (`sakip: error: ...`), exit
/// status 2 and nothing on stdout, whichever command made it.
@Suite("One clear answer per mistake")
struct MistakeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let partners = "samples/partners/2024"
    static let unknownRubric = "sakip: error: unknown rubric 'permenpanrb-88-2012' (did you mean 'permenpanrb-88-2021'?); the rubrics are: "

    static let cases: [Case] = [
        Case(arguments: ["rank", partners, "--rubric", "permenpanrb-88-2012"], message: unknownRubric),
        Case(arguments: ["compare", partners, "--candidate", "permenpanrb-88-2012"], message: unknownRubric),
        Case(arguments: ["sensitivity", partners, "--rubric", "permenpanrb-88-2012"], message: unknownRubric),
        Case(arguments: ["score", "samples/kota-bandung-2024.xml", "--rubric", "permenpanrb-88-2012"], message: unknownRubric),
        Case(arguments: ["validate", "samples/kota-bandung-2024.xml", "--rubric", "permenpanrb-88-2012"], message: unknownRubric),
        Case(arguments: ["rank", partners, "--year", "2025"], message: "sakip: error: no report for year 2025; the inputs hold 2024\n"),
        Case(arguments: ["score", "samples/kota-bandung-2024.xml", "--year", "2025"], message: "sakip: error: no report for year 2025; the inputs hold 2024\n"),
        Case(arguments: ["compare", partners, "--candidate", "permenpanrb-88-2021", "--year", "2025"], message: "sakip: error: no report for year 2025; the inputs hold 2024\n"),
        Case(arguments: ["sensitivity", partners, "--year", "2025"], message: "sakip: error: no report for year 2025; the inputs hold 2024\n"),
        Case(arguments: ["rank", partners, "--region", "Jawa Baratt"], message: "sakip: error: no report for region 'Jawa Baratt' (did you mean 'Jawa Barat'?); the regions are: Aceh, "),
        Case(arguments: ["rank", partners, "--by", "component:9"], message: "sakip: error: --by component:9: no ranked report's rubric has a component '9'; the components are: component:1, component:2, component:3, component:4\n"),
        Case(arguments: ["rank", partners, "--jobs", "-1"], message: "sakip: error: --jobs must be 0 (automatic) or more, not -1\n"),
        Case(arguments: ["sensitivity", partners, "--samples", "-5"], message: "sakip: error: --samples must be at least 1, not -5\n"),
        Case(arguments: ["sensitivity", partners, "--spread", "-0.1"], message: "sakip: error: --spread must be in [0, 1), not -0.1\n"),
        Case(arguments: ["sensitivity", partners, "--samples", "10000000000"], message: "sakip: error: --samples 10000000000 for 56 reports needs about 1.4 TB of memory, more than this machine can hold ("),
        Case(arguments: ["rank", partners, "--top", "0"], message: "sakip: error: --top must be at least 1, not 0\n"),
        Case(arguments: ["score", "nowhere/"], message: "sakip: error: no such file or folder: nowhere/\n"),
    ]

    @Test(arguments: cases)
    func mistake(_ mistake: Case) throws {
        let run = try Sakip.run(mistake.arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix(mistake.message), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "one message: \(run.stderr)")
    }

    /// An empty folder, or one holding only a workbook sakip cannot read (.ods, .xls) or Excel's lock file, is nothing to do: the same message and exit in every command.
    @Test(arguments: ["score", "rank", "validate", "sensitivity", "compare"])
    func nothingToRead(command: String) throws {
        let folder = NSTemporaryDirectory() + "sakip-empty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder + "/LKE.ods", contents: Data([0x50, 0x4B]))
        FileManager.default.createFile(atPath: folder + "/~$LKE.xlsx", contents: Data([0x50, 0x4B]))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let extra = command == "compare" ? ["--candidate", "permenpanrb-88-2021"] : []
        let run = try Sakip.run([command, folder] + extra)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "sakip: error: no report files (.xml, .csv, .xlsx) found in \(folder); skipped 1 workbook in a format sakip does not read (\(folder)/LKE.ods): save as Excel Workbook (.xlsx)\n")
    }

    /// A report missing a whole component ranks, and says so: in the table, in JSON and on stderr.
    @Test func unansweredCriteriaAreNeverSilent() throws {
        let folder = NSTemporaryDirectory() + "sakip-missing-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = try String(contentsOf: Sakip.packageRoot.appendingPathComponent("samples/partners/2024/kota-bandung.xml"), encoding: .utf8)
        let stripped = source.replacingOccurrences(of: #"\s*<answer criterion="1\.[0-9.]+" value="[A-Z]+"/>"#, with: "", options: .regularExpression)
        try stripped.write(toFile: folder + "/kota-bandung.xml", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: Sakip.packageRoot.appendingPathComponent("samples/partners/2024/kota-cimahi.xml").path, toPath: folder + "/kota-cimahi.xml")

        let text = try Sakip.run(["rank", folder])
        #expect(text.status == 0)
        #expect(text.stdout.contains("* Unanswered items counted 0: kota-bandung (25)"))
        #expect(text.stderr.contains("kota-bandung.xml:3:1: warning: agency 'kota-bandung', 2024: 25 of the rubric's items unanswered, each counted 0: 1.1.1, "))
        let json = try Sakip.run(["rank", folder, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rankings = try #require(object["rankings"] as? [[String: Any]])
        #expect(rankings.map { $0["missing"] as? Int } == rankings.map { $0["agency"] as? String == "kota-bandung" ? 25 : 0 })
        let validate = try Sakip.run(["validate", folder])
        #expect(validate.stdout.contains("kota-bandung.xml: ok (1 XML report, 25 unanswered items counted 0)"))
        let compare = try Sakip.run(["compare", folder, "--candidate", "samples/variants/pemanfaatan-60.yaml"])
        #expect(compare.stderr.contains("warning: the candidate rubric needs answers that 2 of 2 reports lack, each counted 0 under it: 4.3.6 (2 reports)"))
    }

    /// A full disk: said once, with exit status 1, never a trap and never a short file unnoticed.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")), arguments: ["csv", "json", "text"])
    func aFullDiskIsSaidNotACrash(format: String) throws {
        let run = try Sakip.run(["rank", "samples/partners/2024", "--format", format], stdoutDevice: "/dev/full")
        #expect(run.status == 1)
        #expect(run.stderr == "sakip: error: cannot write the output: No space left on device\n")
    }

    @Test func versionAndHelp() throws {
        let version = try Sakip.run(["--version"])
        #expect(version.stdout == "sakip 0.2.0\n")
        for command in ["score", "rank", "compare", "sensitivity", "validate", "rubrics"] {
            let help = try Sakip.run([command, "--help"], environment: ["COLUMNS": "80"])
            #expect(help.status == 0)
            // Wrapped by the parser: no line over 80 columns except the usage line, one default per option.
            for line in help.stdout.split(separator: "\n") where !line.hasPrefix("USAGE:") {
                #expect(line.count <= 80, "\(command): \(line)")
            }
            #expect(!help.stdout.contains("(default: one per processor). Output does not depend on it. (default: 0)"))
        }
        let compare = try Sakip.run(["compare", "--help"])
        #expect(!compare.stdout.contains("--rubric"))
    }

    /// Links back to a parent or to the folder itself are followed once: no hang, no "second report".
    @Test func folderLinkLoops() throws {
        let folder = NSTemporaryDirectory() + "sakip-loop-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/inner", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Sakip.packageRoot.appendingPathComponent("samples/kota-bandung-2024.xml").path, toPath: folder + "/inner/a.xml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/inner/up", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: folder + "/inner/current", withDestinationPath: ".")
        let run = try Sakip.run(["rank", folder])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Ranking of 1 report, 2024"))
        #expect(!run.stderr.contains("second report"))
    }
}
