import Foundation
internal import Mustache
import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// The Mustache templates of the HTML outputs: `dossier`, `triage` and the shared `style` partial.
///
/// The defaults live in `Resources/templates/*.mustache`; a directory given to `load(overrides:)`
/// replaces any of them by file name (`dossier.mustache`, ...) and may add partials of its own.
/// Templates escape `{{variable}}` by Unicode scalars (`HTML.escape`, not swift-mustache's own
/// Character-by-Character escaping, which leaves a `"` followed by a combining mark raw); only `{{{chart}}}` (generated SVG) and `{{{body}}}` (cmark's safe
/// HTML of an entry) are inserted raw. The variables are documented in docs/dossier.md.
///
/// While a page's templates are the built-in ones (`dossier`, `entry` and `style` for a dossier;
/// `triage` and `style` for the index), the page is made by `BuiltInHTML`, the same bytes at a
/// fraction of swift-mustache's cost; as soon as one of them is overridden, by Mustache.
public struct HTMLTemplates: Sendable {
    /// The templates every renderer needs, by name (file name without `.mustache`).
    public static let names = ["dossier", "entry", "triage", "style"]
    /// The file extension of template files.
    public static let fileExtension = "mustache"

    let library: MustacheLibrary
    /// The names whose text is the built-in template's, byte for byte (empty unless `load` made it).
    var builtIn: Set<String> = []
    /// The text of the `style` partial, inserted as is by `BuiltInHTML`.
    let style: String

    /// Parses `sources` (template name → Mustache text). Every name of `names` must be present.
    /// Every page is rendered by Mustache from them (`load` also renders the built-in ones natively).
    public init(sources: [String: String]) throws(TemplateError) {
        _ = ScalarHTMLContentType.registered
        var library = MustacheLibrary()
        for name in sources.keys.sorted() {
            do {
                // Every template (partials too: swift-mustache starts each partial in its own HTML
                // content type) escapes `{{...}}` with `HTML.escape`. The pragma stands alone on a
                // line of its own, so it adds no byte to the output.
                try library.register(ScalarHTMLContentType.pragma + (sources[name] ?? ""), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // Lines as the user wrote them: the pragma's line is not theirs.
                throw TemplateError(
                    message: "template '\(name).\(HTMLTemplates.fileExtension)' is invalid: line "
                        + "\(error.context.lineNumber - 1), column \(error.context.columnNumber): \(error.error)")
            } catch {
                throw TemplateError(message: "template '\(name).\(HTMLTemplates.fileExtension)' is invalid: \(error)")
            }
        }
        for name in HTMLTemplates.names where sources[name] == nil {
            throw TemplateError(message: "template '\(name).\(HTMLTemplates.fileExtension)' is missing")
        }
        self.library = library
        self.style = sources["style"] ?? ""
    }

    /// Reads the default templates from the bundle, then every `*.mustache` file of `overrides`
    /// (when given) on top of them.
    public static func load(overrides: String? = nil) throws(TemplateError) -> HTMLTemplates {
        let defaults = try read(directory: defaultDirectory(), required: true)
        var sources = defaults
        if let overrides {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: overrides, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                throw TemplateError(message: "\(overrides): no such template directory")
            }
            sources.merge(try read(directory: URL(fileURLWithPath: overrides), required: false)) { _, new in new }
        }
        var templates = try HTMLTemplates(sources: sources)
        templates.builtIn = Set(names.filter { sources[$0] != nil && sources[$0] == defaults[$0] })
        return templates
    }

    /// These templates with every page rendered by Mustache (`BuiltInHTMLTests` compares the two).
    func mustacheOnly() -> HTMLTemplates {
        var templates = self
        templates.builtIn = []
        return templates
    }

    /// Renders template `name` with `context`; an unknown name renders as empty text.
    func render(_ context: Any, template name: String) -> String {
        HTML.showingControls(library.render(context, withTemplate: name) ?? "")
    }

    /// The dossier page: natively while `dossier`, `entry` and `style` are built in, else by Mustache.
    func render(_ view: HTMLView.DossierView) -> String {
        guard builtIn.isSuperset(of: ["dossier", "entry", "style"]) else { return render(view, template: "dossier") }
        return HTML.showingControls(BuiltInHTML.dossier(view, style: style))
    }

    /// The triage page: natively while `triage` and `style` are built in, else by Mustache.
    func render(_ view: HTMLView.TriageView) -> String {
        guard builtIn.isSuperset(of: ["triage", "style"]) else { return render(view, template: "triage") }
        return HTML.showingControls(BuiltInHTML.triage(view, style: style))
    }

    /// The folder of the bundled resources (the built-in templates): caches of rendered output stamp it.
    public static var bundleFolder: String { Bundle.module.bundlePath }

    static func defaultDirectory() throws(TemplateError) -> URL {
        // Foundation on Linux takes the copied `Resources/` folder as the bundle's resource folder;
        // elsewhere it is a subfolder of it.
        if let url = Bundle.module.url(forResource: "templates", withExtension: nil)
            ?? Bundle.module.url(forResource: "templates", withExtension: nil, subdirectory: "Resources")
        {
            return url
        }
        throw TemplateError(message: "the default templates are missing from the RedflagKit bundle")
    }

    static func read(directory: URL, required: Bool) throws(TemplateError) -> [String: String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw TemplateError(message: "\(directory.path): cannot list the templates")
        }
        var sources: [String: String] = [:]
        for file in names.sorted() where file.hasSuffix("." + fileExtension) {
            let url = directory.appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw TemplateError(message: "\(url.path): cannot read the template")
            }
            sources[String(file.dropLast(fileExtension.count + 1))] = String(decoding: data, as: UTF8.self)
        }
        if required && sources.isEmpty {
            throw TemplateError(message: "\(directory.path): no default templates found")
        }
        return sources
    }
}
