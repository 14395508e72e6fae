/// How a path inside a notes directory is shown to the user: under the notes root as they typed it.
public enum DisplayPath {
    /// `root/path`; the path alone when `root` is "" or "." or the path is absolute or the root itself.
    public static func join(root: String, _ path: String) -> String {
        if root.isEmpty || root == "." || path.hasPrefix("/") || path == root { return path }
        return root.hasSuffix("/") ? root + path : root + "/" + path
    }
}
