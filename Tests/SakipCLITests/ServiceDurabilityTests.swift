#if SAKIP_SERVICE
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The real `sakip-serve`, killed with SIGKILL while clients save: after a restart every save it
/// acknowledged is there. Also the user commands and a graceful stop on SIGTERM.
@Suite(.serialized) struct ServiceDurabilityTests {
    /// `sakip-serve`, built beside `sakip`.
    static var serve: URL { Sakip.binary.deletingLastPathComponent().appendingPathComponent("sakip-serve") }

    /// A running `sakip-serve` on a data folder.
    final class Server: @unchecked Sendable {
        let process = Process()
        let port: Int
        let base: String

        init(store: [String], port: Int) throws {
            self.port = port
            base = "http://127.0.0.1:\(port)"
            process.executableURL = ServiceDurabilityTests.serve
            process.arguments = store + ["--port", String(port)]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/null"))
            try process.run()
        }

        func waitUntilUp() async throws {
            for _ in 0..<100 {
                if let (_, response) = try? await URLSession.shared.data(from: URL(string: base + "/health")!),
                   (response as? HTTPURLResponse)?.statusCode == 200 { return }
                try await Task.sleep(for: .milliseconds(100))
            }
            Issue.record("the server did not answer /health")
        }
    }

    static func request(_ method: String, _ url: String, token: String, json: String? = nil) async throws -> (Int, [String: Any]) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, object)
    }

    /// What the clients were told was saved: criterion → (version, value), the latest of each.
    actor Acknowledged {
        var saves: [String: (version: Int, value: String)] = [:]
        var count = 0
        func record(_ criterion: String, _ version: Int, _ value: String) {
            count += 1
            if version > (saves[criterion]?.version ?? 0) { saves[criterion] = (version, value) }
        }
    }

    /// The stores the test runs on: an SQLite folder, and a new PostgreSQL database when
    /// `SAKIP_TEST_POSTGRES` names a server (made with `psql`).
    static var stores: [String] {
        ProcessInfo.processInfo.environment["SAKIP_TEST_POSTGRES"] == nil ? ["sqlite"] : ["sqlite", "postgres"]
    }

    static func store(_ kind: String) throws -> [String] {
        let name = "sakip_durability_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        guard kind == "postgres", let admin = ProcessInfo.processInfo.environment["SAKIP_TEST_POSTGRES"] else {
            return ["--data", NSTemporaryDirectory() + name]
        }
        let created = try Sakip.run(["psql", admin, "-qc", "CREATE DATABASE \(name)"], executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(created.status == 0, "\(created.stderr)")
        var parts = URLComponents(string: admin)!
        parts.path = "/" + name
        return ["--database", parts.string!]
    }

    @Test(arguments: stores)
    func acknowledgedSavesSurviveSIGKILL(kind: String) async throws {
        let store = try Self.store(kind)
        defer { if store[0] == "--data" { try? FileManager.default.removeItem(atPath: store[1]) } }
        #expect(try Sakip.run(["users", "add", "office", "--role", "office", "--password-stdin"] + store, stdin: Array("rahasia-sekali\n".utf8), executable: Self.serve).status == 0)
        let token = try Sakip.run(["users", "token", "office"] + store, executable: Self.serve).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("sakip_t_"))
        let port = Int.random(in: 20000...29000)
        let server = try Server(store: store, port: port)
        try await server.waitUntilUp()
        #expect(try await Self.request("POST", server.base + "/api/v1/periods", token: token, json: #"{"year": 2024, "rubric": "permenpanrb-88-2021"}"#).0 == 201)
        #expect(try await Self.request("PUT", server.base + "/api/v1/agencies/kota-x", token: token, json: #"{"name": "Kota X", "region": "R"}"#).0 == 200)

        let xml = try String(contentsOf: Sakip.packageRoot.appendingPathComponent("samples/kota-bandung-2024.xml"), encoding: .utf8)
        let criteria = xml.components(separatedBy: "criterion=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }.prefix(16)
        let acknowledged = Acknowledged()
        let base = server.base + "/api/v1/periods/2024/agencies/kota-x/answers/"
        // Eight clients, two criteria each, saving until the server dies under them.
        let clients = (0..<8).map { client in
            Task {
                var versions: [String: Int] = [:]
                for round in 0..<10_000 {
                    for criterion in criteria.enumerated().filter({ $0.offset % 8 == client }).map(\.element) {
                        let value = ["A", "B", "C", "BB"][round % 4]
                        let version = versions[criterion] ?? 0
                        guard let (status, body) = try? await Self.request("PUT", base + criterion + "?stage=final", token: token,
                                                                          json: #"{"value": "\#(value)", "version": \#(version)}"#) else { return }
                        guard status == 200, let saved = (body["answer"] as? [String: Any])?["version"] as? Int else { return }
                        versions[criterion] = saved
                        await acknowledged.record(criterion, saved, value)
                    }
                }
            }
        }
        while await acknowledged.count < 300 { try await Task.sleep(for: .milliseconds(20)) }
        kill(server.process.processIdentifier, SIGKILL)
        server.process.waitUntilExit()
        for client in clients { await client.value }

        let restarted = try Server(store: store, port: port + 1)
        try await restarted.waitUntilUp()
        let (status, body) = try await Self.request("GET", restarted.base + "/api/v1/periods/2024/agencies/kota-x/answers", token: token)
        #expect(status == 200)
        let stored = Dictionary(uniqueKeysWithValues: (body["answers"] as? [[String: Any]] ?? []).map {
            ($0["criterion"] as? String ?? "", ($0["version"] as? Int ?? 0, $0["value"] as? String ?? ""))
        })
        let saves = await acknowledged.saves
        #expect(saves.count == criteria.count)
        for (criterion, acked) in saves {
            let kept = stored[criterion]
            // A save in flight at the kill may have committed unacknowledged (a later version);
            // an acknowledged one may never be missing.
            #expect((kept?.0 ?? 0) >= acked.version, "\(criterion): acknowledged version \(acked.version), stored \(String(describing: kept))")
            if kept?.0 == acked.version { #expect(kept?.1 == acked.value) }
        }
        // SIGTERM: the server finishes and exits cleanly.
        restarted.process.terminate()
        restarted.process.waitUntilExit()
        #expect(restarted.process.terminationReason == .exit && restarted.process.terminationStatus == 0)
    }

    @Test func userCommandsRefuseWhatCannotWork() throws {
        let data = NSTemporaryDirectory() + "sakip-users-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: data) }
        let noAgency = try Sakip.run(["users", "add", "x", "--role", "agency", "--data", data], executable: Self.serve)
        #expect(noAgency.status == 2 && noAgency.stderr.contains("--agency"))
        let unknown = try Sakip.run(["users", "add", "x", "--role", "agency", "--agency", "kota-y", "--data", data], executable: Self.serve)
        #expect(unknown.status == 1 && unknown.stderr.contains("no agency 'kota-y'"))
        let short = try Sakip.run(["users", "add", "y", "--role", "viewer", "--password-stdin", "--data", data], stdin: Array("pendek\n".utf8), executable: Self.serve)
        #expect(short.status == 1 && short.stderr.contains("at least 8 characters"))
        #expect(try Sakip.run(["users", "add", "z", "--role", "evaluator", "--region", "Riau", "--data", data], executable: Self.serve).status == 0)
        let list = try Sakip.run(["users", "list", "--data", data], executable: Self.serve)
        #expect(list.stdout.contains("z\tevaluator\tRiau\t\tactive"))
        #expect(try Sakip.run(["users", "disable", "z", "--data", data], executable: Self.serve).status == 0)
        #expect(try Sakip.run(["users", "list", "--data", data], executable: Self.serve).stdout.contains("z\tevaluator\tRiau\t\tdisabled"))
        let backup = data + "/copy.sqlite"
        #expect(try Sakip.run(["backup", "--data", data, "--output", backup], executable: Self.serve).status == 0)
        #expect(FileManager.default.fileExists(atPath: backup))
        #expect(try Sakip.run(["backup", "--data", data, "--output", backup], executable: Self.serve).status == 1)
    }
}
#endif
