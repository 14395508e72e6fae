import Dispatch
import Foundation

/// Runs independent pieces of work on a fixed number of threads (`--jobs`).
package enum ParallelWork {
    /// Calls `body` once for every index below `count`, on at most `jobs` threads at a time; returns
    /// when all calls have returned. With one job, everything runs on the calling thread, in order.
    package static func run(count: Int, jobs: Int, _ body: @Sendable (Int) -> Void) {
        guard jobs > 1, count > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        let next = NextIndex(count: count)
        DispatchQueue.concurrentPerform(iterations: min(jobs, count)) { _ in
            while let index = next.take() { body(index) }
        }
    }
}

/// The next index to work on, shared by the workers.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func take() -> Int? {
        lock.withLock {
            guard value < count else { return nil }
            defer { value += 1 }
            return value
        }
    }
}
