/// The version of sakip, as `sakip --version` prints it.
public enum SakipVersion {
    public static let current = "0.2.0"
}
