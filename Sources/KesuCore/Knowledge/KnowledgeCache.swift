import Foundation

/// The checked knowledge base and both matchers, kept on disk so that a command starts by
/// reading one file instead of parsing the YAML and building the automata again.
///
/// Only a copy: the key covers every file of the knowledge folder (path, size, modification
/// time) and the kesu executable itself, so an edit or a new build makes a new entry. An entry
/// that is unreadable, cut short or from another build is ignored and rebuilt from the YAML.
/// Entries are written atomically (a Ctrl-C leaves the old one or none). `kb lint` and
/// everything that reports on the files themselves read the YAML.
///
/// Where: `$KESU_CACHE_DIR`, else `$XDG_CACHE_HOME/kesu`, else `~/.cache/kesu`;
/// `KESU_CACHE=off` turns it off.
public enum KnowledgeCache {
  /// Bump when the encoded form changes in a way the executable's identity would not show.
  static let format = "kesu-knowledge-8"
  static let kept = 8

  struct Entry: Codable {
    var key: String
    var knowledge: KnowledgeBase
    var customer: CueMatcher.Index
    var agent: CueMatcher.Index

    init(key: String, engine: Engine) {
      self.key = key
      knowledge = engine.knowledge
      customer = engine.classifier.matcher.index
      agent = engine.checker.matcher.index
    }

    var engine: Engine {
      Engine(
        knowledge: knowledge, customer: CueMatcher(knowledge: knowledge, audience: .customer, index: customer),
        agent: CueMatcher(knowledge: knowledge, audience: .agent, index: agent))
    }
  }

  /// The engine for `directory`, from the cache when it holds this exact folder, else loaded
  /// from the YAML (and then cached). Knowledge errors are thrown as by `Engine.load`.
  public static func engine(directory: String, environment: [String: String] = ProcessInfo.processInfo.environment)
    throws(KnowledgeError) -> Engine
  {
    guard let folder = folder(environment), let key = key(for: directory) else { return try Engine.load(directory: directory) }
    let path = (folder as NSString).appendingPathComponent("knowledge-\(digest(key)).bin")
    if let entry = read(path), entry.key == key { return entry.engine }
    let engine = try Engine.load(directory: directory)
    write(Entry(key: key, engine: engine), to: path, in: folder)
    return engine
  }

  static func folder(_ environment: [String: String]) -> String? {
    if environment["KESU_CACHE"] == "off" { return nil }
    if let explicit = environment["KESU_CACHE_DIR"], !explicit.isEmpty { return explicit }
    if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return (xdg as NSString).appendingPathComponent("kesu") }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return (home as NSString).appendingPathComponent(".cache/kesu")
  }

  /// What the entry must match: the format, the executable, and every file under `directory`.
  static func key(for directory: String) -> String? {
    let manager = FileManager.default
    let root = (directory as NSString).resolvingSymlinksInPath
    guard let files = manager.enumerator(atPath: root)?.allObjects as? [String] else { return nil }
    // The folder as given too: diagnostics and `kb show` name files the way the user did.
    var key = format + "\n" + stamp(Bundle.main.executablePath ?? CommandLine.arguments[0]) + "\n" + directory + "\n" + root + "\n"
    for file in files.sorted() {
      let path = (root as NSString).appendingPathComponent(file)
      key += file + " " + stamp(path) + "\n"
    }
    return key
  }

  /// Size and modification time (to the nanosecond where the file system keeps it).
  private static func stamp(_ path: String) -> String {
    var info = stat()
    guard stat(path, &info) == 0 else { return "?" }
    #if canImport(Darwin)
      let time = info.st_mtimespec
    #else
      let time = info.st_mtim
    #endif
    return "\(info.st_size) \(time.tv_sec).\(time.tv_nsec)"
  }

  /// FNV-1a, 64 bits, in hex: a file name for the key (the key itself is checked on reading).
  static func digest(_ key: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return String(hash, radix: 16)
  }

  /// The entry, if the file holds one whose checksum is right (a file damaged on disk would
  /// otherwise give the automaton indices out of range).
  static func read(_ path: String) -> Entry? {
    // Mapped, not copied: the pages come straight from the file cache.
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped), data.count >= 8 else { return nil }
    return data.withUnsafeBytes { raw -> Entry? in
      let payload = UnsafeRawBufferPointer(rebasing: raw[8...])
      guard checksum(payload) == UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) else { return nil }
      return try? BinaryDecoder.decode(Entry.self, from: payload)
    }
  }

  /// A 64-bit multiplicative hash over 8-byte words: a millisecond or two for the whole entry.
  static func checksum(_ raw: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count)
    var offset = 0
    while offset + 8 <= raw.count {
      hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x100_0000_01b3
      hash ^= hash >> 29
      offset += 8
    }
    while offset < raw.count {
      hash = (hash ^ UInt64(raw[offset])) &* 0x100_0000_01b3
      offset += 1
    }
    return hash
  }

  /// Best effort: a cache that cannot be written only costs the next start-up its speed.
  private static func write(_ entry: Entry, to path: String, in folder: String) {
    let manager = FileManager.default
    guard (try? manager.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil,
      let payload = try? BinaryEncoder.encode(entry)
    else { return }
    let sum = payload.withUnsafeBytes(checksum)
    let bytes = (0..<8).map { UInt8(truncatingIfNeeded: sum >> (8 * $0)) } + payload
    try? Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    prune(folder)
  }

  /// Keeps the most recent entries only (each edit of the knowledge makes a new one).
  private static func prune(_ folder: String) {
    let manager = FileManager.default
    let entries = ((try? manager.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasPrefix("knowledge-") && $0.hasSuffix(".bin") }
      .map { (folder as NSString).appendingPathComponent($0) }
    guard entries.count > kept else { return }
    let dated = entries.map { path in
      (path, (try? manager.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast)
    }
    for (path, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(kept) { try? manager.removeItem(atPath: path) }
  }
}
