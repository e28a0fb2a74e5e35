/// The checks `kesu kb lint` runs after the knowledge loads: the knowledge must agree with what
/// the classifier and the checker actually do, so a coach who edits it can trust it.
///
/// - every cue fires on each of its `examples:` and on none of its `counter:` sentences;
/// - no phrase is held by two `any:` cues of one weighed entry (it would count twice);
/// - every scenario's `expect:` matches the classifier's reading of that customer line;
/// - no suggested wording and no scenario's good reply contains a forbidden phrase.
public enum KnowledgeLint {
  public static func check(_ engine: Engine) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    func report(_ location: SourceLocation, _ message: String) {
      diagnostics.append(Diagnostic(file: location.file, line: location.line, column: location.column, message: message))
    }
    for matcher in [engine.classifier.matcher, engine.checker.matcher] {
      for (index, compiled) in matcher.cues.enumerated() {
        let cue = compiled.cue
        for example in cue.examples where !fires(matcher, index, example) {
          report(cue.location, "cue '\(cue.id)' does not fire on its example '\(example)'")
        }
        for counter in cue.counters where fires(matcher, index, counter) {
          report(cue.location, "cue '\(cue.id)' fires on its counter-example '\(counter)'")
        }
      }
    }
    for (location, message) in phrasesCountedTwice(engine.classifier.matcher) { report(location, message) }
    for scenario in engine.knowledge.scenarios {
      for turn in scenario.turns {
        if let expect = turn.expect {
          for problem in mismatches(expect, engine.classifier.classify(turn.customer)) {
            report(turn.location, "scenario '\(scenario.id)': \(problem) for '\(turn.customer)'")
          }
        }
        for violation in engine.checker.check(turn.good).violations {
          report(turn.location, "scenario '\(scenario.id)': good reply contains forbidden phrase '\(violation.matched)' (\(violation.family))")
        }
      }
    }
    for wording in engine.knowledge.wording {
      for violation in engine.checker.check(engine.knowledge.fill(wording.text)).violations {
        report(wording.location, "wording '\(wording.id)' contains forbidden phrase '\(violation.matched)' (\(violation.family))")
      }
    }
    return diagnostics
  }

  /// Each cue that fires adds its weight to its entry, so a phrase in two `any:` cues of one
  /// type or situation counts twice and can push an ordinary customer over the threshold alone.
  /// Emotion levels have no weight and are left out. Reported at the later cue.
  static func phrasesCountedTwice(_ matcher: CueMatcher) -> [(SourceLocation, String)] {
    var firstHolder: [CueOwner: [String: Cue]] = [:]
    var found: [(SourceLocation, String)] = []
    for compiled in matcher.cues where compiled.cue.mode == .any {
      if case .emotion = compiled.owner { continue }
      let cue = compiled.cue
      for phrase in Set(cue.phrases).sorted() {
        if let earlier = firstHolder[compiled.owner, default: [:]][phrase], earlier.id != cue.id {
          let message =
            "phrase '\(phrase)' of cue '\(cue.id)' is also in cue '\(earlier.id)' (line \(earlier.location.line)) of the same entry: it would count twice"
          found.append((cue.location, message))
        } else {
          firstHolder[compiled.owner, default: [:]][phrase] = cue
        }
      }
    }
    return found
  }

  static func fires(_ matcher: CueMatcher, _ cue: Int, _ text: String) -> Bool {
    matcher.match(TextNormalizer.shared.normalize(text)).fired.contains { $0.cue == cue }
  }

  /// What differs between an expected reading and the real one, in words.
  public static func mismatches(_ expect: Scenario.Expectation, _ reading: Reading) -> [String] {
    var problems: [String] = []
    if let type = expect.type, type != reading.type.id {
      problems.append("expected type '\(type)', classifier says '\(reading.type.id)'")
    }
    if let situations = expect.situations {
      let actual = Set(reading.situations.map(\.id))
      let missing = situations.filter { !actual.contains($0) }
      if !missing.isEmpty { problems.append("expected situation \(missing.joined(separator: ", ")) not found") }
    }
    if let emotion = expect.emotion, emotion != reading.emotion.level {
      problems.append("expected emotion \(emotion), classifier says \(reading.emotion.level)")
    }
    return problems
  }
}
