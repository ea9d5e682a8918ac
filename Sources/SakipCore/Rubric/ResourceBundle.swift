import Foundation

/// The package's resource folder (bundled rubrics and the XML Schema), found without
/// `Bundle.module`, whose accessor stops the process when the folder is missing (for instance
/// when the `sakip` binary is copied somewhere without it).
enum ResourceBundle {
    static let name = "sakip_SakipCore.resources"

    /// The first existing candidate: beside the process's own binary (symlinks resolved), beside
    /// the path it was started by, and last the package's source folder of resources (same
    /// layout), which keeps a copied binary working while its source tree exists, as
    /// `Bundle.module` does with the build folder; nil when none exists.
    static let directory: URL? = {
        var candidates: [URL] = []
        if let executable = executablePath {
            candidates.append(URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent(name))
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name))
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    /// The running binary's path. On Linux it is read from `/proc/self/exe`: `Bundle.main`
    /// answers the same but first sets up CoreFoundation's bundle machinery, about 13 million
    /// instructions, a sixth of scoring one report.
    private static var executablePath: String? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }

    static let missingMessage: Message = "the bundled resources (\(name)) are not beside the sakip binary; copy that folder with it, or name rubrics by path or through SAKIP_RUBRIC_PATH"
}
