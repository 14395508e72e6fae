import Foundation
import RedflagTestSupport
import Testing

/// The deadline every test subprocess runs under: a hung child fails fast and says which.
@Suite("Test subprocesses have a deadline")
struct SubprocessTests {
    @Test("a child that hangs is killed at the deadline and the error names it")
    func hungChild() throws {
        let start = Date()
        let sleep = try #require(Subprocess.find(["sleep"]))
        #expect {
            try Subprocess.run(sleep, ["30"], timeout: 1)
        } throws: { error in
            let timeout = error as? Subprocess.Timeout
            return timeout?.command == "\(sleep) 30" && "\(error)".contains("did not finish within 1.0 s")
        }
        #expect(Date().timeIntervalSince(start) < 10, "the test did not wait for the child")
    }

    @Test("a child that exits but leaves a grandchild holding its output open is not waited for forever")
    func grandchildHoldsThePipe() throws {
        let start = Date()
        #expect(throws: Subprocess.Timeout.self) {
            try Subprocess.run("/bin/sh", ["-c", "sleep 30 & echo started"], timeout: 1)
        }
        #expect(Date().timeIntervalSince(start) < 15)
    }

    @Test("a child that finishes in time gives its status and both outputs")
    func finishes() throws {
        let result = try Subprocess.run("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"], timeout: 30)
        #expect(result.status == 3)
        #expect(result.stdoutText == "out\n")
        #expect(result.stderrText == "err\n")
    }
}
