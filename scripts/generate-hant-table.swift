// Prints every Traditional character whose Simplified form (ICU "Hant-Hans") differs, as pairs.
// Usage: swiftc -O scripts/generate-hant-table.swift -o /tmp/gen && /tmp/gen > pairs.txt
import Foundation
var pairs: [(Unicode.Scalar, Unicode.Scalar)] = []
let ranges: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF]
for r in ranges {
  var chars: [Unicode.Scalar] = []
  for v in r { if let s = Unicode.Scalar(v) { chars.append(s) } }
  // convert in chunks separated by newlines to keep it per char
  let joined = chars.map { String($0) }.joined(separator: "\n")
  guard let out = joined.applyingTransform(StringTransform("Hant-Hans"), reverse: false) else { fatalError() }
  let parts = out.components(separatedBy: "\n")
  precondition(parts.count == chars.count, "count mismatch \(parts.count) \(chars.count)")
  for (c, p) in zip(chars, parts) {
    let ps = Array(p.unicodeScalars)
    if ps.count == 1 && ps[0] != c { pairs.append((c, ps[0])) }
  }
}
var s = ""
for (a, b) in pairs { s.unicodeScalars.append(a); s.unicodeScalars.append(b) }
FileHandle.standardError.write("\(pairs.count) pairs\n".data(using: .utf8)!)
// The pairs are pasted, 40 to a line, into Sources/KesuCore/Text/HantToHansTable.swift.
FileHandle.standardOutput.write(s.data(using: .utf8)!)
