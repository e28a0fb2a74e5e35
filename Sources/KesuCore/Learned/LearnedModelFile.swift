import Foundation

/// `Knowledge/learned.tsv`: the learned weights as text, one n-gram per line, so that a change
/// of the labelled sets shows up as a reviewable diff and a damaged file is reported by line.
///
///     # comments
///     gram	idf	emotion:0	…	type:ordinary	…	situation:billing	…
///     (bias)	-	-1.2	…
///     太	2.4107	-0.31	…
///
/// Tab, newline and backslash inside an n-gram are written `\t`, `\n`, `\\`.
public enum LearnedModelFile {
  static let biasName = "(bias)"

  /// The model in the file's text, or nil after reporting every problem to `sink`.
  /// `situations`: the ids a `situation:` output may name.
  static func read(
    _ text: String, file: String, types: Set<String> = [], situations: Set<String>, sink: DiagnosticSink
  ) -> LearnedModel? {
    var outputs: [String] = []
    var source = ""
    var grams: [UInt64] = []
    var idf: [Float] = []
    var weights: [Float] = []
    var bias: [Float]?
    var firstLine: [UInt64: Int] = [:]
    let errorsBefore = sink.diagnostics.count
    func error(_ line: Int, _ message: String) { sink.error(message, at: SourceLocation(file: file, line: line, column: 1)) }

    // Split on bytes, not Characters: the file has tens of thousands of lines of 30 fields.
    for (index, raw) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
      let line = index + 1
      let content = Substring(raw.last == 0x0D ? raw.dropLast() : raw)
      if content.isEmpty { continue }
      if content.hasPrefix("#") {
        if content.hasPrefix("# source: ") { source = String(content.dropFirst("# source: ".count)) }
        continue
      }
      let fields = content.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
      if outputs.isEmpty {
        guard fields.count > 2, fields[0] == "gram", fields[1] == "idf" else {
          error(line, "the first line must be 'gram<TAB>idf<TAB>' and the outputs (emotion:0 … situation:billing …)")
          return nil
        }
        outputs = fields.dropFirst(2).map(String.init)
        guard Array(outputs.prefix(4)) == (0...3).map({ "emotion:\($0)" }) else {
          error(line, "the outputs must begin with emotion:0, emotion:1, emotion:2, emotion:3 (one softmax), then the types and the situations")
          return nil
        }
        for (column, output) in outputs.enumerated() where !isKnown(output, types, situations) {
          sink.error(
            "unknown output '\(output)': an output is emotion:0 to emotion:3, type:<an id of types.yaml> or situation:<an id of situations.yaml>",
            at: SourceLocation(file: file, line: line, column: column + 3))
        }
        let typeOutputs = outputs.dropFirst(4).prefix { $0.hasPrefix("type:") }.count
        if outputs.dropFirst(4 + typeOutputs).contains(where: { $0.hasPrefix("type:") }) {
          error(line, "the type: outputs must come together, right after the emotion outputs (one softmax)")
        }
        continue
      }
      guard fields.count == outputs.count + 2 else {
        error(line, "expected \(outputs.count + 2) tab-separated columns, found \(fields.count)")
        continue
      }
      var numbers: [Float] = []
      numbers.reserveCapacity(outputs.count)
      for (column, field) in fields.dropFirst(2).enumerated() {
        guard let number = number(field), number.isFinite else {
          error(line, "'\(field)' in column \(column + 3) is not a number")
          break
        }
        numbers.append(number)
      }
      guard numbers.count == outputs.count else { continue }
      if fields[0] == biasName {
        if bias != nil { error(line, "a second \(biasName) line") }
        bias = numbers
        continue
      }
      let scalars = unescape(fields[0]).unicodeScalars.map(\.value)
      guard (1...3).contains(scalars.count) else {
        error(line, "an n-gram has 1 to 3 characters, '\(fields[0])' has \(scalars.count)")
        continue
      }
      guard let value = number(fields[1]), value.isFinite, value > 0 else {
        error(line, "the idf '\(fields[1])' is not a positive number")
        continue
      }
      let key = scalars.withUnsafeBufferPointer { GramTable.key($0, start: 0, length: $0.count) }
      if let first = firstLine[key] {
        error(line, "the n-gram '\(fields[0])' is already on line \(first)")
        continue
      }
      firstLine[key] = line
      grams.append(key)
      idf.append(value)
      weights += numbers
    }
    if outputs.isEmpty { error(1, "no 'gram<TAB>idf<TAB>…' header line: the file holds no weights") }
    guard let bias else {
      if !outputs.isEmpty { error(1, "no \(biasName) line") }
      return nil
    }
    guard sink.diagnostics.count == errorsBefore else { return nil }
    return LearnedModel(outputs: outputs, grams: grams, idf: idf, weights: weights, bias: bias, source: source)
  }

  /// A number as `kb train` writes it (`-0.1234`, `2`), read straight from the bytes; anything
  /// else (an exponent, a hand edit) goes through `Float.init`.
  static func number(_ field: Substring) -> Float? {
    var bytes = field.utf8[...]
    let negative = bytes.first == 0x2D
    if negative { bytes = bytes.dropFirst() }
    var value: Double = 0
    var scale: Double = 0
    var digits = 0
    for byte in bytes {
      switch byte {
      case 0x30...0x39:
        value = value * 10 + Double(byte - 0x30)
        digits += 1
        if scale != 0 { scale *= 10 }
      case 0x2E where scale == 0: scale = 1
      default: return Float(field)
      }
    }
    guard digits > 0, digits < 16 else { return Float(field) }
    if scale > 1 { value /= scale }
    return Float(negative ? -value : value)
  }

  static func isKnown(_ output: String, _ types: Set<String>, _ situations: Set<String>) -> Bool {
    if output.hasPrefix("emotion:") { return ["0", "1", "2", "3"].contains(output.dropFirst("emotion:".count)) }
    if output.hasPrefix("type:") { return types.contains(String(output.dropFirst("type:".count))) }
    if output.hasPrefix("situation:") { return situations.contains(String(output.dropFirst("situation:".count))) }
    return false
  }

  /// The file's text for `model`.
  public static func text(_ model: LearnedModel) -> String {
    var text = "# Learned weights: written by `kesu kb train`, not by hand (docs/KNOWLEDGE.md, \"Learned weights\").\n"
    text += "# source: \(model.source)\n"
    text += "gram\tidf\t" + model.outputs.joined(separator: "\t") + "\n"
    text += biasName + "\t-\t" + model.bias.map(number).joined(separator: "\t") + "\n"
    let width = model.outputs.count
    for (row, gram) in model.grams.enumerated() {
      var view = String.UnicodeScalarView()
      for value in GramTable.scalars(of: gram) { if let scalar = Unicode.Scalar(value) { view.append(scalar) } }
      let rowWeights = model.weights[(row * width)..<((row + 1) * width)]
      text += escape(String(view)) + "\t" + number(model.idf[row]) + "\t"
        + rowWeights.map(number).joined(separator: "\t") + "\n"
    }
    return text
  }

  /// Four decimals, and a plain 0 for what rounds to nothing: the file stays small and diffable.
  static func number(_ value: Float) -> String {
    let rounded = (Double(value) * 10_000).rounded() / 10_000
    if rounded == 0 { return "0" }
    var text = String(format: "%.4f", rounded)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  static func escape(_ gram: String) -> String {
    gram.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
      .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
  }

  static func unescape(_ field: Substring) -> String {
    guard field.contains("\\") else { return String(field) }
    var result = ""
    var escaped = false
    for character in field {
      if escaped {
        result.append(character == "t" ? "\t" : character == "n" ? "\n" : character == "r" ? "\r" : character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else {
        result.append(character)
      }
    }
    return result
  }
}
