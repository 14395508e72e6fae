/// An optional that JSON always shows: `null` when absent, never a missing key.
///
/// redflag's JSON schemas print every key so consumers can rely on the shape; DTOs mark their
/// optional fields `@Nullable` and keep Swift's synthesized encoding.
@propertyWrapper
public struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
