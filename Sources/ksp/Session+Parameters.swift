/// `.set` and `.unset`: the script parameters in the shell.
extension Session {
    /// `.set` lists the parameters; `.set NAME VALUE…` sets one (the words after the name, joined by spaces).
    func setParameter(_ call: MetaInvocation) throws -> Outcome {
        guard let name = call.arguments.first else {
            try output.write(parameters.listing)
            return .ok
        }
        guard call.arguments.count >= 2 else {
            return call.fail(".set: expected a value after \(name) (quote a value with spaces: .set \(name) \"A B\")")
        }
        do {
            try parameters.set(name, to: call.arguments.dropFirst().joined(separator: " "))
        } catch {
            return call.fail(".set: \(error.description)")
        }
        return .ok
    }

    func unsetParameter(_ call: MetaInvocation) -> Outcome {
        guard call.arguments.count == 1, let name = call.arguments.first else {
            return call.fail(".unset: expected one parameter name")
        }
        guard parameters.unset(name) else { return call.fail(".unset: the parameter \(name) is not set") }
        return .ok
    }
}
