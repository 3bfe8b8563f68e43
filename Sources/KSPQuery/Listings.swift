import KSPCore

/// Tables of what a season holds, for `.classes`, `.participants`, `.questions` and `.schema`
/// (drawn by `Listings.schema` in KSPRender).
public enum Listings {
    public static func classes(_ season: Season) -> ResultTable {
        var participantCounts = [Int](repeating: 0, count: season.classes.count)
        var inquiryCounts = participantCounts
        for participant in season.participants { participantCounts[participant.classIndex] += 1 }
        for participant in season.inquiries.participant {
            inquiryCounts[season.participants[Int(participant)].classIndex] += 1
        }
        let columns = [ResultColumn("class", isDimension: true), ResultColumn("participants"), ResultColumn("n")]
        let rows: [[Cell]] = season.classes.indices.map {
            [.text(season.classes[$0]), .count(participantCounts[$0]), .count(inquiryCounts[$0])]
        }
        return ResultTable(columns: columns, rows: rows)
    }

    public static func participants(_ season: Season, className: String?) -> ResultTable {
        let classIndex = className.flatMap { season.classIndex(named: $0) }
        var inquiryCounts = [Int](repeating: 0, count: season.participants.count)
        for participant in season.inquiries.participant { inquiryCounts[Int(participant)] += 1 }
        let listed = season.participants.indices
            .filter { classIndex == nil || season.participants[$0].classIndex == classIndex }
            .sorted { NorwegianCollation.less(season.participants[$0].name, season.participants[$1].name) }
        let columns = [
            ResultColumn("id", isDimension: true), ResultColumn("participant", isDimension: true),
            ResultColumn("class", isDimension: true), ResultColumn("n"),
        ]
        let rows: [[Cell]] = listed.map {
            let participant = season.participants[$0]
            return [
                .text(participant.id), .text(participant.name), .text(participant.className),
                .count(inquiryCounts[$0]),
            ]
        }
        return ResultTable(columns: columns, rows: rows)
    }

    public static func questions(_ season: Season, area: String?) -> ResultTable {
        let definition = season.definition
        let areaIndex = area.flatMap { definition.areaIndex(id: $0) }
        let listed = definition.questions.filter { areaIndex == nil || $0.areaIndex == areaIndex }
        let rows: [[Cell]] = listed.map { question in
            [
                .text(question.id), .text(definition.areas[question.areaIndex].id), .text(question.typeDescription),
                .number(question.weight, .score), .text(question.metric?.rawValue ?? ""), .text(question.text),
            ]
        }
        let columns = ["id", "area", "type", "weight", "metric", "text"].map {
            ResultColumn($0, isDimension: $0 != "weight")
        }
        return ResultTable(columns: columns, rows: rows)
    }

    /// One season's areas with their share of its total (`.schema`).
    public static func areaTable(_ definition: SeasonDefinition) -> ResultTable {
        let scored = definition.areas.filter { $0.weight > 0 }.reduce(0) { $0 + $1.weight }
        let columns = ["area", "name", "weight", "share", "questions"]
        return ResultTable(
            columns: columns.map { ResultColumn($0, isDimension: $0 == "area" || $0 == "name") },
            rows: definition.areas.enumerated().map { (areaIndex, area) in
                let share = area.weight > 0 ? area.weight / scored * 100 : nil
                let questions =
                    area.kind == .wait
                    ? 0 : definition.questions.filter { $0.areaIndex == areaIndex }.count
                return [
                    .text(area.id), .text(area.name), .number(area.weight, .score), .number(share, .percent),
                    .count(questions),
                ]
            })
    }
}
