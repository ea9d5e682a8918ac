import ArgumentParser
import Foundation
import Logging
import SakipCore
import SakipServer

/// Where the service keeps its data: `--data DIR` (SQLite) or `--database URL` (PostgreSQL).
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder of the SQLite database (created on first start).", valueName: "dir"))
    var data = "sakip-data"

    @Option(name: .long, help: ArgumentHelp("A PostgreSQL database instead: postgres://user:password@host:5432/db.", valueName: "url"))
    var database: String?

    var location: StoreLocation { StoreLocation(data: data, database: database) }

    /// The store, opened for one command and closed after it.
    func withStore<R>(_ body: (Store) async throws -> R) async throws -> R {
        var logger = Logger(label: "sakip")
        logger.logLevel = .warning
        let store: Store
        do {
            store = try await Store.open(location, logger: logger)
        } catch {
            throw ServiceFailure("cannot open the store at \(database ?? data): \(error)")
        }
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}

/// A refusal of a service command, said on stderr with exit status 1.
struct ServiceFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// `sakip-serve`: the web service where partners submit, evaluators verify and the office
/// compares. Its own executable rather than a `sakip` command: linked into `sakip`, SwiftNIO,
/// BoringSSL and the rest made every command start slower (one report: 54.6M instructions
/// without them, 82.3M with; see Benchmarks/SERVICE.md).
@main
struct SakipServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sakip-serve",
        abstract: "The SAKIP web service: agencies submit, evaluators verify, the office compares and publishes.",
        version: "sakip-serve \(SakipVersion.current)",
        subcommands: [ServeCommand.self, UsersCommand.self, BackupCommand.self],
        defaultSubcommand: ServeCommand.self
    )

    /// Refusals are one line on stderr and exit status 1; usage errors exit 2, as `sakip`'s do.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let failure as ServiceFailure {
            fail(failure.description)
        } catch let failure as StoreError {
            fail(failure.description)
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    private static func fail(_ text: String) -> Never {
        FileHandle.standardError.write(Data("sakip-serve: error: \(text)\n".utf8))
        Foundation.exit(1)
    }
}

/// `sakip-serve [serve]`: listens until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the SAKIP API for partners, evaluators and the office (SQLite or PostgreSQL)."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "host"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on.", valueName: "port"))
    var port = 8080

    @Flag(help: "Mark session cookies Secure (set when a TLS proxy is in front).")
    var secureCookies = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1 to 65535, not \(port)") }
    }

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "sakip")
        logger.logLevel = .info
        let location = store.location
        let opened: Store
        do {
            opened = try await Store.open(location, logger: logger)
        } catch {
            throw ServiceFailure("cannot open the store at \(store.database ?? store.data): \(error)")
        }
        let configuration = ServerConfiguration(location: location, host: host, port: port, secureCookies: secureCookies)
        let app = buildApplication(state: AppState(store: opened, configuration: configuration), logger: logger)
        logger.info("sakip \(SakipVersion.current) serving \(opened.kind.rawValue) data from \(store.database.map { _ in "PostgreSQL" } ?? store.data)")
        try await app.runService()
    }
}

/// `sakip-serve users`: the service's users, managed from the machine it runs on.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add, list, disable and reset the service's users; issue API tokens.",
        subcommands: [Add.self, List.self, Token.self, Disable.self, Enable.self, ResetPassword.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user.")
        @Argument(help: "The user name.") var name: String
        @Option(help: "office, evaluator, agency or viewer.") var role: Role
        @Option(name: .customLong("region"), help: "A region the user works in (repeat for several).") var regions: [String] = []
        @Option(help: "The agency an agency user belongs to.") var agency: String?
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if role == .agency, agency == nil { throw ValidationError("an agency user needs --agency") }
            if role == .evaluator, regions.isEmpty { throw ValidationError("an evaluator needs at least one --region") }
        }

        func run() async throws {
            let password = passwordStdin ? try readPassword() : nil
            if let password, password.count < 8 { throw ServiceFailure("a password has at least 8 characters") }
            try await store.withStore { store in
                if let agency, try await store.agency(agency) == nil {
                    // The office names agencies before their users; a typo would lock the user out.
                    throw ServiceFailure("no agency '\(agency)'; create it first (PUT /api/v1/agencies/\(agency))")
                }
                _ = try await store.addUser(name, role: role, regions: regions, agency: agency)
                if let password { try await Accounts(store: store).setPassword(name, password) }
            }
            print("added \(role.rawValue) \(name)" + (password == nil ? " (no password: sign in with a token from `sakip-serve users token \(name)`)" : ""))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let users = try await store.withStore { try await $0.users() }
            print("user\trole\tregions\tagency\tstate")
            for user in users {
                print([user.username, user.role.rawValue, user.regions.joined(separator: ","), user.agency ?? "", user.disabled ? "disabled" : "active"].joined(separator: "\t"))
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a new API token for a user (shown once, stored hashed).")
        @Argument(help: "The user name.") var name: String
        @Flag(help: "Revoke the user's other tokens first.") var revokeOthers = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let token = try await store.withStore { store in
                if revokeOthers { try await store.revokeTokens(of: name) }
                return try await Accounts(store: store).newToken(for: name)
            }
            print(token)
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user: its sessions end and its tokens stop working.")
        @Argument(help: "The user name.") var name: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.withStore { try await $0.setDisabled(name, true) }
            print("disabled \(name)")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled user again.")
        @Argument(help: "The user name.") var name: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.withStore { try await $0.setDisabled(name, false) }
            print("enabled \(name)")
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset-password", abstract: "Set a user's password (ends its sessions).")
        @Argument(help: "The user name.") var name: String
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            guard passwordStdin else { throw ValidationError("give the new password on standard input with --password-stdin") }
            let password = try readPassword()
            try await store.withStore { try await Accounts(store: $0).setPassword(name, password) }
            print("password set for \(name)")
        }
    }
}

/// The first line of standard input, without its line end.
private func readPassword() throws -> String {
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw ServiceFailure("no password on standard input")
    }
    return line
}

extension Role: ExpressibleByArgument {}

/// `sakip-serve backup`: an online copy of the SQLite store.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the service's SQLite database to a file while it runs (PostgreSQL: use pg_dump)."
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The backup file to write (must not exist).", valueName: "file"))
    var output: String

    func run() async throws {
        try await store.withStore { try await $0.backup(to: output) }
        print("backed up to \(output)")
    }
}
