import ArgumentParser
import RedflagKit

/// `--redact`, for outputs meant to be shared (dossier, triage, site).
struct RedactOption: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "Mask e-mails, phone numbers, amounts, IBANs, contacts and the names under 'redact:' in redflag.yml "
                + "(tags and dates kept), to share the output."))
    var redact = false

    /// `judgement`, masked when `--redact` is given.
    func apply(_ judgement: Judgement, workspace: Workspace, journal: Journal) -> Judgement {
        redact ? workspace.redacted(judgement, journal: journal) : judgement
    }

    /// `provenance` of the unmasked `dossier`, masked when `--redact` is given.
    func apply(_ provenance: Provenance?, of dossier: Dossier, workspace: Workspace, journal: Journal) -> Provenance? {
        guard redact, let provenance else { return provenance }
        return workspace.redacted(provenance, of: dossier, journal: journal)
    }
}
