import Crypto
import Foundation

/// Secrets handed to clients (API tokens, session ids, CSRF tokens) and how they are kept:
/// 32 random bytes shown once, stored only as their SHA-256. A secret that random needs no
/// slow hash; passwords, chosen by people, get bcrypt (`Accounts`).
enum Credentials {
    /// A new secret, URL-safe, with a prefix saying what it is (`sakip_t_` for tokens).
    static func secret(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return prefix + text
    }

    static func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two secrets in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
