extension SeasonLoader {
    /// The last line of defence behind the checks of season.yaml: a score that is not a finite
    /// number from 0 to 100 would show as a blank in every table and win awards. One pass over
    /// the totals and the area scores; an undefined area score (NaN) is fine.
    static func checkScoresInRange(_ season: Season, sink: inout DiagnosticSink) {
        let columns = season.inquiries
        let areaCount = season.definition.areas.count
        for inquiry in 0..<columns.count {
            let total = columns.total[inquiry]
            var bad: (what: String, value: Double)?
            if !(total >= 0 && total <= 100) { bad = ("total", total) }
            for area in 0..<areaCount where bad == nil {
                let score = columns.areaScores[inquiry * areaCount + area]
                if !score.isNaN && !(score >= 0 && score <= 100) { bad = (season.definition.areas[area].id, score) }
            }
            guard let bad else { continue }
            let shown = bad.value.isNaN ? "NaN" : String(bad.value)
            sink.error(
                inquiriesFile, line: Int(columns.line[inquiry]),
                "scoring gave \(bad.what) = \(shown); expected a number from 0 to 100 "
                    + "(check the weights and points in season.yaml)")
            return
        }
    }
}
