import Foundation

/// The package's resource folder (bundled rubrics and the XML Schema), found without
/// `Bundle.module`, whose accessor stops the process when the folder is missing (for instance
/// when the `sakip` binary is copied somewhere without it).
enum ResourceBundle {
    static let name = "sakip_SakipCore.resources"

    /// The first existing candidate: beside the main executable or bundle, beside the process's
    /// own binary, and last the package's source folder of resources (same layout), which keeps a
    /// copied binary working while its source tree exists, as `Bundle.module` does with the build
    /// folder; nil when none exists.
    static let directory: URL? = {
        var candidates = [Bundle.main.bundleURL.appendingPathComponent(name)]
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name))
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name))
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    static let missingMessage = "the bundled resources (\(name)) are not beside the sakip binary; copy that folder with it, or name rubrics by path or through SAKIP_RUBRIC_PATH"
}
