import Foundation
import RedflagOutput

/// Writes a command's output file: its folder must exist, and it is never inside the notes
/// directory (after resolving symbolic links, also when the file itself is a link).
public enum OutputFile {
    public static func write(_ text: String, to path: String, notes: String) throws(RedflagError) {
        let url = try checked(path, notes: notes)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw .outputRefused(path: path, reason: "cannot write the file (\(error.localizedDescription))", hint: nil)
        }
    }

    /// Writes what `body` hands to its argument, piece by piece, to `path`: into a new file beside it,
    /// renamed over `path` once `body` returns, so that a large output is never held whole and a
    /// reader never sees half a file. When `body` throws, or a write fails, the new file is removed and
    /// `path` is left as it was.
    public static func stream(
        to path: String, notes: String, _ body: (_ write: (String) throws -> Void) throws -> Void
    ) throws {
        let url = try checked(path, notes: notes)
        let temporary =
            url.deletingLastPathComponent().appendingPathComponent(
                ".\(url.lastPathComponent).redflag-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            ).path
        // 0666 less the umask, as a file written by `Data.write` gets.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw RedflagError.outputRefused(
                path: path, reason: "cannot write the file (\(String(cString: strerror(errno))))", hint: nil)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try body { text in
                do {
                    try handle.write(contentsOf: Data(text.utf8))
                } catch {
                    throw RedflagError.outputRefused(
                        path: path, reason: "cannot write the file (\(error.localizedDescription))", hint: nil)
                }
            }
            try handle.close()
            guard rename(temporary, url.path) == 0 else {
                throw RedflagError.outputRefused(
                    path: path, reason: "cannot write the file (\(String(cString: strerror(errno))))", hint: nil)
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// `path` as a URL, once its folder is known to exist and it is known not to be inside `notes`.
    private static func checked(_ path: String, notes: String) throws(RedflagError) -> URL {
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw .outputRefused(
                path: path, reason: "the folder \(parent.path) does not exist", hint: "create it first")
        }
        var target = parent.resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: target)) != nil {
            target = URL(fileURLWithPath: target).resolvingSymlinksInPath().path
        }
        if SitePaths.isInside(target, URL(fileURLWithPath: notes).resolvingSymlinksInPath().path) {
            throw .outputRefused(
                path: path, reason: "refusing to write inside the notes directory", hint: "write it elsewhere")
        }
        return url
    }
}
