/// The combined questionnaire: the union of areas, questions and channels, in the latest season's
/// order, then what only earlier seasons had.
struct CombinedSchema {
    let definition: SeasonDefinition
    /// Combined area index by lowercased area id.
    let areaIndex: [String: Int]

    init(_ seasons: [Season]) {
        func union<Element>(_ pick: (SeasonDefinition) -> [Element], id: (Element) -> String) -> [Element] {
            var result: [Element] = []
            var seen = Set<String>()
            for season in seasons.reversed() {
                for element in pick(season.definition) where !seen.contains(id(element).lowercased()) {
                    seen.insert(id(element).lowercased())
                    result.append(element)
                }
            }
            return result
        }
        let areas = union({ $0.areas }, id: { $0.id })
        let channels = union({ $0.channels }, id: { $0.id })
        let areaIndex = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1.id.lowercased(), $0) })
        var questions: [Question] = []
        var seenQuestions = Set<String>()
        for season in seasons.reversed() {
            let own = season.definition
            for question in own.questions where !seenQuestions.contains(question.id.lowercased()) {
                seenQuestions.insert(question.id.lowercased())
                var copy = question
                copy.areaIndex = areaIndex[own.areas[question.areaIndex].id.lowercased()]!
                questions.append(copy)
            }
        }
        var definition = seasons[seasons.count - 1].definition
        definition.areas = areas
        definition.questions = questions
        definition.channels = channels
        definition.name = seasons.map(\.name).joined(separator: " + ")
        self.definition = definition
        self.areaIndex = areaIndex
    }
}

/// The combined participants, matched by id: name and class from the latest season that has them.
struct CombinedPanel {
    var participants: [Participant] = []
    /// Combined participant index by participant id.
    var participantIndex: [String: Int] = [:]
    let classes: [String]

    init(_ seasons: [Season]) {
        for season in seasons.reversed() {
            for participant in season.participants where participantIndex[participant.id] == nil {
                participantIndex[participant.id] = participants.count
                participants.append(participant)
            }
        }
        classes = Array(Set(participants.map(\.className))).sorted(by: NorwegianCollation.less)
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        for i in participants.indices { participants[i].classIndex = classIndex[participants[i].className]! }
    }
}

/// The combined inquiry columns, filled one season at a time: each season's participants, channels,
/// shoppers, questions and areas mapped onto the combined ones.
struct CombinedInquiries {
    let schema: CombinedSchema
    let panel: CombinedPanel
    var columns = InquiryColumns()
    var shoppers: [String] = []
    var shopperIndex: [String: Int32] = [:]
    var comments: [Comment] = []
    var warnings: [SeasonDiagnostic] = []
    var warningsNotKept = 0
    var infos: [SeasonInfo] = []

    init(schema: CombinedSchema, panel: CombinedPanel) {
        self.schema = schema
        self.panel = panel
        columns.questionCount = schema.definition.questions.count
        columns.answers = AnswerColumns(questions: schema.definition.questions)
        columns.areaCount = schema.definition.areas.count
    }

    /// Adds season `number`'s inquiries, comments, warnings and its season info.
    mutating func append(_ season: Season, number: Int) {
        let own = season.inquiries
        let offset = columns.count
        let participantMap = season.participants.map { Int32(panel.participantIndex[$0.id]!) }
        let channels = schema.definition.channels
        let channelMap = season.definition.channels.map { channel in
            UInt8(clamping: channels.firstIndex { $0.id.lowercased() == channel.id.lowercased() } ?? 0)
        }
        let shopperMap = season.shoppers.map { shopperNumber($0) }
        // A question whose type changed is kept only for the seasons of its latest type (issue 20, item 18).
        let questionMap = schema.definition.questions.map { question -> Int? in
            guard let ownIndex = season.definition.questionIndex(id: question.id) else { return nil }
            return season.definition.questions[ownIndex].typeDescription == question.typeDescription ? ownIndex : nil
        }
        let areaMap = schema.definition.areas.map { area in season.definition.areaIndex(id: area.id) }
        columns.count += own.count
        columns.participant += own.participant.map { participantMap[Int($0)] }
        columns.channel += own.channel.map { channelMap[Int($0)] }
        columns.shopper += own.shopper.map { shopperMap[Int($0)] }
        columns.contactedAt += own.contactedAt
        columns.answeredAt += own.answeredAt
        columns.attempts += own.attempts
        columns.answered += own.answered
        columns.waitSeconds += own.waitSeconds
        columns.total += own.total
        columns.line += own.line
        columns.day += own.day
        columns.month += own.month
        columns.week += own.week
        columns.season += [UInt16](repeating: UInt16(clamping: number), count: own.count)
        columns.seasonDay += own.seasonDay
        columns.idOffsets += own.idOffsets.dropFirst().map { $0 + Int32(columns.idArena.count) }
        columns.idArena += own.idArena
        appendAnswersAndScores(own, questionMap: questionMap, areaMap: areaMap)
        comments += season.comments.map { comment in
            let areaIndex = comment.areaIndex.flatMap { schema.areaIndex[season.definition.areas[$0].id.lowercased()] }
            return Comment(inquiry: comment.inquiry + offset, areaIndex: areaIndex, text: comment.text)
        }
        warnings += season.warnings.map { warning in
            var located = warning
            located.file = "\(season.name): \(warning.file)"
            return located
        }
        warningsNotKept += season.warningsNotKept
        infos.append(info(season, questionMap: questionMap))
    }

    /// The combined shopper number of a shopper, numbered as first met.
    mutating func shopperNumber(_ name: String) -> Int32 {
        if let number = shopperIndex[name] { return number }
        shopperIndex[name] = Int32(shoppers.count)
        shoppers.append(name)
        return Int32(shoppers.count - 1)
    }

    /// Answers and area scores moved to the combined questions' and areas' places; NaN where the
    /// season lacks them.
    mutating func appendAnswersAndScores(_ own: InquiryColumns, questionMap: [Int?], areaMap: [Int?]) {
        let questionCount = questionMap.count
        let areaCount = areaMap.count
        var answers = [Double](repeating: .nan, count: questionCount)
        var scores = [Double](repeating: .nan, count: own.count * areaCount)
        columns.answers.reserveCapacity(columns.answers.count + own.count)
        for i in 0..<own.count {
            for (combinedQuestion, ownQuestion) in questionMap.enumerated() {
                answers[combinedQuestion] = ownQuestion.map { own.raw(i, $0) } ?? .nan
            }
            answers.withUnsafeBufferPointer { columns.answers.append($0) }
            for (combinedArea, ownArea) in areaMap.enumerated() {
                if let ownArea { scores[i * areaCount + combinedArea] = own.areaScore(i, ownArea) }
            }
        }
        columns.areaScores += scores
    }

    /// The season's info, with its CX metrics' questions as combined question indices.
    func info(_ season: Season, questionMap: [Int?]) -> SeasonInfo {
        var info =
            season.seasons.first
            ?? SeasonInfo(name: season.name, directory: season.directory, definition: season.definition)
        for metric in CXMetric.allCases {
            if let own = season.definition.questionIndex(metric: metric) {
                info.metricQuestions[metric] = questionMap.firstIndex { $0 == own }
            }
        }
        return info
    }
}
