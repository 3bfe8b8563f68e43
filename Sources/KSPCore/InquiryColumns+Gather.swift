/// One column's values over a list of inquiries, gathered inside the core: reading an answer inlines here, where
/// from another module every inquiry would be a call of its own (`drivers` gathers each predictor this way).
extension InquiryColumns {
    /// A question's raw answers, in the inquiries' order (NaN = not applicable).
    public func rawAnswers(_ question: Int, over inquiries: [Int]) -> [Double] {
        inquiries.map { answers.value($0, question) }
    }

    /// A question's points (by `definition`, the question's own), in the inquiries' order (NaN = not asked).
    public func points(_ question: Int, _ definition: Question, over inquiries: [Int]) -> [Double] {
        inquiries.map { inquiry in
            let raw = answers.value(inquiry, question)
            return raw.isNaN ? .nan : definition.points(raw: raw)
        }
    }

    /// An area's scores, in the inquiries' order (NaN = not scored).
    public func areaScores(_ area: Int, over inquiries: [Int]) -> [Double] {
        let areaCount = areaCount
        return areaScores.withUnsafeBufferPointer { scores in
            inquiries.map { scores[$0 &* areaCount &+ area] }
        }
    }
}
