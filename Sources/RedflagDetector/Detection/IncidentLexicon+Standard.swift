import Foundation
import RedflagCore
import RedflagJournal

extension IncidentLexicon {
    /// The built-in English and Russian lexicon for the nine text-detectable signs, read once from
    /// the bundled `Resources/lexicon/<sign>.yml` files.
    ///
    /// Should a bundled file be damaged, this is the valid rest and `standardProblems` says what is
    /// wrong; nothing crashes.
    public static var standard: IncidentLexicon { bundled.lexicon }

    /// Problems met reading the bundled lexicon: empty unless redflag itself is broken. Each is an
    /// internal error naming the bundled file (its path on disk) and line.
    public static var standardProblems: [Diagnostic] { bundled.diagnostics }

    private static let bundled: (lexicon: IncidentLexicon, diagnostics: [Diagnostic]) = {
        // Foundation on Linux takes the copied `Resources/` folder as the bundle's resource folder;
        // elsewhere it is a subfolder of it.
        guard
            let directory = Bundle.module.url(forResource: "lexicon", withExtension: nil)
                ?? Bundle.module.url(forResource: "lexicon", withExtension: nil, subdirectory: "Resources")
        else {
            return (
                IncidentLexicon(cues: [:]),
                [internalError(file: Bundle.module.bundlePath, message: "the built-in lexicon folder is missing")]
            )
        }
        return load(directory: directory)
    }()

    static let bundleName = "RedflagDetector/lexicon"

    /// Reads every `<sign>.yml` of `directory` (other files are ignored).
    static func load(directory: URL) -> (lexicon: IncidentLexicon, diagnostics: [Diagnostic]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            return (
                IncidentLexicon(cues: [:]),
                [internalError(file: directory.path, message: "cannot list the built-in lexicon folder")]
            )
        }
        var files: [(name: String, text: String)] = []
        var diagnostics: [Diagnostic] = []
        for name in names.sorted() where name.hasSuffix(".yml") {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path),
                let text = String(data: data, encoding: .utf8)
            else {
                diagnostics.append(
                    internalError(file: url.path, message: "cannot read the file as UTF-8"))
                continue
            }
            files.append((name, text))
        }
        let (lexicon, problems) = load(files: files, location: directory.path)
        return (lexicon, diagnostics + problems)
    }

    /// Reads the lexicon from `(file name, YAML text)` pairs, one file per sign (`late.yml`), found
    /// in the folder `location`. Every problem is an internal error naming the file
    /// (`location/name`) and line; the valid rest is returned.
    static func load(files: [(name: String, text: String)], location: String = bundleName) -> (
        lexicon: IncidentLexicon, diagnostics: [Diagnostic]
    ) {
        var lexicon = IncidentLexicon(cues: [:])
        var diagnostics: [Diagnostic] = []
        for (name, text) in files {
            let file = "\(location)/\(name)"
            let sign = String(name.dropLast(".yml".count))
            guard Vocabulary.signs.contains(sign) else {
                diagnostics.append(
                    internalError(
                        file: file, message: "'\(sign)' is not a sign",
                        detail: "name each file after a sign: \(Vocabulary.signs.joined(separator: ", "))"))
                continue
            }
            let value: YAMLValue?
            do {
                value = try YAMLValue.parse(text)
            } catch {
                diagnostics.append(
                    internalError(file: file, line: error.line, column: error.column, message: error.message))
                continue
            }
            let (part, problems) = signFile(sign, yaml: value, file: file)
            diagnostics += problems.map {
                internalError(
                    file: $0.file, line: $0.line, column: $0.column, message: $0.message, detail: $0.hint)
            }
            lexicon.cues.merge(part.cues) { $1 }
            lexicon.exclusions.merge(part.exclusions) { $1 }
            lexicon.counterEvidence.merge(part.counterEvidence) { $1 }
            lexicon.precedence.merge(part.precedence) { $1 }
            lexicon.personal.formUnion(part.personal)
        }
        for sign in Vocabulary.signs
        where lexicon.cues[sign] == nil
            && !diagnostics.contains(where: {
                $0.file == "\(location)/\(sign).yml"
            })
        {
            diagnostics.append(internalError(file: "\(location)/\(sign).yml", message: "the file is missing"))
        }
        return (lexicon, diagnostics)
    }

    private static func internalError(
        file: String, line: Int? = nil, column: Int? = nil, message: String, detail: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            .error, file: file, line: line, column: column,
            message: "internal error in redflag's built-in lexicon: \(message)",
            hint: [detail, "this is a bug in redflag, not in your notes or redflag.yml: please report it"]
                .compactMap { $0 }.joined(separator: "; "))
    }
}
