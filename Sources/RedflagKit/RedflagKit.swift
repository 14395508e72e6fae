// RedflagKit is the library a program embedding redflag imports: it re-exports every stage of the
// pipeline and adds the entry point, `Workspace`, with the errors that stop a command, `RedflagError`.
@_exported import RedflagCore
@_exported import RedflagJournal
@_exported import RedflagJudgement
@_exported import RedflagLint
@_exported import RedflagOutput
