internal import Mustache

// Every view answers Mustache's lookups by name directly: without this,
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

extension HTMLView.VerdictView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "word": word
        case "label": label
        case "symbol": symbol
        case "headline": headline
        case "recommendation": recommendation
        case "isFire": isFire
        case "isWatch": isWatch
        case "isKeep": isKeep
        default: nil
        }
    }
}

extension HTMLView.ReasonView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "rule": rule
        case "tag": tag
        case "outcome": outcome
        case "softened": softened
        case "summary": summary
        case "principle": principle
        case "nextThreshold": nextThreshold
        case "hasNextThreshold": hasNextThreshold
        case "advice": advice
        case "hasAdvice": hasAdvice
        case "entries": entries
        case "entryCount": entryCount
        default: nil
        }
    }
}

extension HTMLView.FactView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        default: nil
        }
    }
}

extension HTMLView.TagCountView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "tag": tag
        case "count": count
        case "kind": kind
        default: nil
        }
    }
}

extension HTMLView.ClientView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        default: nil
        }
    }
}

extension HTMLView.DossierView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "client": client
        case "verdict": verdict
        case "score": score
        case "summary": summary
        case "todo": todo
        case "hasTodo": hasTodo
        case "billingNote": billingNote
        case "hasBillingNote": hasBillingNote
        case "noted": noted
        case "hasNoted": hasNoted
        case "asOf": asOf
        case "policyDigest": policyDigest
        case "inputDigest": inputDigest
        case "reasons": reasons
        case "hasReasons": hasReasons
        case "facts": facts
        case "tagCounts": tagCounts
        case "chart": chart
        case "hasChart": hasChart
        case "months": months
        case "undated": undated
        case "hasUndated": hasUndated
        case "entryCount": entryCount
        case "indexLink": indexLink
        case "hasIndexLink": hasIndexLink
        case "scoreChart": scoreChart
        case "hasScoreChart": hasScoreChart
        case "scoreLine": scoreLine
        case "closures": closures
        case "hasClosures": hasClosures
        case "evidence": evidence
        case "hasEvidence": hasEvidence
        case "provenance": provenance
        case "hasProvenance": hasProvenance
        case "provenanceNote": provenanceNote
        case "provenanceLate": provenanceLate
        case "hasProvenanceLate": hasProvenanceLate
        default: nil
        }
    }
}

extension HTMLView.ProvenanceView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": anchor
        case "date": date
        case "reference": reference
        case "sentence": sentence
        case "late": late
        default: nil
        }
    }
}

extension HTMLView.ClosureView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "sign": sign
        case "kind": kind
        case "date": date
        case "reason": reason
        case "applied": applied
        case "note": note
        case "hasNote": hasNote
        case "anchor": anchor
        case "reference": reference
        case "closed": closed
        default: nil
        }
    }
}

extension HTMLView.EvidenceView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "reference": reference
        case "sha256": sha256
        case "isFile": isFile
        default: nil
        }
    }
}

extension HTMLView.TriageReasonView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "tag": tag
        case "outcome": outcome
        default: nil
        }
    }
}

extension HTMLView.TriageClientView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "link": link
        case "hasLink": hasLink
        case "verdict": verdict
        case "score": score
        case "incidents": incidents
        case "lastIncident": lastIncident
        case "summary": summary
        case "reasons": reasons
        case "hasReasons": hasReasons
        case "scoreChart": scoreChart
        case "hasScoreChart": hasScoreChart
        default: nil
        }
    }
}

extension HTMLView.TriageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "asOf": asOf
        case "policyDigest": policyDigest
        case "inputDigest": inputDigest
        case "tally": tally
        case "fire": fire
        case "watch": watch
        case "keep": keep
        case "clients": clients
        default: nil
        }
    }
}
