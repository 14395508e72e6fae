extension AtomicFileWriter {
    /// Creates the new file `path` holding `bytes`, atomically: a temporary file in the same
    /// folder is written, given `mode`, synced and closed, then renamed to `path`, and the folder is
    /// synced. An existing `path` is never replaced (`exists`); whatever fails, and wherever the
    /// process is killed, `path` is either absent or whole, and the temporary file is removed (by
    /// the next run after a kill).
    ///
    /// The folder must exist. The check that `path` is absent comes just before the rename; a file
    /// made by another program in the moment between the two would be replaced, a window of
    /// microseconds that `rename(2)` cannot close without `renameat2(RENAME_NOREPLACE)`.
    public static func create(
        path: String, with bytes: [UInt8], mode: UInt32 = 0o644, fileSystem: any FileSystem = POSIXFileSystem()
    ) -> Outcome {
        let fs = fileSystem
        let folder = parent(of: path)
        let name = String(path.split(separator: "/").last ?? Substring(path))
        if (try? fs.status(path)) != nil { return .refused("the file exists already") }
        let folderStatus: FileStatus
        do {
            folderStatus = try fs.status(folder)
        } catch {
            return .failed("cannot find the folder \(folder) (\(error))")
        }
        guard folderStatus.isDirectory else { return .refused("\(folder) is not a folder") }
        if !isWritable(folder, permissions: folderStatus.permissions, fileSystem: fs) {
            return .refused(
                "its folder \(folder) is read-only for this user (mode \(octal(folderStatus.permissions)))")
        }
        removeStaleTemporaryFiles(for: name, in: folder, fileSystem: fs)
        let temporary: String
        switch writeTemporary(
            bytes, for: name, in: folder, mode: mode, owner: nil, modeFailure: "cannot set the new file's permissions",
            fileSystem: fs)
        {
        case .success(let path): temporary = path
        case .failure(let failure): return .failed(failure.message)
        }
        if (try? fs.status(path)) != nil {
            return .refused("the file was created meanwhile" + cleanUp(temporary, fileSystem: fs))
        }
        do {
            try fs.rename(temporary, to: path)
        } catch {
            return .failed("cannot move the new file into place (\(error))" + cleanUp(temporary, fileSystem: fs))
        }
        try? fs.syncDirectory(folder)
        return .written
    }
}
