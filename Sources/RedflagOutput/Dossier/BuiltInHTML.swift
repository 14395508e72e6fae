/// The built-in `dossier` (with its `entry` partial) and `triage` templates written out in Swift:
/// the same bytes swift-mustache makes from `Resources/templates/*.mustache`, at a fraction of the
/// cost (no lookups by name, no dynamic casts, no intermediate strings per section).
///
/// `HTMLTemplates` uses it only while the templates a page needs are the built-in ones; a template
/// given with `--templates` goes through Mustache. Every string of a view is escaped by
/// `HTML.escape` (the same characters, Character by Character, as Mustache's `{{...}}`); only the
/// generated charts and cmark's safe HTML of an entry are inserted raw, as `{{{...}}}` does.
/// `BuiltInHTMLTests` renders many pages both ways and asserts equal bytes, so the two cannot drift:
/// a change to a `.mustache` file must be made here too.
enum BuiltInHTML {
    /// The `dossier` template, `style` being the text of the `style` partial.
    static func dossier(_ view: HTMLView.DossierView, style: String) -> String {
        var out = ""
        out.reserveCapacity(16_384 + style.utf8.count + view.months.count * 4_096)
        head(title: view.title, style: style, into: &out)
        out += "<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header class=\"page\">\n"
        if view.hasIndexLink {
            out += #"<p class="nav"><a href=""#
            HTML.escape(view.indexLink, into: &out)
            out += #"">← All clients</a></p>"#
        }
        out += "\n<p class=\"note\">Client dossier · <code>"
        HTML.escape(view.client.id, into: &out)
        out += "</code></p>\n<h1 id=\"client-name\">"
        HTML.escape(view.client.name, into: &out)
        out += "</h1>\n</header>\n<main id=\"main\">\n<section class=\"verdict-box "
        HTML.escape(view.verdict.word, into: &out)
        out +=
            "\" aria-labelledby=\"verdict-heading\">\n<h2 id=\"verdict-heading\" class=\"box-heading\">Verdict</h2>\n"
        out += #"<p class="big"><span class="verdict verdict-"#
        HTML.escape(view.verdict.word, into: &out)
        out += #"" id="verdict"><span aria-hidden="true">"#
        HTML.escape(view.verdict.symbol, into: &out)
        out += "</span> "
        HTML.escape(view.verdict.headline, into: &out)
        out += "</span>\n<span class=\"score\">score "
        out += String(view.score)
        out += "/100</span> <span class=\"note\">as of "
        HTML.escape(view.asOf, into: &out)
        out += "</span></p>\n"
        if view.hasScoreChart {
            out += #"<p class="score-line"><span class="note">Score, last 12 months:</span> "#
            out += view.scoreChart
            out += #" <span class="note">"#
            HTML.escape(view.scoreLine, into: &out)
            out += "</span></p>"
        }
        out += "\n<p class=\"lead\">"
        HTML.escape(view.summary, into: &out)
        out += "</p>\n<p>"
        HTML.escape(view.verdict.recommendation, into: &out)
        out += "</p>\n"
        if view.hasTodo {
            out += "<h3 class=\"box-heading\">What to do</h3>\n<ul class=\"todo\">\n"
            for item in view.todo {
                out += "<li>"
                HTML.escape(item, into: &out)
                out += "</li>\n"
            }
            out += "</ul>"
        }
        out += "\n"
        if view.hasBillingNote {
            out +=
                "<p class=\"note\">Billing: judged as fixed price: add <code>billing:</code> to the front matter.</p>"
        }
        out += "\n</section>\n\n<section aria-labelledby=\"why\">\n<h2 id=\"why\">Why</h2>\n"
        if !view.hasReasons {
            out += "<p>No warning sign has reached the point of watching this client.</p>"
        }
        out += "\n"
        for reason in view.reasons {
            out += "<article class=\"reason\" id=\"reason-"
            HTML.escape(reason.rule, into: &out)
            out += "\">\n<h3><span>"
            out += String(reason.number)
            out += ". #"
            HTML.escape(reason.tag, into: &out)
            out += #"</span> <span class="verdict verdict-"#
            HTML.escape(reason.outcome.word, into: &out)
            out += #""><span aria-hidden="true">"#
            HTML.escape(reason.outcome.symbol, into: &out)
            out += "</span> "
            HTML.escape(reason.outcome.label, into: &out)
            out += "</span>"
            if reason.softened {
                out += " <span class=\"note\">(softened to keep by recent good entries)</span>"
            }
            out += "</h3>\n<p>"
            HTML.escape(reason.summary, into: &out)
            out += ".</p>\n<p class=\"principle\">"
            HTML.escape(reason.principle, into: &out)
            out += "</p>\n<dl>\n"
            if reason.hasAdvice {
                out += "<dt>What to do</dt><dd>"
                HTML.escape(reason.advice, into: &out)
                out += "</dd>"
            }
            out += "\n"
            if reason.hasNextThreshold {
                out += "<dt>Next</dt><dd>"
                HTML.escape(reason.nextThreshold, into: &out)
                out += "</dd>"
            }
            out += "\n<dt>Evidence</dt><dd>"
            HTML.escape(reason.entryCount, into: &out)
            out += "</dd>\n</dl>\n<ul class=\"evidence\">\n"
            citations(reason.entries, into: &out)
            out += "</ul>\n</article>\n"
        }
        if view.hasNoted {
            out += "<h3>Noted, below any threshold</h3>\n<ul class=\"noted\">\n"
            for reason in view.noted {
                out += "<li>#"
                HTML.escape(reason.tag, into: &out)
                out += ": "
                HTML.escape(reason.summary, into: &out)
                out += ".\n<ul class=\"evidence\">\n"
                citations(reason.entries, into: &out)
                out += "</ul></li>\n"
            }
            out += "</ul>\n"
        }
        out += "</section>\n"
        if view.hasClosures {
            out += "\n<section aria-labelledby=\"closed\">\n<h2 id=\"closed\">Closed</h2>\n"
            out += "<p class=\"note\">Incidents closed by a later entry are history: not counted, shown here.</p>\n"
            out += "<ul class=\"closures\">\n"
            for closure in view.closures {
                out += "<li>"
                if closure.applied {
                    out += "<strong>"
                    HTML.escape(closure.sign, into: &out)
                    out += "</strong> closed on "
                    HTML.escape(closure.date, into: &out)
                    out += " ("
                    HTML.escape(closure.kind, into: &out)
                    out += ") because “"
                    HTML.escape(closure.reason, into: &out)
                    out += "” ("
                    reference(anchor: closure.anchor, reference: closure.reference, into: &out)
                    out += ")"
                    if closure.hasNote {
                        out += " <span class=\"note\">"
                        HTML.escape(closure.note, into: &out)
                        out += "</span>"
                    }
                } else {
                    out += "<strong>"
                    HTML.escape(closure.sign, into: &out)
                    out += "</strong>: #"
                    HTML.escape(closure.kind, into: &out)
                    out += " on "
                    HTML.escape(closure.date, into: &out)
                    out += " not applied: "
                    HTML.escape(closure.note, into: &out)
                    out += " ("
                    reference(anchor: closure.anchor, reference: closure.reference, into: &out)
                    out += ")"
                }
                out += "\n<ul class=\"evidence\">\n"
                citations(closure.closed, into: &out)
                out += "</ul></li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        out += "\n<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n<table>\n"
        out += "<caption class=\"note\">Facts from the notes and their front matter</caption>\n<tbody>\n"
        out += "<tr><th scope=\"row\">Client</th><td>"
        HTML.escape(view.client.name, into: &out)
        out += " (<code>"
        HTML.escape(view.client.id, into: &out)
        out += "</code>)</td></tr>\n"
        for fact in view.facts {
            out += "<tr><th scope=\"row\">"
            HTML.escape(fact.label, into: &out)
            out += "</th><td>"
            HTML.escape(fact.value, into: &out)
            out += "</td></tr>\n"
        }
        out += "</tbody>\n</table>\n<h3 id=\"chart-heading\">Incidents per month</h3>\n"
        if view.hasChart { out += view.chart }
        out += "\n"
        if !view.hasChart { out += "<p>No dated entries to chart.</p>" }
        out += "\n<h3>Tags</h3>\n"
        out += "<p class=\"note\">Each tag as often as it is written: a tag on a dated heading or in front matter"
        out += " counts once.</p>\n<table>\n"
        out += #"<thead><tr><th scope="col">Tag</th><th scope="col" class="num">Count</th><th scope="col">Kind</th>"#
        out += "</tr></thead>\n<tbody>\n"
        for tag in view.tagCounts {
            out += "<tr><th scope=\"row\">#"
            HTML.escape(tag.tag, into: &out)
            out += "</th><td class=\"num\">"
            out += String(tag.count)
            out += "</td><td>"
            HTML.escape(tag.kind, into: &out)
            out += "</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n\n<section aria-labelledby=\"timeline\">\n"
        out += "<h2 id=\"timeline\">Timeline</h2>\n<p class=\"note\">"
        HTML.escape(view.entryCount, into: &out)
        out += ", newest month first; entries in date order within a month.</p>\n"
        for month in view.months {
            out += "<section class=\"month\" aria-labelledby=\"m-"
            HTML.escape(month.month, into: &out)
            out += "\">\n<h3 id=\"m-"
            HTML.escape(month.month, into: &out)
            out += "\">"
            HTML.escape(month.month, into: &out)
            out += " <span class=\"note\">("
            out += String(month.count)
            out += ")</span></h3>\n<ol class=\"entries\">\n"
            for entry in month.entries { self.entry(entry, into: &out) }
            out += "\n</ol>\n</section>\n"
        }
        if view.hasUndated {
            out += "<section class=\"month\" aria-labelledby=\"m-undated\">\n<h3 id=\"m-undated\">Undated</h3>\n"
            out += "<ol class=\"entries\">\n"
            for entry in view.undated { self.entry(entry, into: &out) }
            out += "\n</ol>\n</section>\n"
        }
        out += "</section>\n"
        if view.hasProvenance {
            out += "<section aria-labelledby=\"provenance\">\n<h2 id=\"provenance\">Provenance</h2>\n<p class=\"note\">"
            HTML.escape(view.provenanceNote, into: &out)
            out += "</p>\n"
            if view.hasProvenanceLate {
                out += "<p><strong>"
                HTML.escape(view.provenanceLate, into: &out)
                out += "</strong></p>"
            }
            out += "\n<ul>\n"
            for item in view.provenance {
                out += "<li>"
                link(anchor: item.anchor, date: item.date, reference: item.reference, into: &out)
                out += ": "
                HTML.escape(item.sentence, into: &out)
                if item.late { out += " — <strong>written after the fact</strong>" }
                out += "</li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        out += "</main>\n"
        footer(asOf: view.asOf, policyDigest: view.policyDigest, inputDigest: view.inputDigest, into: &out)
        if view.hasEvidence {
            out += "<details class=\"manifest\"><summary>Evidence manifest: SHA-256 of each cited file and entry"
            out += " when this page was made (<code>redflag verify</code> checks the JSON dossier)</summary>\n"
            out += "<table>\n<thead><tr><th scope=\"col\">Cited</th><th scope=\"col\">SHA-256</th></tr></thead>\n"
            out += "<tbody>\n"
            for item in view.evidence {
                out += "<tr><td><code>"
                HTML.escape(item.reference, into: &out)
                out += "</code>"
                if item.isFile { out += " (file)" }
                out += "</td><td><code class=\"hash\">"
                HTML.escape(item.sha256, into: &out)
                out += "</code></td></tr>\n"
            }
            out += "</tbody>\n</table>\n</details>\n"
        }
        out += "<p>Generated by redflag. The same notes, policy and as-of date always give the same verdict.</p>\n"
        out += "</footer>\n</body>\n</html>\n"
        return out
    }

    /// The `triage` template, `style` being the text of the `style` partial.
    static func triage(_ view: HTMLView.TriageView, style: String) -> String {
        var out = ""
        out.reserveCapacity(8_192 + style.utf8.count + view.clients.count * 2_048)
        head(title: view.title, style: style, into: &out)
        out += "<body>\n<header class=\"page\">\n<p class=\"note\">redflag triage</p>\n"
        out += "<h1>Clients, most at risk first</h1>\n</header>\n<main id=\"main\">\n<p>"
        HTML.escape(view.tally, into: &out)
        out += ", as of "
        HTML.escape(view.asOf, into: &out)
        out += ".</p>\n"
        out += #"<p class="tally"><span class="verdict verdict-fire"><span aria-hidden="true">✕</span> FIRE "#
        out += String(view.fire)
        out += "</span>\n"
        out += #"<span class="verdict verdict-watch"><span aria-hidden="true">⚠</span> WATCH "#
        out += String(view.watch)
        out += "</span>\n"
        out += #"<span class="verdict verdict-keep"><span aria-hidden="true">✓</span> KEEP "#
        out += String(view.keep)
        out += "</span></p>\n<table id=\"triage\">\n"
        out += "<caption class=\"note\">Verdict, score (0–100, higher costs more), incidents and the reasons"
        out += " behind each verdict</caption>\n"
        out +=
            #"<thead><tr><th scope="col">Client</th><th scope="col">Verdict</th><th scope="col" class="num">Score</th>"#
        out += "\n"
        out +=
            #"<th scope="col" class="num">Incidents</th><th scope="col">Last incident</th><th scope="col">Reasons</th>"#
        out += "</tr></thead>\n<tbody>\n"
        for client in view.clients {
            out += "<tr class=\"client\" id=\"c-"
            HTML.escape(client.id, into: &out)
            out += "\">\n<th scope=\"row\">"
            if client.hasLink {
                out += "<a href=\""
                HTML.escape(client.link, into: &out)
                out += "\">"
                HTML.escape(client.name, into: &out)
                out += "</a>"
            } else {
                HTML.escape(client.name, into: &out)
            }
            out += "<br><code class=\"note\">"
            HTML.escape(client.id, into: &out)
            out += "</code></th>\n<td><span class=\"verdict verdict-"
            HTML.escape(client.verdict.word, into: &out)
            out += #""><span aria-hidden="true">"#
            HTML.escape(client.verdict.symbol, into: &out)
            out += "</span> "
            HTML.escape(client.verdict.label, into: &out)
            out += "</span></td>\n<td class=\"num\">"
            out += String(client.score)
            if client.hasScoreChart {
                out += "<br>"
                out += client.scoreChart
            }
            out += "</td>\n<td class=\"num\">"
            out += String(client.incidents)
            out += "</td>\n<td class=\"date\">"
            HTML.escape(client.lastIncident, into: &out)
            out += "</td>\n<td>"
            HTML.escape(client.summary, into: &out)
            if client.hasReasons {
                out += "<br>"
                for reason in client.reasons {
                    out += "<span class=\"tag\">#"
                    HTML.escape(reason.tag, into: &out)
                    out += " → "
                    HTML.escape(reason.outcome, into: &out)
                    out += "</span> "
                }
            }
            out += "</td>\n</tr>\n"
        }
        out += "</tbody>\n</table>\n</main>\n"
        footer(asOf: view.asOf, policyDigest: view.policyDigest, inputDigest: view.inputDigest, into: &out)
        out += "<p>Generated by redflag. The same notes, policy and as-of date always give the same verdicts.</p>\n"
        out += "</footer>\n</body>\n</html>\n"
        return out
    }

    /// The `entry` partial.
    static func entry(_ entry: HTMLView.EntryView, into out: inout String) {
        out += "<li class=\"entry"
        if entry.isIncident { out += " incident" }
        if entry.isPositive { out += " positive" }
        if entry.isFuture { out += " future" }
        out += "\" id=\""
        HTML.escape(entry.anchor, into: &out)
        out += "\">"
        for anchor in entry.sectionAnchors {
            out += "<span class=\"section-anchor\" id=\""
            HTML.escape(anchor.id, into: &out)
            out += "\"></span>"
        }
        out += "\n<div class=\"meta\"><span class=\"date\">"
        HTML.escape(entry.date, into: &out)
        out += "</span>"
        if entry.hasTime {
            out += " <span>"
            HTML.escape(entry.time, into: &out)
            out += "</span>"
        }
        if entry.hasTitle {
            out += " <strong>"
            HTML.escape(entry.title, into: &out)
            out += "</strong>"
        }
        out += "\n"
        for tag in entry.tags {
            out += "<span class=\"tag"
            if tag.isIncident { out += " incident" }
            if tag.isPositive { out += " positive" }
            out += "\">#"
            HTML.escape(tag.name, into: &out)
            out += "</span> "
        }
        out += "\n"
        if entry.isFuture { out += "<span class=\"note\">after the as-of date: not judged</span>" }
        out += "\n<span class=\"ref\">"
        HTML.escape(entry.reference, into: &out)
        out += "</span></div>\n<div class=\"body\">"
        out += entry.body
        out += "</div>\n</li>\n"
    }

    /// Everything up to `</head>`: the same in both pages.
    private static func head(title: String, style: String, into out: inout String) {
        out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
        out += " img-src data:\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"redflag\">\n<title>"
        HTML.escape(title, into: &out)
        out += "</title>\n<style>\n"
        out += style
        out += "</style>\n</head>\n"
    }

    /// The footer's opening and digests: the same in both pages.
    private static func footer(asOf: String, policyDigest: String, inputDigest: String, into out: inout String) {
        out += "<footer class=\"page\">\n<dl>\n<dt>As of</dt><dd>"
        HTML.escape(asOf, into: &out)
        out += "</dd>\n<dt>Policy digest</dt><dd>"
        HTML.escape(policyDigest, into: &out)
        out += "</dd>\n<dt>Input digest</dt><dd>"
        HTML.escape(inputDigest, into: &out)
        out += "</dd>\n</dl>\n"
    }

    /// `{{#entries}}<li>...</li>\n{{/entries}}` of a reason, a noted sign or a closure.
    private static func citations(_ citations: [HTMLView.CitationView], into out: inout String) {
        for citation in citations {
            out += "<li>"
            link(anchor: citation.anchor, date: citation.date, reference: citation.reference, into: &out)
            out += ": “"
            HTML.escape(citation.quote, into: &out)
            out += "”</li>\n"
        }
    }

    /// `<a href="#anchor">date · <span class="ref">reference</span></a>`.
    private static func link(anchor: String, date: String, reference: String, into out: inout String) {
        out += "<a href=\"#"
        HTML.escape(anchor, into: &out)
        out += "\">"
        HTML.escape(date, into: &out)
        out += " · <span class=\"ref\">"
        HTML.escape(reference, into: &out)
        out += "</span></a>"
    }

    /// `<a href="#anchor"><span class="ref">reference</span></a>` of a closure.
    private static func reference(anchor: String, reference: String, into out: inout String) {
        out += "<a href=\"#"
        HTML.escape(anchor, into: &out)
        out += "\"><span class=\"ref\">"
        HTML.escape(reference, into: &out)
        out += "</span></a>"
    }
}
