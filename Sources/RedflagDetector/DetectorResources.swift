import Foundation

/// Where the detector's bundled data (the lexicon, the model) lies on disk, for whoever must notice
/// when it changes (the lint cache keys its findings by it: a rebuilt model changes findings).
public enum DetectorResources {
    /// The folder of the detector's resource bundle.
    public static var folder: String { Bundle.module.bundlePath }
}
