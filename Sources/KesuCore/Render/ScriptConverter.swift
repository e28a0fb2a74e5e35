import Foundation

/// Simplified ↔ Traditional for display. Output is short, so ICU's transform is fast enough here
/// (input folding uses the per-character table of `TextNormalizer` instead).
public enum ScriptConverter {
  public static func toTraditional(_ text: String) -> String {
    text.applyingTransform(StringTransform("Hans-Hant"), reverse: false) ?? text
  }

  /// Whether the text contains Traditional characters (that fold to something else).
  public static func looksTraditional(_ text: String, normalizer: TextNormalizer = .shared) -> Bool {
    var traditional = 0
    // Ideographs only: full-width punctuation folds too, but says nothing about the script.
    for scalar in text.unicodeScalars
    where (0x3400...0x9FFF).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value) || scalar.value >= 0x20000 {
      if normalizer.fold(scalar.value) != scalar.value { traditional += 1 }
    }
    return traditional > 0
  }
}
