import KSPCore

/// `export inquiries [where …] to FILE`: the filter and where to write (nil: standard output, for `ksp export`).
public struct ExportStatement: Sendable {
    public var filter: Filter?
    public var file: Located<String>?
}

/// One row per scored inquiry, for other tools (DuckDB, Power BI, a warehouse): who, when, how it was
/// answered, its total and area scores, every question's points and raw answer (a choice's option text),
/// and the comments.
/// Columns are named as in the query language (area and question ids), so `total by class` reads the same.
public struct InquiryExport: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Double)
        /// Not applicable or not given: an empty csv field, JSON null, an empty cell.
        case missing
    }

    public var columns: [String]
    public var rows: [[Value]]

    public init(columns: [String], rows: [[Value]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The export of the given inquiries (indices into the season's columns), in that order.
    public init(season: Season, inquiries: [Int]) {
        let definition = season.definition
        let columnsOfInquiries = season.inquiries
        // Comment columns: the general one, and one per area that holds a comment anywhere in the seasons
        // loaded (the same columns whatever the filter).
        var commentsByInquiry: [Int: [Int?: String]] = [:]
        var commentedAreas = Set<Int>()
        for comment in season.comments {
            commentsByInquiry[comment.inquiry, default: [:]][comment.areaIndex] = comment.text
            if let area = comment.areaIndex { commentedAreas.insert(area) }
        }
        let commentAreas = definition.areas.indices.filter { commentedAreas.contains($0) }
        columns =
            [
                "season", "inquiry", "participant_id", "participant", "class", "channel", "shopper", "contacted_at",
                "date", "answered_at", "attempts", "answered", "wait_seconds", "total",
            ]
            + definition.areas.map(\.id)
            + definition.questions.flatMap { [$0.id, $0.id + "_raw"] }
            + ["comment"] + commentAreas.map { "comment_" + definition.areas[$0].id }
        func number(_ value: Double) -> Value { value.isFinite ? .number(value) : .missing }
        rows = inquiries.map { inquiry in
            let participant = season.participants[Int(columnsOfInquiries.participant[inquiry])]
            let answeredAt = columnsOfInquiries.answeredAt[inquiry]
            let shopper = Int(columnsOfInquiries.shopper[inquiry])
            var row: [Value] = [
                .text(Dimension.season.label(Int(columnsOfInquiries.season[inquiry]), season)),
                .text(columnsOfInquiries.id(inquiry)),
                .text(participant.id),
                .text(participant.name),
                .text(participant.className),
                .text(definition.channels[Int(columnsOfInquiries.channel[inquiry])].id),
                season.shoppers.indices.contains(shopper) ? .text(season.shoppers[shopper]) : .missing,
                .text(InquiryExport.timestamp(columnsOfInquiries.contacted(inquiry))),
                .text(columnsOfInquiries.contacted(inquiry).date.description),
                answeredAt == Int64.min
                    ? .missing : .text(InquiryExport.timestamp(LocalDateTime(secondsSinceEpoch: answeredAt))),
                .number(Double(columnsOfInquiries.attempts[inquiry])),
                .number(columnsOfInquiries.answered[inquiry] ? 1 : 0),
                number(columnsOfInquiries.waitSeconds[inquiry]),
                number(columnsOfInquiries.total[inquiry]),
            ]
            for area in definition.areas.indices { row.append(number(columnsOfInquiries.areaScore(inquiry, area))) }
            for (index, question) in definition.questions.enumerated() {
                let raw = columnsOfInquiries.raw(inquiry, index)
                row.append(number(raw.isFinite ? question.points(raw: raw) : raw))
                row.append(InquiryExport.rawAnswer(raw, of: question))
            }
            let comments = commentsByInquiry[inquiry] ?? [:]
            row.append(comments[nil].map { Value.text($0) } ?? .missing)
            for area in commentAreas { row.append(comments[area].map { Value.text($0) } ?? .missing) }
            return row
        }
    }

    /// The raw answer: yes/no 1/0 and a scale's value as numbers; a choice as its option's text (the options
    /// with those points, joined by ` / ` in the rare case that several share them).
    static func rawAnswer(_ raw: Double, of question: Question) -> Value {
        guard raw.isFinite else { return .missing }
        guard case .choice(let options) = question.type else { return .number(raw) }
        let texts = options.filter { $0.points == raw }.map(\.text)
        return texts.isEmpty ? .number(raw) : .text(texts.joined(separator: " / "))
    }

    /// `2024-01-15T09:30:05`, as inquiries.csv writes times (and DuckDB reads a TIMESTAMP).
    static func timestamp(_ time: LocalDateTime) -> String {
        let seconds = time.secondOfDay
        return "\(time.date)T\(pad2(seconds / 3600)):\(pad2(seconds / 60 % 60)):\(pad2(seconds % 60))"
    }
}
