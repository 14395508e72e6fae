#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real `FileSystem`: thin wrappers over the POSIX calls, `errno` turned into `FileSystemError`.
///
/// Writing ignores `SIGXFSZ` (once, for the whole process): past the file-size limit
/// (`RLIMIT_FSIZE`, `ulimit -f`) a write then fails with `EFBIG` and the writer reports it, where
/// the signal's default action would kill the process half-way through a fix.
public struct POSIXFileSystem: FileSystem {
    public init() {}

    /// Set once: a write past the file-size limit fails instead of killing the process.
    private static let fileSizeSignalIgnored: Bool = {
        signal(SIGXFSZ, SIG_IGN)
        return true
    }()

    public func resolve(_ path: String) throws(FileSystemError) -> String {
        guard let resolved = realpath(path, nil) else { throw FileSystemError(code: errno) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public func status(_ path: String) throws(FileSystemError) -> FileStatus {
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileSystemError(code: errno) }
        let type = UInt32(info.st_mode) & 0o170000
        return FileStatus(
            isRegularFile: type == 0o100000, isDirectory: type == 0o040000, permissions: UInt32(info.st_mode) & 0o7777,
            owner: UInt32(info.st_uid), group: UInt32(info.st_gid), size: Int(info.st_size))
    }

    public func read(_ path: String) throws(FileSystemError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError(code: errno) }
        defer { _ = systemClose(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(code: errno)
            }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
        }
    }

    public func isWritable(_ path: String) -> Bool {
        access(path, W_OK) == 0
    }

    public func contents(ofDirectory path: String) throws(FileSystemError) -> [String] {
        guard let directory = opendir(path) else { throw FileSystemError(code: errno) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public func create(_ path: String, mode: UInt32) throws(FileSystemError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode))
        guard descriptor >= 0 else { throw FileSystemError(code: errno) }
        return descriptor
    }

    public func write(_ descriptor: Int32, _ bytes: [UInt8]) throws(FileSystemError) {
        _ = Self.fileSizeSignalIgnored
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let result = systemWrite(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += result
            }
            return nil
        }
        if let failure { throw FileSystemError(code: failure) }
    }

    public func setMode(_ descriptor: Int32, _ mode: UInt32) throws(FileSystemError) {
        guard fchmod(descriptor, mode_t(mode)) == 0 else { throw FileSystemError(code: errno) }
    }

    public func setOwner(_ descriptor: Int32, user: UInt32, group: UInt32) throws(FileSystemError) {
        guard fchown(descriptor, uid_t(user), gid_t(group)) == 0 else { throw FileSystemError(code: errno) }
    }

    public func sync(_ descriptor: Int32) throws(FileSystemError) {
        guard fsync(descriptor) == 0 else { throw FileSystemError(code: errno) }
    }

    public func close(_ descriptor: Int32) throws(FileSystemError) {
        guard systemClose(descriptor) == 0 else { throw FileSystemError(code: errno) }
    }

    public func rename(_ source: String, to destination: String) throws(FileSystemError) {
        guard systemRename(source, destination) == 0 else { throw FileSystemError(code: errno) }
    }

    public func remove(_ path: String) throws(FileSystemError) {
        guard unlink(path) == 0 else { throw FileSystemError(code: errno) }
    }

    public func syncDirectory(_ path: String) throws(FileSystemError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError(code: errno) }
        defer { _ = systemClose(descriptor) }
        guard fsync(descriptor) == 0 else { throw FileSystemError(code: errno) }
    }

    public func processExists(_ id: Int32) -> Bool {
        kill(pid_t(id), 0) == 0 || errno == EPERM
    }

    public var processID: Int32 { Int32(getpid()) }

    public var userID: UInt32 { UInt32(geteuid()) }
}

// The C functions whose names the methods above reuse.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}

private func systemRename(_ source: String, _ destination: String) -> Int32 {
    rename(source, destination)
}
