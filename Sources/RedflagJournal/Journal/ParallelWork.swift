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

extension ParallelWork {
    /// Produces a value for every index below `count` on up to `jobs` threads, and hands each to
    /// `consume` on the calling thread, in index order. At most `window` values are in flight
    /// (produced or being produced, not yet consumed), so memory holds `window` values whatever
    /// `count` is. With one job, each value is produced and consumed in turn on the calling thread.
    static func ordered<Value: Sendable>(
        count: Int, jobs: Int, window: Int, produce: @escaping @Sendable (Int) -> Value,
        consume: (Int, Value) -> Void
    ) {
        guard jobs > 1, count > 1 else {
            for index in 0..<count { consume(index, produce(index)) }
            return
        }
        let state = OrderedWindow<Value>(count: count, window: max(window, jobs))
        let workers = min(jobs, count)
        let done = DispatchGroup()
        for _ in 0..<workers {
            done.enter()
            let thread = Thread {
                while let index = state.take() { state.put(index, produce(index)) }
                done.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        for index in 0..<count { consume(index, state.value(at: index)) }
        done.wait()
    }
}

/// The shared state of `ParallelWork.ordered`: the next index to produce, the values produced and
/// not yet consumed, and how far the consumer is.
private final class OrderedWindow<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var next = 0
    private var consumed = 0
    private var slots: [Int: Value] = [:]

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    /// The next index to produce, once the window has room; nil when every index is taken.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while next < count, next >= consumed + window { condition.wait() }
        guard next < count else { return nil }
        defer { next += 1 }
        return next
    }

    func put(_ index: Int, _ value: Value) {
        condition.lock()
        slots[index] = value
        condition.broadcast()
        condition.unlock()
    }

    /// The value at `index`, once produced; frees its slot and widens the window.
    func value(at index: Int) -> Value {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value = slots.removeValue(forKey: index) {
                consumed = index + 1
                condition.broadcast()
                return value
            }
            condition.wait()
        }
    }
}
