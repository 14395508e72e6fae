internal import Mustache

// The views rendered once per entry answer Mustache's lookups by name directly: without this,
// Mustache finds every value by reflection (`Mirror`), which took most of `redflag site`'s time.
// Each lists all its stored properties (a test holds the lists to `Mirror`'s).

extension HTMLView.EntryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": anchor
        case "sectionAnchors": sectionAnchors
        case "date": date
        case "time": time
        case "hasTime": hasTime
        case "title": title
        case "hasTitle": hasTitle
        case "reference": reference
        case "tags": tags
        case "body": body
        case "isIncident": isIncident
        case "isPositive": isPositive
        case "isFuture": isFuture
        default: nil
        }
    }
}

extension HTMLView.TagView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "isIncident": isIncident
        case "isPositive": isPositive
        default: nil
        }
    }
}

extension HTMLView.AnchorView: MustacheParent {
    func child(named name: String) -> Any? { name == "id" ? id : nil }
}

extension HTMLView.MonthView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "month": month
        case "count": count
        case "entries": entries
        default: nil
        }
    }
}

extension HTMLView.CitationView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": anchor
        case "reference": reference
        case "date": date
        case "quote": quote
        default: nil
        }
    }
}
