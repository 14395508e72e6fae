import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// The `policy:` section of `redflag.yml`: overrides, switches, errors with lines, and the printout.
@Suite("Policy configuration")
struct PolicyConfigTests {
    /// The policy in force for a `redflag.yml` text.
    static func policy(_ text: String) throws -> Policy {
        try Policy(configuration: Configuration.parse(text))
    }

    /// The diagnostics of an invalid `redflag.yml` text (empty when it is valid).
    static func problems(_ text: String) throws -> [Diagnostic] {
        let configuration = try Configuration.parse(text)
        do {
            _ = try Policy(configuration: configuration)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("no policy section: the default policy")
    func noSection() throws {
        #expect(try Self.policy("vocabulary:\n  tags: [x]\n") == Policy.standard)
        #expect(try Policy(configuration: .standard) == Policy.standard)
        #expect(try Self.policy("policy:\n") == Policy.standard)
    }

    @Test("overrides of thresholds and windows, with the line each came from")
    func overrides() throws {
        let policy = try Self.policy(
            """
            # my bar
            policy:
              late: { watch: 2, fire: 4, window: 180 }
              unreasonable:
                fire: 5
                weight: 2.5
            """)
        let late = try #require(policy.rule("late"))
        #expect(late.thresholds == Rule.Thresholds(watch: 2, fire: 4))
        #expect(late.window == 180)
        #expect(late.origin(of: "watch") == ValueOrigin(file: "redflag.yml", line: 3))
        #expect(late.origin(of: "weight") == .default)
        let unreasonable = try #require(policy.rule("unreasonable"))
        #expect(unreasonable.thresholds == Rule.Thresholds(watch: 1, fire: 5))
        #expect(unreasonable.weight == 2.5)
        #expect(unreasonable.origin(of: "fire").description == "redflag.yml:5")
        #expect(unreasonable.origin(of: "weight").description == "redflag.yml:6")
    }

    @Test("overridden thresholds change verdicts")
    func overridesApply() throws {
        let policy = try Self.policy("policy:\n  late: { watch: 2, fire: 4, window: 180 }\n")
        #expect(Make.assess(Make.series("late", count: 1), policy: policy).verdict == .keep)
        #expect(Make.assess(Make.series("late", count: 3), policy: policy).verdict == .watch)
        #expect(Make.assess(Make.series("late", count: 4), policy: policy).verdict == .fire)
        let old = Make.series("late", count: 3, start: 5) + [Make.ago(200, "late")]
        #expect(Make.assess(old, policy: policy).verdict == .watch)
    }

    @Test("a rule can be switched off, as a mapping or a single value")
    func switchOff() throws {
        for text in ["policy:\n  changed-mind: { enabled: false }\n", "policy:\n  changed-mind: off\n"] {
            let policy = try Self.policy(text)
            #expect(policy.rule("changed-mind")?.enabled == false)
            #expect(policy.rule("changed-mind")?.origin(of: "enabled").line == 2)
            #expect(Make.assess(Make.series("changed-mind", count: 6), policy: policy).verdict == .keep)
        }
    }

    @Test("never and ever: no fire threshold, no window")
    func neverAndEver() throws {
        let policy = try Self.policy("policy:\n  late: { fire: never, window: ever }\n")
        #expect(policy.rule("late")?.thresholds == Rule.Thresholds(watch: 2, fire: nil))
        #expect(policy.rule("late")?.window == nil)
        #expect(Make.assess(Make.series("late", count: 9) + [Make.ago(2000, "late")], policy: policy).verdict == .watch)
    }

    @Test("hourly thresholds of changed-mind can be overridden")
    func hourly() throws {
        let policy = try Self.policy("policy:\n  changed-mind:\n    hourly: { fire: 6 }\n")
        #expect(policy.rule("changed-mind")?.hourly == Rule.Thresholds(watch: 4, fire: 6))
        #expect(policy.rule("changed-mind")?.origin(of: "hourly.fire").line == 3)
        #expect(Make.assess(Make.series("changed-mind", count: 6), billing: .hourly, policy: policy).verdict == .fire)
        #expect(Make.assess(Make.series("changed-mind", count: 5), billing: .hourly, policy: policy).verdict == .watch)
    }

    @Test("unknown rule names get a suggestion and the line")
    func unknownRule() throws {
        let problems = try Self.problems("policy:\n  lat: { fire: 2 }\n  abuse: { fire: 1 }\n")
        #expect(problems.count == 2)
        #expect(problems[0].line == 2)
        #expect(problems[0].message == "unknown rule 'lat' (did you mean 'late'?)")
        #expect(problems[1].line == 3)
        #expect(problems[1].message.contains("'abuse-physical' and 'abuse-verbal'"))
        #expect(problems.allSatisfy { $0.file == "redflag.yml" && $0.severity == .error })
    }

    @Test("invalid values are errors with file, line and message; every problem is reported")
    func invalidValues() throws {
        let problems = try Self.problems(
            """
            policy:
              late:
                watch: two
                fire: 0
                window: -3
                weight: heavy
                enabled: maybe
                fiire: 3
              lie: [1, 2]
            """)
        #expect(problems.map(\.line) == [3, 4, 5, 6, 7, 8, 9])
        #expect(
            problems[0].message == "'policy.late.watch' must be a whole number from 1 to 10000 or 'never', found 'two'")
        #expect(problems[5].message == "unknown key 'policy.late.fiire' (did you mean 'fire'?)")
        #expect(problems[6].message.hasPrefix("'lie' must be a mapping of overrides"))
        #expect(problems[0].description.hasPrefix("redflag.yml:3:"))
    }

    @Test("watch must stay below fire; a rule that can never trigger is an error")
    func inconsistentThresholds() throws {
        let problems = try Self.problems("policy:\n  late: { watch: 3 }\n  lie: { fire: never }\n")
        #expect(problems.count == 2)
        #expect(problems[0].message == "'late': watch (3) must be below fire (3)")
        #expect(problems[0].line == 2)
        #expect(problems[1].message.contains("can never trigger"))
        #expect(problems[1].hint == "to switch the rule off, write 'lie: { enabled: false }'")
    }

    @Test("a policy section that is not a mapping, and duplicate rules, are errors")
    func shapeErrors() throws {
        #expect(try Self.problems("policy: [late]\n").first?.message.hasPrefix("'policy' must be a mapping") == true)
        // Duplicate keys never reach the policy: the YAML layer rejects them.
        #expect(throws: ConfigurationError.self) {
            try Self.policy("policy:\n  late: { fire: 4 }\n  late: { fire: 5 }\n")
        }
    }

    @Test("softening can be tuned")
    func softening() throws {
        let policy = try Self.policy("policy:\n  softening: { positives: 5, quiet: 30 }\n")
        #expect(policy.softening.positives == 5)
        #expect(policy.softening.quiet == 30)
        #expect(policy.softening.window == 365)
        #expect(policy.softening.origin(of: "quiet").line == 2)
        #expect(try Self.problems("policy:\n  softening: { positives: 0, calm: 3 }\n").count == 2)
    }

    // MARK: printing

    @Test("the printout says where each value came from")
    func printout() throws {
        let policy = try Self.policy("policy:\n  late: { fire: 4 }\n")
        let yaml = policy.yaml()
        #expect(yaml.contains("policy:\n"))
        let lines = yaml.split(separator: "\n").map(String.init)
        let late = try #require(lines.firstIndex(of: "  late:"))
        let fire = try #require(lines[late...].first { $0.hasPrefix("    fire:") })
        let watch = try #require(lines[late...].first { $0.hasPrefix("    watch:") })
        #expect(fire.hasPrefix("    fire: 4 "))
        #expect(fire.hasSuffix("# redflag.yml:2"))
        #expect(watch.hasSuffix("# default"))
        #expect(yaml.contains("# policy digest: sha256:" + policy.digest))
    }

    @Test(
        "the printout is a valid redflag.yml that gives back the same policy",
        arguments: [
            "",
            "policy:\n  late: { watch: 2, fire: 4, window: 180 }\n  changed-mind: off\n  unreasonable: { weight: 0.25 }\n",
            "policy:\n  changed-mind: { hourly: { watch: 2, fire: 3 } }\n  softening: { enabled: false, positives: 7 }\n",
        ])
    func roundTrip(text: String) throws {
        let policy = try Self.policy(text)
        let reread = try Self.policy(policy.yaml())
        #expect(reread.digest == policy.digest)
        #expect(reread.rules.map(\.thresholds) == policy.rules.map(\.thresholds))
    }

    // MARK: digests

    @Test("the policy digest is stable, and sensitive to any change of the rules in force")
    func policyDigest() throws {
        let digest = Policy.standard.digest
        #expect(digest.count == 64)
        #expect(digest.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(Policy.standard.digest == digest)
        #expect(try Self.policy("policy:\n  late: { fire: 3 }\n").digest == digest)
        #expect(try Self.policy("# moved\n\npolicy:\n  late: { fire: 3 }\n").digest == digest)
        #expect(try Self.policy("policy:\n  late: { fire: 4 }\n").digest != digest)
        #expect(try Self.policy("policy:\n  late: { weight: 1.6 }\n").digest != digest)
        #expect(try Self.policy("policy:\n  late: off\n").digest != digest)
        #expect(try Self.policy("policy:\n  softening: { quiet: 91 }\n").digest != digest)
    }

    @Test("the input digest ignores file order and sees any change of path or byte")
    func inputDigest() {
        let files = [
            (path: "a.md", text: "# A\n#late\n"), (path: "b/c.md", text: "x"), (path: "redflag.yml", text: ""),
        ]
        let digest = InputDigest.of(files)
        #expect(digest.count == 64)
        #expect(InputDigest.of(files.reversed()) == digest)
        #expect(InputDigest.of([(path: "a.md", text: "# A\n#late \n")] + files.dropFirst()) != digest)
        #expect(InputDigest.of([(path: "A.md", text: "# A\n#late\n")] + files.dropFirst()) != digest)
        #expect(InputDigest.of(Array(files.dropLast())) != digest)
        #expect(InputDigest.of([(path: "ab", text: "c")]) != InputDigest.of([(path: "a", text: "bc")]))
        #expect(InputDigest.of([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
