/// The version of ksp: the one place it is written. `ksp --version` prints it, and
/// `scripts/package` names the .deb and the tarball after what the built binary prints.
enum Version {
    static let current = "0.2.0"
}
