import Foundation
import KSPCore

/// A deterministic generator of invented seasons in the contract's format: the sample season,
/// fixtures, and large seasons for benchmarks (`scale`). The same options give the same bytes.
///
/// Answers are driven by a hidden quality per participant (plus channel and inquiry noise),
/// so that rankings mean something; waits and no-answer shares follow DOMAIN.md's channels.
public struct SeasonGenerator {
    public struct Options: Sendable {
        public var seed: UInt64 = 2024
        public var participants: Int = 190
        /// Multiplies the inquiries per participant (25 × scale) and the shoppers.
        public var scale: Int = 1
        /// The season's final year: fieldwork runs from late November the year before to late March.
        public var year: Int = 2024
        /// The 2023 questionnaire: one question more (K17), one less (K16), and no GDPR area.
        public var questionnaire2023: Bool = false
        /// Seed of the participants (names, classes, ids, hidden quality, channel key); nil = `seed`.
        /// Two seasons with the same panel seed have the same participants, as real seasons mostly do.
        public var panelSeed: UInt64?
        /// A shopper who scores more leniently than the others (fieldwork quality control tests).
        public var lenientShopper: LenientShopper?
        public init() {}
    }

    public struct Files: Sendable {
        public var seasonYAML: String
        public var participantsCSV: String
        public var inquiriesCSV: String
    }

    let options: Options
    var rng: SplitMix64

    public init(_ options: Options) {
        self.options = options
        rng = SplitMix64(seed: options.seed)
    }

    // MARK: Questionnaire

    struct QuestionSpec {
        var id: String, area: String, type: String, weight: Double = 1, text: String
        var min = 0, max = 0, metric: String? = nil
        var options: [(String, Double)] = []
        /// How hard the question is: subtracted from quality when answering.
        var difficulty: Double = 0
        /// Share of inquiries where it does not apply.
        var naShare: Double = 0.03
    }

    var questionnaire: [QuestionSpec] {
        var questions: [QuestionSpec] = [
            .init(
                id: "V1", area: "welcome", type: "yesno", weight: 2,
                text: "Følte du deg velkommen når du ble mottatt som du ble?", difficulty: -0.1),
            .init(
                id: "V2", area: "welcome", type: "choice", text: "Hvordan presenterte kundebehandleren seg?",
                options: [("Firmanavn og eget navn", 100), ("Kun eget navn", 60), ("Kun firmanavn", 40), ("Ingen", 0)]),
            .init(
                id: "V3", area: "welcome", type: "yesno", text: "Var velkomsten personlig, og ikke rutinepreget?",
                difficulty: 0.1),
            .init(
                id: "V4", area: "welcome", type: "yesno", text: "Brukte kundebehandleren navnet ditt?",
                difficulty: 0.25, naShare: 0.1),
            .init(
                id: "V5", area: "welcome", type: "scale",
                text: "Hvor enkelt var det å komme fram til riktig kundebehandler (telefonmeny, chatbot)?", min: 1,
                max: 5, naShare: 0.15),
            .init(
                id: "V6", area: "welcome", type: "yesno",
                text: "Fikk du inntrykk av at kundebehandleren hadde tid til deg?", difficulty: -0.05),
            .init(
                id: "K1", area: "agent", type: "yesno", text: "Stilte kundebehandleren åpne spørsmål?", difficulty: 0.2),
            .init(
                id: "K2", area: "agent", type: "scale", text: "Hvor godt lyttet kundebehandleren til deg?", min: 1,
                max: 5),
            .init(
                id: "K3", area: "agent", type: "yesno", weight: 2, text: "Avdekket kundebehandleren behovet ditt?",
                difficulty: 0.1),
            .init(
                id: "K4", area: "agent", type: "scale", text: "Hvor engasjert var kundebehandleren i deg som kunde?",
                min: 1, max: 5, difficulty: 0.05),
            .init(
                id: "K5", area: "agent", type: "scale", weight: 2, text: "Hvor kompetent var kundebehandleren?", min: 1,
                max: 5, difficulty: -0.05),
            .init(
                id: "K6", area: "agent", type: "yesno", weight: 2, text: "Fikk du en løsning som passet for deg?",
                difficulty: 0),
            .init(
                id: "K7", area: "agent", type: "yesno", text: "Styrte kundebehandleren dialogen på en god måte?",
                difficulty: 0.05),
            .init(
                id: "K8", area: "agent", type: "yesno", text: "Fikk du veiledning om hva du burde velge?",
                difficulty: 0.15),
            .init(
                id: "K9", area: "agent", type: "yesno", text: "Ble du tilbudt alternativer?", difficulty: 0.25,
                naShare: 0.08),
            .init(
                id: "K10", area: "agent", type: "yesno", text: "Fikk du nyttig informasjon du ikke spurte om?",
                difficulty: 0.3),
            .init(
                id: "K11", area: "agent", type: "yesno",
                text: "Ble du henvist til nettside eller app for mer informasjon?", difficulty: 0.1),
            .init(
                id: "K12", area: "agent", type: "choice", text: "Hvordan avsluttet kundebehandleren dialogen?",
                options: [("Oppsummerte og takket", 100), ("Takket", 60), ("Brå avslutning", 0)]),
            .init(
                id: "K13", area: "agent", type: "yesno", weight: 2, text: "Fikk du svar på alle spørsmålene dine?",
                difficulty: -0.05),
            .init(
                id: "K14", area: "agent", type: "scale", text: "Hvor godt tilpasset kundebehandleren seg deg?", min: 1,
                max: 5, difficulty: 0.05),
            .init(
                id: "K15", area: "agent", type: "scale", text: "Hvor forståelig forklarte kundebehandleren?", min: 1,
                max: 5, difficulty: -0.05),
            .init(
                id: "K16", area: "agent", type: "yesno", text: "Tilbød kundebehandleren å følge opp henvendelsen?",
                difficulty: 0.35, naShare: 0.1),
            .init(
                id: "T1", area: "impression", type: "scale", text: "Hvor effektiv var dialogen (innhold per tid)?",
                min: 1, max: 5),
            .init(
                id: "T2", area: "impression", type: "scale", weight: 2,
                text: "Hvilken karakter gir du kundebehandleren?", min: 1, max: 5),
            .init(
                id: "T3", area: "impression", type: "yesno", weight: 2, text: "Følte du deg verdsatt?", difficulty: 0.05
            ),
            .init(
                id: "T4", area: "impression", type: "yesno", weight: 2,
                text: "Ville du handlet med dette selskapet, basert på denne opplevelsen?", difficulty: 0.05),
            .init(
                id: "T5", area: "impression", type: "yesno",
                text: "Ble du henvist til deltakerens hjemmeside i løpet av dialogen?", difficulty: 0.15),
            .init(
                id: "T6", area: "impression", type: "yesno", text: "Var kundebehandleren høflig hele veien?",
                difficulty: -0.3),
            .init(
                id: "G1", area: "gdpr", type: "yesno",
                text: "Ble identiteten din bekreftet før personopplysninger ble delt?", difficulty: 0.1, naShare: 0.4),
            .init(
                id: "G2", area: "gdpr", type: "yesno", text: "Ble du bare bedt om opplysninger som var nødvendige?",
                difficulty: -0.1, naShare: 0.2),
            .init(
                id: "G3", area: "gdpr", type: "yesno", text: "Ble du informert om hvordan opplysningene dine brukes?",
                difficulty: 0.3, naShare: 0.3),
            .init(
                id: "X1", area: "cx", type: "scale", text: "Hvor fornøyd er du med denne kundeopplevelsen?", min: 1,
                max: 5, metric: "csat", naShare: 0),
            .init(
                id: "X2", area: "cx", type: "scale", text: "Alt i alt, hvor enkelt var det å få den hjelpen du ønsket?",
                min: 1, max: 7, metric: "ces", naShare: 0),
            .init(
                id: "X3", area: "cx", type: "scale",
                text:
                    "På en skala fra 0 til 10, hvor sannsynlig er det at du vil anbefale dette selskapet til venner eller familie?",
                min: 0, max: 10, metric: "nps", naShare: 0),
            .init(
                id: "X4", area: "cx", type: "scale",
                text: "Etter kontakten er jeg i stand til å oppnå mer med selskapets produkt/tjeneste.", min: 1, max: 7,
                metric: "ves1", naShare: 0.02),
            .init(
                id: "X5", area: "cx", type: "scale",
                text: "Etter kontakten er min tillit til beslutningen om å kjøpe høyere.", min: 1, max: 7,
                metric: "ves2", naShare: 0.02),
        ]
        if options.questionnaire2023 {
            questions.removeAll { $0.id == "K16" || $0.area == "gdpr" }
            questions.insert(
                .init(
                    id: "K17", area: "agent", type: "yesno",
                    text: "Bekreftet kundebehandleren at du hadde forstått løsningen?", difficulty: 0.2), at: 21)
        }
        return questions
    }

    static let classes: [(name: String, words: [String])] = [
        ("Alarmselskap", ["Alarm", "Sikring", "Vakt"]), ("Avis", ["Tidende", "Avis", "Posten"]),
        ("Bank", ["Bank", "Sparebank", "Kreditt"]), ("Bilforhandler", ["Bil", "Bilsenter", "Motor"]),
        ("Bilutleie", ["Bilutleie", "Leiebil", "Utleie"]), ("Bredbånd", ["Fiber", "Nett", "Bredbånd"]),
        ("Båtreise", ["Sjøreiser", "Ferje", "Kystlinje"]), ("Elektronikk", ["Elektro", "Data", "Lyd & Bilde"]),
        ("Energi", ["Energi", "Strøm", "Kraftsalg"]), ("Forsikring", ["Forsikring", "Assuranse", "Trygg"]),
        ("Hotell", ["Hotell", "Gjestegård", "Hotel & Spa"]),
        ("Innfordring", ["Inkasso", "Innfordring", "Kravservice"]),
        ("Mat og drikke på nett", ["Matkasse", "Matlevering", "Dagligvare"]),
        ("Medlemsorganisasjon", ["Forbund", "Forening", "Medlemslag"]),
        ("Mobiloperatør", ["Mobil", "Tele", "Mobilnett"]), ("Netthandel", ["Netthandel", "Shop", "Nettbutikk"]),
        ("Offentlig", ["etaten", "kontoret", "direktoratet"]), ("Persontransport", ["Ekspress", "Buss", "Bane"]),
        ("Reiseselskap", ["Reiser", "Ferie", "Reisebyrå"]), ("Streaming", ["Play", "Stream", "Kino+"]),
        ("Transport og logistikk", ["Frakt", "Logistikk", "Budservice"]),
        ("TV-distribusjon", ["TV", "Kabel-TV", "Parabol"]),
        ("Åpen klasse", ["Gruppen", "Service", "Partner"]),
    ]

    static let stems = [
        "Brennvik", "Solhaug", "Kvitnes", "Storlia", "Mjøsvik", "Heggelund", "Tindra", "Ravnås", "Lerkevik", "Ospedal",
        "Furuvang", "Bjørkeli", "Granly", "Myrvoll", "Sandtorv", "Vardeli", "Nordvang", "Kveldsol", "Skjærvik",
        "Hegrenes",
        "Lundetun", "Sølvberg", "Fagerli", "Åsmyra", "Rypefjell", "Gullvika", "Tussøy", "Blåklokke", "Havgløtt",
        "Steinrøys",
        "Linnestad", "Ørnerede", "Knausen", "Elvestrand", "Bekkely", "Vikaholm", "Dalsrud", "Lyngtopp", "Måkeskjær",
        "Sørlykke",
    ]

    static let goodComments = [
        "Veldig hyggelig kundebehandler, som tok seg god tid.",
        "Fikk svar på alt jeg lurte på, og litt til.",
        "Hun spurte hva jeg skulle bruke det til, og anbefalte et alternativ som passet bedre.",
        "Kundebehandleren sa \"det finner vi ut av sammen\", og det gjorde vi.",
        "Rask og effektiv dialog.\nFølte meg godt ivaretatt hele veien.",
        "Han brukte navnet mitt, og oppsummerte til slutt. Bra!",
        "Profesjonell, vennlig og kunnskapsrik.",
    ]
    static let poorComments = [
        "Måtte vente lenge, og fikk ikke svar på det jeg spurte om.",
        "Kundebehandleren virket stresset; svarte kort og avsluttet brått.",
        "Ble henvist til nettsiden uten mer hjelp, \"alt står der\", ble det sagt.",
        "Ingen spørsmål om behovet mitt.\nFikk bare en prisliste.",
        "Svaret var et standardsvar som ikke passet til spørsmålet mitt.",
        "Følte meg ikke velkommen; det var som å forstyrre.",
        "Lovet å ringe tilbake, men det skjedde aldri.",
    ]

    // MARK: Output

    public mutating func generate() -> Files {
        let questions = questionnaire
        let yaml = seasonYAML(questions)
        // With a panel seed of its own the participants come from their own generator; without one
        // they are the first thing the season's generator draws (as the sample was made).
        let (participantsText, participants): (String, [GeneratedParticipant])
        if let panel = options.panelSeed, panel != options.seed {
            let saved = rng
            rng = SplitMix64(seed: panel)
            (participantsText, participants) = participantsCSV()
            rng = saved
        } else {
            (participantsText, participants) = participantsCSV()
        }
        let inquiriesText = inquiriesCSV(participants: participants, questions: questions)
        return Files(seasonYAML: yaml, participantsCSV: participantsText, inquiriesCSV: inquiriesText)
    }

    func seasonYAML(_ questions: [QuestionSpec]) -> String {
        let panelFlag = options.panelSeed.map { " --panel-seed \($0)" } ?? ""
        let questionnaireFlag = options.questionnaire2023 ? " --questionnaire 2023" : ""
        let command =
            "ksp generate --seed \(options.seed)\(panelFlag) --participants \(options.participants) "
            + "--scale \(options.scale)\(questionnaireFlag) --year \(options.year)"
        var yaml = """
            # Generated by `\(command)`.
            # Invented data: no real company, shopper or inquiry.
            season: KSP \(options.year)
            timezone: Europe/Oslo
            language: nb
            min_inquiries_for_award: \(20 * options.scale)
            second_attempt_factor: 0.5

            channels:
              phone:     {name: Telefon,   aliases: [telefon], limit: 5m, attempts: 2,
                          brackets: [[40s, 100], [60s, 90], [2m, 70], [3m, 50], [5m, 30]]}
              chat:      {name: Chat,      limit: 5m, attempts: 2,
                          brackets: [[60s, 100], [2m, 80], [3m, 60], [5m, 30]]}
              messenger: {name: Messenger, limit: 30m, attempts: 2,
                          brackets: [[5m, 100], [10m, 70], [20m, 50], [30m, 30]]}
              email:     {name: E-post,    aliases: [e-post, epost], clock: business, limit: 3d, attempts: 1,
                          brackets: [[4h, 100], [1d, 80], [2d, 50], [3d, 30]]}

            areas:
              - {id: wait,       name: Svar- og ventetid,  weight: 5, kind: wait}
              - {id: welcome,    name: Mottak og velkomst, weight: 20}
              - {id: agent,      name: Kundebehandleren,   weight: 50}
              - {id: impression, name: Totalinntrykk,      weight: 25}

            """
        if !options.questionnaire2023 { yaml += "  - {id: gdpr,       name: GDPR,               weight: 0}\n" }
        yaml += "  - {id: cx,         name: CX,                 weight: 0}\n\nquestions:\n"
        for question in questions {
            yaml += "  - {" + yamlFields(question).joined(separator: ", ") + "}\n"
        }
        return yaml
    }

    /// One question's fields as season.yaml writes them, in the contract's order.
    func yamlFields(_ question: QuestionSpec) -> [String] {
        var fields = ["id: \(question.id)", "area: \(question.area)", "type: \(question.type)"]
        if question.weight != 1 { fields.append("weight: \(Int(question.weight))") }
        if question.type == "scale" { fields += ["min: \(question.min)", "max: \(question.max)"] }
        if let metric = question.metric { fields.append("metric: \(metric)") }
        if question.type == "choice" {
            let options = question.options.map { "\"\($0.0)\": \(Int($0.1))" }
            fields.append("options: {" + options.joined(separator: ", ") + "}")
        }
        fields.append("text: \"\(question.text)\"")
        return fields
    }

    struct GeneratedParticipant {
        var id: String
        var name: String
        var className: String
        var quality: Double
        /// Inquiries per channel (the participant's distribution key).
        var channelKey: [(String, Int)]
    }

    static let channelKeys: [[(String, Int)]] = [
        [("phone", 15), ("email", 5), ("chat", 5)], [("phone", 10), ("chat", 10), ("email", 5)],
        [("phone", 20), ("email", 5)], [("phone", 13), ("email", 6), ("messenger", 6)],
        [("chat", 15), ("email", 10)], [("phone", 25)], [("phone", 10), ("chat", 8), ("messenger", 7)],
    ]

    mutating func participantsCSV() -> (String, [GeneratedParticipant]) {
        let classCount = max(1, min(SeasonGenerator.classes.count, options.participants / 4))
        let classes = Array(SeasonGenerator.classes.prefix(classCount))
        let sizes = classSizes(classCount: classes.count)
        var used = Set<String>()
        var result: [GeneratedParticipant] = []
        var csv = "id,name,class\n"
        var number = 0
        for (classIndex, classSpec) in classes.enumerated() {
            var stems = SeasonGenerator.stems
            rng.shuffle(&stems)
            for k in 0..<sizes[classIndex] {
                let stem = stems[k % stems.count]
                let word = classSpec.words[Int(rng.next() % UInt64(classSpec.words.count))]
                var name = classSpec.name == "Offentlig" ? "\(stem)\(word)" : "\(stem) \(word)"
                if used.contains(name) { name += " \(k + 2)" }
                used.insert(name)
                number += 1
                let id = "d\(String(1000 + number).dropFirst())"
                let quality = 0.5 + 0.38 * rng.uniform() + 0.1 * (rng.uniform() - 0.5)
                let keys = SeasonGenerator.channelKeys
                let channelKey = keys[Int(rng.next() % UInt64(keys.count))]
                result.append(
                    GeneratedParticipant(
                        id: id, name: name, className: classSpec.name, quality: quality,
                        channelKey: channelKey))
                csv += "\(id),\(csvField(name)),\(csvField(classSpec.name))\n"
            }
        }
        return (csv, result)
    }

    /// 4–19 participants per class, summing to the requested count; fewer than 92 participants fill
    /// fewer classes.
    mutating func classSizes(classCount: Int) -> [Int] {
        var sizes = [Int](repeating: min(4, options.participants), count: classCount)
        var left = max(0, options.participants - sizes.reduce(0, +))
        while left > 0 && sizes.contains(where: { $0 < 19 }) {
            let classIndex = Int(rng.next() % UInt64(classCount))
            if sizes[classIndex] < 19 {
                sizes[classIndex] += 1
                left -= 1
            }
        }
        return sizes
    }

    static let channelEffect: [String: Double] = ["phone": 0.06, "chat": 0.02, "email": -0.06, "messenger": -0.12]

    /// The season's fieldwork days: late November the year before to late March, and its holidays.
    struct Fieldwork {
        let firstDay: Int
        let lastDay: Int
        let easterSunday: Int
        let holidays = HolidayCache()

        init(year: Int) {
            firstDay = CivilDate(year: year - 1, month: 11, day: 25).dayNumber
            lastDay = CivilDate(year: year, month: 3, day: 28).dayNumber
            easterSunday = NorwegianCalendar.easterSunday(year: year).dayNumber
        }
    }

    /// When an inquiry was made and answered, and whether the answer counts (within the limit).
    struct Contact {
        var contacted: LocalDateTime
        var answered: LocalDateTime?
        var attempts = 1
        var counts = true
    }

    mutating func inquiriesCSV(participants: [GeneratedParticipant], questions: [QuestionSpec]) -> String {
        let fieldwork = Fieldwork(year: options.year)
        let scale = max(1, options.scale)
        let shopperCount = 80 * scale
        var out = "id,participant,channel,shopper,contacted_at,answered_at,attempts,"
        out += questions.map(\.id).joined(separator: ",") + ",comment,comment_agent\n"
        out.reserveCapacity(participants.count * 25 * scale * 160)
        var number = 0
        var shoppers = Array(1...shopperCount)
        for participant in participants {
            // Each shopper contacts a participant at most once: draw distinct shoppers.
            rng.shuffle(&shoppers)
            var channels: [String] = []
            for (channel, count) in participant.channelKey {
                channels += Array(repeating: channel, count: count * scale)
            }
            for (k, channel) in channels.enumerated() {
                number += 1
                let shopper = "S\(String(shoppers[k % shopperCount] + 1000).dropFirst())"
                out += inquiryRow(
                    number: number, participant: participant, channel: channel, shopper: shopper,
                    questions: questions, fieldwork: fieldwork)
            }
        }
        return out
    }

    /// One line of inquiries.csv: the contact, the answers and the comments.
    mutating func inquiryRow(
        number: Int, participant: GeneratedParticipant, channel: String, shopper: String,
        questions: [QuestionSpec], fieldwork: Fieldwork
    ) -> String {
        let (day, hour) = contactDay(channel: channel, fieldwork: fieldwork)
        let secondOfDay = hour * 3600 + Int(rng.next() % 3600)
        let contacted = LocalDateTime(secondsSinceEpoch: Int64(day) * 86400 + Int64(secondOfDay))
        let quality = participant.quality + (SeasonGenerator.channelEffect[channel] ?? 0)
        let contact =
            channel == "email"
            ? emailContact(contacted: contacted, quality: quality, fieldwork: fieldwork)
            : liveContact(channel: channel, day: day, contacted: contacted, quality: quality, fieldwork: fieldwork)
        let id = "i\(options.year % 100)\(String(1_000_000 + number).dropFirst())"
        var row = "\(id),\(participant.id),\(channel),\(shopper),\(iso(contact.contacted)),"
        row += contact.answered.map(iso) ?? ""
        row += ",\(contact.attempts)"
        var answerQuality = quality + rng.normal() * 0.15
        // A planted lenient shopper answers as if the service were `points` points better (no extra draw:
        // every other inquiry stays as it would be).
        if let lenient = options.lenientShopper, lenient.id == shopper { answerQuality += lenient.points / 100 }
        if contact.answered != nil {
            for spec in questions {
                row += "," + answer(spec, quality: answerQuality, channel: channel)
            }
        } else {
            row += String(repeating: ",", count: questions.count)
        }
        let (comment, agentComment) = comments(contact, answerQuality: answerQuality)
        return row + "," + csvField(comment) + "," + csvField(agentComment) + "\n"
    }

    /// Contact day and hour: a business day for most, e-mails also before weekends, Christmas and Easter.
    mutating func contactDay(channel: String, fieldwork: Fieldwork) -> (day: Int, hour: Int) {
        var day = fieldwork.firstDay + Int(rng.next() % UInt64(fieldwork.lastDay - fieldwork.firstDay + 1))
        var hour = 8 + Int(rng.next() % 8)
        if channel == "email" {
            let draw = rng.uniform()
            if draw < 0.15 {
                while CivilDate.isoWeekday(dayNumber: day) != 5 { day += 1 }
                hour = 13 + Int(rng.next() % 3)
            } else if draw < 0.2 {
                day = CivilDate(year: options.year - 1, month: 12, day: 22 + Int(rng.next() % 2)).dayNumber
                hour = 14
            } else if draw < 0.25 {
                day = fieldwork.easterSunday - 4
                hour = 14
            }
        }
        while channel != "messenger" && !NorwegianCalendar.isBusinessDay(day, holidays: fieldwork.holidays)
            && day < fieldwork.lastDay + 10 && channel != "email"
        {
            day += 1
        }
        if channel == "email" {
            while CivilDate.isoWeekday(dayNumber: day) > 5 { day += 1 }
        }
        return (day, hour)
    }

    /// An e-mail: never answered, or answered after some business time (median about 5 h; a few past
    /// the 3-day limit).
    mutating func emailContact(contacted: LocalDateTime, quality: Double, fieldwork: Fieldwork) -> Contact {
        var contact = Contact(contacted: contacted)
        if rng.uniform() < 0.06 + (1 - quality) * 0.06 { return contact }
        let wait = min(6 * 86400, 5 * 3600 * exp(rng.normal() * 1.3 - (quality - 0.5)))
        contact.answered = NorwegianCalendar.adding(businessSeconds: wait, to: contacted, holidays: fieldwork.holidays)
        contact.counts = wait <= 3 * 86400
        return contact
    }

    /// Phone, chat or Messenger: a first attempt fails (busy, closed queue) or waits past the limit;
    /// then a second attempt on a later business day, which fails more often.
    mutating func liveContact(
        channel: String, day firstDay: Int, contacted: LocalDateTime, quality: Double,
        fieldwork: Fieldwork
    ) -> Contact {
        var contact = Contact(contacted: contacted)
        let (median, limit): (Double, Double) =
            channel == "phone" ? (50, 300) : channel == "chat" ? (80, 300) : (420, 1800)
        func draw() -> Double { median * exp(rng.normal() * 0.9 - (quality - 0.55)) }
        let (firstFailure, secondFailure): (Double, Double) =
            channel == "phone" ? (0.08, 0.3) : channel == "chat" ? (0.12, 0.35) : (0.2, 0.5)
        var wait = rng.uniform() < firstFailure + (1 - quality) * 0.05 ? limit + 1 : draw()
        if wait > limit {
            contact.attempts = 2
            var day = firstDay + 1 + Int(rng.next() % 2)
            while !NorwegianCalendar.isBusinessDay(day, holidays: fieldwork.holidays) { day += 1 }
            let secondOfDay = (8 + Int(rng.next() % 8)) * 3600 + Int(rng.next() % 3600)
            contact.contacted = LocalDateTime(secondsSinceEpoch: Int64(day) * 86400 + Int64(secondOfDay))
            wait = rng.uniform() < secondFailure ? limit + 1 + 600 * rng.uniform() : draw()
        }
        // Messenger may answer after the limit: answered_at is filled, but it counts as no answer.
        if wait <= limit || (channel == "messenger" && rng.uniform() < 0.5) {
            let answeredAt = contact.contacted.secondsSinceEpoch + Int64(wait.rounded())
            contact.answered = LocalDateTime(secondsSinceEpoch: answeredAt)
            contact.counts = wait <= limit
        }
        return contact
    }

    /// Comments: more often after poor or good experiences.
    mutating func comments(_ contact: Contact, answerQuality: Double) -> (comment: String, agentComment: String) {
        var comment = ""
        var agentComment = ""
        if contact.answered != nil && rng.uniform() < 0.35 {
            let candidates = answerQuality > 0.6 ? SeasonGenerator.goodComments : SeasonGenerator.poorComments
            comment = candidates[Int(rng.next() % UInt64(candidates.count))]
            if rng.uniform() < 0.25 {
                let agentCandidates = answerQuality > 0.55 ? SeasonGenerator.goodComments : SeasonGenerator.poorComments
                agentComment = agentCandidates[Int(rng.next() % UInt64(agentCandidates.count))]
            }
        } else if contact.answered == nil || !contact.counts {
            if rng.uniform() < 0.3 { comment = "Fikk ikke svar innen fristen, heller ikke på andre forsøk." }
        }
        return (comment, agentComment)
    }

    mutating func answer(_ spec: QuestionSpec, quality: Double, channel: String) -> String {
        if rng.uniform() < spec.naShare || (spec.id == "V5" && channel == "email") {
            return rng.uniform() < 0.5 ? "" : "NA"
        }
        let level = min(1, max(0, quality - spec.difficulty + rng.normal() * 0.18))
        switch spec.type {
        case "yesno":
            let yes = rng.uniform() < level
            let words = yes ? ["ja", "Ja", "1"] : ["nei", "Nei", "0"]
            return words[Int(rng.next() % 3)]
        case "scale":
            let value = Double(spec.min) + level * Double(spec.max - spec.min)
            return String(Int(value.rounded()))
        default:
            // Choice: the option whose points are nearest the level.
            let target = level * 100
            guard let best = spec.options.min(by: { abs($0.1 - target) < abs($1.1 - target) }) else { return "" }
            return csvField(best.0)
        }
    }

    /// `2024-01-15T09:30:05`, as inquiries.csv writes times.
    func iso(_ time: LocalDateTime) -> String {
        let date = time.date
        let second = time.secondOfDay
        return "\(date)T\(twoDigits(second / 3600)):\(twoDigits(second / 60 % 60)):\(twoDigits(second % 60))"
    }

    func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
