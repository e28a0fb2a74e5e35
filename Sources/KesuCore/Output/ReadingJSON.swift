/// The JSON contract of `kesu classify --json` and `kesu check --json` (documented in README.md).
extension JSONWriter {
  public mutating func label(_ name: String?, _ label: Reading.Label) {
    beginObject(name)
    string("id", label.id)
    string("name", label.name)
    double("confidence", label.confidence)
    endObject()
  }

  /// The fields of a reading, without the enclosing braces, so callers can add their own.
  public mutating func readingFields(_ reading: Reading, advice: Advice?) {
    readingCore(reading)
    adviceFields(advice)
  }

  /// The reading without the advice: text, type, alternatives, situations, emotion, demeanor, evidence.
  public mutating func readingCore(_ reading: Reading) {
    string("text", reading.text)
    label("type", reading.type)
    beginArray("alternatives")
    for alternative in reading.alternatives { label(nil, alternative) }
    endArray()
    beginArray("situations")
    for situation in reading.situations { label(nil, situation) }
    endArray()
    beginObject("emotion")
    int("level", reading.emotion.level)
    string("name", reading.emotion.name)
    endObject()
    if let demeanor = reading.demeanor {
      beginObject("demeanor")
      string("id", demeanor.id)
      string("name", demeanor.name)
      endObject()
    } else {
      null("demeanor")
    }
    beginArray("evidence")
    for evidence in reading.evidence {
      beginObject()
      string("rule", evidence.rule)
      string("target", evidence.target)
      string("matched", evidence.matched)
      int("start", evidence.start)
      int("end", evidence.end)
      endObject()
    }
    endArray()
  }

  /// `"suggestions": […], "avoid": […]`.
  public mutating func adviceFields(_ advice: Advice?) {
    beginArray("suggestions")
    for suggestion in advice?.suggestions ?? [] {
      beginObject()
      string("id", suggestion.id)
      string("text", suggestion.text)
      endObject()
    }
    endArray()
    beginArray("avoid")
    for avoid in advice?.avoid ?? [] {
      beginObject()
      string("family", avoid.family)
      string("instead", avoid.instead)
      endObject()
    }
    endArray()
  }

  public mutating func violationsField(_ violations: [AgentCheck.Violation]) {
    beginArray("violations")
    for violation in violations {
      beginObject()
      string("family", violation.family)
      string("name", violation.name)
      string("matched", violation.matched)
      int("start", violation.start)
      int("end", violation.end)
      string("instead", violation.instead)
      endObject()
    }
    endArray()
  }

  /// Advice fields as bytes to splice into many readings (`fields(_:)`): the same advice is
  /// serialised once, not once per line.
  public static func adviceFragment(_ advice: Advice?) -> [UInt8] {
    var writer = JSONWriter()
    writer.beginObject()
    writer.adviceFields(advice)
    writer.endObject()
    return Array(writer.bytes.dropFirst().dropLast())
  }

  public static func reading(_ reading: Reading, advice: Advice?) -> String {
    var writer = JSONWriter()
    writer.beginObject()
    writer.readingFields(reading, advice: advice)
    writer.endObject()
    return writer.text
  }

  public static func check(_ check: AgentCheck) -> String {
    var writer = JSONWriter()
    writer.beginObject()
    writer.string("text", check.text)
    writer.violationsField(check.violations)
    writer.beginArray("stages")
    for stage in check.stages { writer.string(nil, stage) }
    writer.endArray()
    writer.endObject()
    return writer.text
  }

  /// The answer to a line that could not be read: `{"text": "", "error": "empty line"}`.
  public static func problem(text: String, error: String) -> String {
    var writer = JSONWriter()
    writer.beginObject()
    writer.string("text", text)
    writer.string("error", error)
    writer.endObject()
    return writer.text
  }
}
