import RedflagKit

/// libFuzzer's entry point: one input is the bytes of one notes file (and, read again, of a
/// redflag.yml); every stage of the pipeline runs over it (`PipelineProbe`). A crash, a sanitizer
/// report or a run past libFuzzer's `-timeout` is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func redflagFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    PipelineProbe.run(bytes)
    return 0
}

/// libFuzzer's driver (compiler-rt), which parses the fuzzer's flags and runs the loop.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's `main` to `<module>_main`; here that hands over to libFuzzer.
@_cdecl("RedflagFuzz_main")
public func redflagFuzzMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, redflagFuzzOneInput)
}
