import KSPCore
import KSPQuery

/// `.labels on`: a shell table in the season's own words. Column headers that are metric ids become the
/// metrics' names (Totalresultat, Score for besvarte, an area's name), the dimension headers words of the
/// language, channel ids in a channel column the channels' names, and metric ids in a `metric` column (compare)
/// the names (a question keeps its id: its text stands beside it). Question ids stay as column headers (a whole
/// question is too long for one); numbers keep their point (the decimal comma is the reports'); csv and json
/// always keep the ids: what a script reads does not change with a setting.
public enum TableLabels {
    public static func labelled(
        _ table: ResultTable, _ definition: SeasonDefinition, _ language: ReportLanguage
    ) -> ResultTable {
        var labelled = table
        let dimensions: [String: Phrase] = [
            "participant": .columnParticipant, "channel": .columnChannel, "month": .columnMonth,
            "class": .dimensionClass, "area": .columnArea, "question": .columnQuestion,
        ]
        for (k, column) in table.columns.enumerated() {
            let name = column.name
            if column.isDimension {
                if let phrase = dimensions[name] {
                    labelled.columns[k].name = Catalogue.text(.phrase(phrase), language)
                }
            } else if let metric = Metric.named(name, in: definition), !isQuestion(metric) {
                labelled.columns[k].name = Catalogue.text(.metric(metric, in: definition), language)
            } else if name.hasPrefix("n_"), let metric = Metric.named(String(name.dropFirst(2)), in: definition),
                !isQuestion(metric)
            {
                // A figure's own base: `n_agent` is read as the base of Kundebehandleren.
                labelled.columns[k].name = "n (" + Catalogue.text(.metric(metric, in: definition), language) + ")"
            }
            for row in labelled.rows.indices {
                guard case .text(let text) = labelled.rows[row][k].value else { continue }
                if name == "channel", let channel = definition.channelIndex(named: text) {
                    labelled.rows[row][k].value = .text(definition.channels[channel].name)
                } else if name == "metric", let metric = Metric.named(text, in: definition), !isQuestion(metric) {
                    labelled.rows[row][k].value = .text(Catalogue.text(.metric(metric, in: definition), language))
                }
            }
        }
        return labelled
    }

    static func isQuestion(_ metric: Metric) -> Bool {
        if case .question = metric { return true } else { return false }
    }
}
