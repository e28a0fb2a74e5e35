import Foundation

/// The call state as a JSON file (`/save`, `/load`): written atomically (a temporary file, then
/// a rename), so Ctrl-C or a crash never leaves half a file.
public enum CallStateFile {
  public static func encode(_ state: CallState) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return try encoder.encode(state)
  }

  public static func decode(_ data: Data) throws -> CallState {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try decoder.decode(CallState.self, from: data)
  }

  public static func write(_ state: CallState, to path: String) throws {
    try encode(state).write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  public static func read(_ path: String) throws -> CallState {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CaseStoreError.io("\(path): no such file or not readable")
    }
    do {
      return try decode(data)
    } catch {
      throw CaseStoreError.io("\(path): not a saved Kesu call (\(error.localizedDescription))")
    }
  }
}
