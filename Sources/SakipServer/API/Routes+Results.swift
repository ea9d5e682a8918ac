import Crypto
import Foundation
import Hummingbird
import SakipCore
import SakipRendering

/// A period's results, as the command line's jobs give them over the same answers, limited to
/// the agencies the caller sees: ranking, gaps, the HTML report, a candidate rubric compared,
/// sensitivity; and the period's files themselves (`export`).
enum ResultRoutes {
    static func add(to group: RouterGroup<SakipRequestContext>, state: AppState) {
        let results = PeriodResults(state: state)
        group.get("periods/:year/ranking") { request, context in
            let (period, identity, format) = try await setup(request, context, state)
            var stage: Stage?
            if let name = request.uri.queryParameters["stage"].map(String.init) {
                guard let named = Stage(rawValue: name) ?? Stage(name: name) else {
                    throw APIProblem(.unprocessableContent, code: "unknown-stage", "'\(name)' is no stage; expected self, verified, quality or final")
                }
                stage = named
            }
            let region = request.uri.queryParameters["region"].map(String.init)
            let scope = try await results.scope(period, for: identity)
            let before = try await results.previous(period, for: identity)
            let job = "rank:\(format):\(stage?.rawValue ?? ""):\(region ?? ""):\(before.map { "\($0.0.year)@\($0.0.revision)" } ?? "")"
            let prefix = "\(job)|\(period.year)@\(period.revision)|\(scope.key)"
            if let hit = await state.results.get(prefix) { return format.response(hit, name: "ranking-\(period.year)") }
            let bytes = try await results.ranking(period, scope, before: before, stage: stage, region: region).output(as: format.output)
            await state.results.put(prefix, bytes)
            return format.response(bytes, name: "ranking-\(period.year)")
        }
        group.get("periods/:year/gaps") { request, context in
            let (period, identity, format) = try await setup(request, context, state)
            let bytes = try await analysis(.gaps, period, identity, format.output, state)
            return format.response(bytes, name: "gaps-\(period.year)")
        }
        group.get("periods/:year/report") { request, context in
            let (period, identity, _) = try await setup(request, context, state, formats: [])
            let scope = try await results.scope(period, for: identity)
            let options = results.options(period), rubrics = state.rubrics
            // In the reader's language, like the pages (`?lang=` for another).
            let language = Language(rawValue: request.uri.queryParameters["lang"].map(String.init) ?? identity.language) ?? .id
            let bytes = try await results.result("report:\(language.rawValue)", period, scope) { files in
                let report = try ReportRequest(inputs: InputSelection(files.sources(prefix: "\(period.year)"), options: options), year: period.year)
                    .run(rubrics: rubrics)
                return Array(HTMLReportRenderer(language: language).render(report).utf8)
            }
            var response = JSONBody.bytes(bytes, contentType: "text/html; charset=utf-8")
            response.headers[.contentSecurityPolicy] = reportPolicy(bytes)
            return response
        }
        for name in ["compare", "sensitivity"] {
            group.get("periods/:year/\(name)") { request, context in
                let (period, identity, format) = try await setup(request, context, state)
                let kind = try Analysis(name, request, state)
                return format.response(try await analysis(kind, period, identity, format.output, state), name: "\(name)-\(period.year)")
            }
        }
        group.get("periods/:year/export/:file") { _, context in
            let identity = try context.signedIn()
            let period = try await state.period(try context.parameters.require("year", as: Int.self))
            guard Access.readsResults(identity, period), identity.role != .viewer else {
                throw APIProblem.forbidden("the period's answers are exported for the office and evaluators")
            }
            let (files, _) = try await results.files(period, try await results.scope(period, for: identity))
            let name = try context.parameters.require("file")
            guard let bytes = files.named[name] else {
                throw APIProblem.notFound("file '\(name)'; the period exports \(files.named.keys.sorted().joined(separator: ", "))")
            }
            var response = JSONBody.bytes(bytes, contentType: "text/csv; charset=utf-8")
            response.headers[.contentDisposition] = "attachment; filename=\"\(period.year)-\(name)\""
            return response
        }
    }

    /// The analyses of a period beside its ranking, with what each is asked for.
    enum Analysis: Sendable {
        case gaps
        case compare(candidate: String)
        case sensitivity(samples: Int, seed: Int)

        /// `gaps`, `compare?candidate=R` or `sensitivity?samples=N&seed=K`, checked.
        init(_ name: String, _ request: Request, _ state: AppState) throws {
            switch name {
            case "gaps": self = .gaps
            case "compare":
                guard let candidate = request.uri.queryParameters["candidate"].map(String.init), !candidate.isEmpty else {
                    throw APIProblem(.unprocessableContent, code: "missing-candidate", "name the rubric to compare with: ?candidate=RUBRIC")
                }
                guard (try? state.rubrics.rubric(candidate)) != nil else {
                    throw APIProblem(.unprocessableContent, code: "unknown-rubric", "no rubric '\(candidate)'")
                }
                self = .compare(candidate: candidate)
            case "sensitivity":
                self = .sensitivity(samples: try number(request, "samples", default: 2000, in: 10...Limits.samples),
                                    seed: try number(request, "seed", default: 1, in: 0...Int.max))
            default: throw APIProblem.notFound("analysis '\(name)'")
            }
        }

        var key: String {
            switch self {
            case .gaps: "gaps"
            case .compare(let candidate): "compare:\(candidate)"
            case .sensitivity(let samples, let seed): "sensitivity:\(samples):\(seed)"
            }
        }
    }

    /// An analysis over what the caller may see of a period, as the command line gives it, from
    /// the cache at the period's revision when it was asked before.
    /// - Parameter language: of Markdown's labels (the pages show its tables).
    static func analysis(_ kind: Analysis, _ period: Period, _ identity: Identity, _ format: OutputFormat, _ state: AppState,
                         language: Language = .en) async throws -> [UInt8] {
        let results = PeriodResults(state: state)
        let scope = try await results.scope(period, for: identity)
        let options = results.options(period), rubrics = state.rubrics
        var render = RenderOptions()
        render.language = language
        return try await results.result("\(kind.key):\(format):\(language.rawValue)", period, scope) { [render] files in
            let inputs = InputSelection(files.sources(prefix: "\(period.year)"), options: options)
            switch kind {
            case .gaps:
                return try GapsRequest(inputs: inputs, year: period.year).run(rubrics: rubrics).output(as: format, options: render)
            case .compare(let candidate):
                return try CompareRequest(inputs: InputSelection(files.sources(prefix: "\(period.year)"), options: Evaluator.Options(jobs: 1)),
                                          baseline: period.rubric, candidate: candidate, year: period.year)
                    .run(rubrics: rubrics).output(as: format, options: render)
            case .sensitivity(let samples, let seed):
                return try SensitivityRequest(inputs: inputs, samples: samples, seed: UInt64(seed), year: period.year)
                    .run(rubrics: rubrics).output(as: format, options: render)
            }
        }
    }

    /// The HTML report carries its style sheet inline (it is one file, to mail or print): the
    /// policy allows that one sheet by its digest, and nothing else, not even the service's own
    /// scripts.
    static func reportPolicy(_ html: [UInt8]) -> String {
        var styles: [String] = []
        var rest = html[...]
        while let open = rest.firstRange(of: Array("<style>".utf8)), let close = rest[open.upperBound...].firstRange(of: Array("</style>".utf8)) {
            styles.append("'sha256-" + Data(SHA256.hash(data: Array(rest[open.upperBound..<close.lowerBound]))).base64EncodedString() + "'")
            rest = rest[close.upperBound...]
        }
        return "default-src 'none'; style-src \(styles.isEmpty ? "'none'" : styles.joined(separator: " ")); img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    }

    /// The caller, a period whose results it may read, and the format asked for.
    static func setup(_ request: Request, _ context: SakipRequestContext, _ state: AppState,
                      formats: [ResultFormat] = ResultFormat.allCases) async throws -> (Period, Identity, ResultFormat) {
        let identity = try context.signedIn()
        let period = try await state.period(try context.parameters.require("year", as: Int.self))
        guard Access.readsResults(identity, period) else {
            throw APIProblem.forbidden("results are read once the period is published")
        }
        var format = ResultFormat.json
        if let name = request.uri.queryParameters["format"].map(String.init) {
            guard let named = ResultFormat(rawValue: name), formats.contains(named) else {
                throw APIProblem(.unprocessableContent, code: "unknown-format", "'\(name)' is no format here; expected \(formats.map(\.rawValue).joined(separator: ", "))")
            }
            format = named
        }
        return (period, identity, format)
    }

    static func number(_ request: Request, _ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = request.uri.queryParameters[Substring(name)].map(String.init) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIProblem(.unprocessableContent, code: "invalid", "\(name) is a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return number
    }
}

/// The formats results are served in.
enum ResultFormat: String, CaseIterable, Sendable {
    case json, csv, xlsx

    var output: OutputFormat {
        switch self {
        case .json: .json
        case .csv: .csv
        case .xlsx: .xlsx
        }
    }

    func response(_ bytes: [UInt8], name: String) -> Response {
        switch self {
        case .json: return JSONBody.bytes(bytes)
        case .csv, .xlsx:
            let type = self == .csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            var response = JSONBody.bytes(bytes, contentType: String(type))
            response.headers[.contentDisposition] = "attachment; filename=\"\(name).\(rawValue)\""
            return response
        }
    }
}
