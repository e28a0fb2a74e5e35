/// A complainant type (seed 000): who is complaining and how to treat them.
public struct ComplainantType: Codable, Sendable, Identifiable {
  public var id: String
  public var name: String
  public var nameHant: String
  public var marks: String
  public var strategy: String
  /// Forbidden families that do most harm with this type.
  public var avoid: [String]
  /// The least emotion level a customer of this type shows (`emotion_min:`), 0 by default.
  public var emotionMin: Int = 0
  /// The principle that leads with this type (`principle:`), shown as the next step.
  public var principle: String? = nil
  public var cues: [Cue]
  public var location: SourceLocation
}

/// What the complaint is about (multi-label).
public struct Situation: Codable, Sendable, Identifiable {
  public var id: String
  public var name: String
  public var nameHant: String
  public var principle: String?
  /// The ladder level this situation calls for, if any.
  public var escalateTo: Int?
  /// Reported on any single cue, whatever else scores higher (criminal, emergency).
  public var safety: Bool
  public var avoid: [String]
  /// The least emotion level this situation means (`emotion_min:`): a threat is never calm.
  public var emotionMin: Int = 0
  /// A negated cue means the customer says it is not so (`negation_denies:`; 我不是要赔偿,
  /// 我没打算去12315): the learned weights, which do not see negation, do not report it then.
  public var negationDenies: Bool = false
  public var cues: [Cue]
  public var location: SourceLocation
}

/// Something a customer asks for: a refund, a repair, compensation, an apology, a supervisor.
public struct DemandKind: Codable, Sendable, Identifiable {
  public var id: String
  public var name: String
  public var nameHant: String
  public var cues: [Cue]
  public var location: SourceLocation
}

/// The customer's manner (seed 001): 要求型, 困惑型, 激动型.
public struct Demeanor: Codable, Sendable, Identifiable {
  public var id: String
  public var name: String
  public var nameHant: String
  public var description: String
  public var cues: [Cue]
  public var location: SourceLocation
}

/// One level of the emotion scale 0–3 and the cues that show it.
public struct EmotionLevel: Codable, Sendable, Identifiable {
  public var level: Int
  public var id: String
  public var name: String
  public var nameHant: String
  public var cues: [Cue]
  public var location: SourceLocation
}

/// A stage of a well-handled call and the cues that show an agent went through it.
public struct Stage: Codable, Sendable, Identifiable {
  public var id: String
  public var name: String
  public var nameHant: String
  public var order: Int
  public var description: String
  public var cues: [Cue]
  public var location: SourceLocation
}

/// A family of forbidden phrases (禁语, seed 003) and what to say instead.
public struct ForbiddenFamily: Codable, Sendable, Identifiable {
  public var id: String
  public var name: String
  public var seed: [String]
  public var instead: String
  public var why: String
  public var cues: [Cue]
  public var location: SourceLocation
}

/// A principle of complaint handling (the eight of seed 002 and those of seeds 000/003).
public struct Principle: Codable, Sendable, Identifiable {
  public var id: String
  public var name: String
  public var summary: String
  public var source: String
  public var location: SourceLocation
}

/// A named list from the seeds: 三不, 七要, the nine elements, attitude, method.
public struct PrincipleList: Codable, Sendable, Identifiable {
  public var id: String
  public var name: String
  public var items: [String]
  public var location: SourceLocation
}

/// One rung of the escalation ladder (seed 002): 班组长 → … → 公司总经理.
public struct EscalationLevel: Codable, Sendable, Identifiable {
  public var level: Int
  public var id: String
  public var name: String
  public var nameHant: String
  public var location: SourceLocation
}

/// What sends a case up the ladder, and how far.
public struct EscalationTrigger: Codable, Sendable, Identifiable {
  public var id: String
  public var reason: String
  public var level: Int
  public var location: SourceLocation
}

/// An O/X statement with the seed's answer.
public struct QuizQuestion: Codable, Sendable, Identifiable {
  public var id: String
  public var statement: String
  public var answer: Bool
  public var explanation: String
  public var source: String
  public var location: SourceLocation
}

/// Something an agent can say, and when it fits.
public struct Wording: Codable, Sendable, Identifiable {
  public var id: String
  public var text: String
  public var stage: String
  /// Empty means any type.
  public var types: [String]
  /// Empty means any situation.
  public var situations: [String]
  public var emotionMin: Int
  public var emotionMax: Int
  public var principle: String?
  public var why: String
  public var location: SourceLocation
}

/// Company-specific values filled into wording placeholders.
public struct Settings: Codable, Sendable {
  public var company: String = ""
  public var agent: String = ""
  public var followUpHours: Int = 48
  /// Compensation (yuan) above which a demand is far above the norm (最终处理原则).
  public var compensationNorm: Int = 500
  public init() {}
}

/// Tunables of the classifier (`classifier.yaml`).
public struct ClassifierSettings: Codable, Sendable {
  public var negationWords: [String] = []
  /// Phrases that hold a negation word without negating (是不是, 不管): they do not cancel a cue.
  public var notNegations: [String] = []
  public var negationWindow: Int = 3
  public var intensifiers: [String] = []
  public var intensifierBump: Int = 2
  public var typeThreshold: Double = 2
  public var situationThreshold: Double = 1
  /// A customer who reports any situation is at least this upset (`complaint_emotion:`).
  public var complaintEmotion: Int = 0
  /// How much an older customer turn still counts toward the type: weight = decay^age.
  public var turnDecay: Double = 0.8
  /// The same demand in this many customer turns shows 死缠烂打型.
  public var persistentRepeats: Int = 3
  /// Demands changing this many times show 不合逻辑型.
  public var illogicalChanges: Int = 2
  /// This many long customer turns with no situation and no demand show 打发时间型 ...
  public var timeKillerTurns: Int = 3
  /// ... where long means at least this many characters.
  public var timeKillerLength: Int = 30
  /// What the cues' verdict adds to the learned probability (`learned:` in classifier.yaml).
  public var learnedEmotionRuleWeight: Double = 0.3
  public var learnedTypeRuleWeight: Double = 0.7
  public var learnedSituationRuleWeight: Double = 0.3
  /// A situation the learned model scores is reported when probability plus bonus reach this.
  public var learnedSituationThreshold: Double = 0.4
  /// The same for a crime or an emergency no cue reported: the weights alone must reach this.
  public var learnedSafetyThreshold: Double = 0.25
  public var location = SourceLocation(file: "classifier.yaml", line: 1, column: 1)
  public init() {}
}
