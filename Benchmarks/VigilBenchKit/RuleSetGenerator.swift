import Alerting
import VigilContracts

/// Builds large rule sets that look like a real one, for the matcher benchmark.
///
/// A generated set starts with every rule of a base set (rules/default.json
/// in the benchmark), so the real risk words still fire, and fills up with
/// generated rules, whose keywords follow a ``KeywordStyle``.
/// The shares of rules with a regular expression, an exclusion, a negation,
/// `allOf`/`anyOf`/`noneOf`, an agent speaker or a window follow the base set.
/// The same base, count and seed give the same rules on every machine.
public struct RuleSetGenerator: Sendable {
    /// The share of base rules, in percent, with each feature a generated rule may have.
    public struct Profile: Sendable, Equatable {
        /// The share, in percent, of rules with a regular expression.
        public var pattern: Int
        /// The share, in percent, of rules with an exclusion.
        public var exclusion: Int
        /// The share, in percent, of exclusions that are a regular expression rather than words.
        public var patternExclusion: Int
        /// The share, in percent, of rules with a negation.
        public var negation: Int
        /// The share, in percent, of rules that combine matchers with `allOf`, `anyOf` or `noneOf`.
        public var combination: Int
        /// The share, in percent, of rules that match the agent's messages.
        public var agentSpeaker: Int
        /// The share, in percent, of rules with a context window on another rule.
        public var window: Int

        /// Measures each feature's share of the rules in `base`. A feature that no base rule has gets 0.
        public init(of base: RuleSet) {
            let rules = base.rules
            func percent(_ count: Int, of total: Int) -> Int {
                total == 0 ? 0 : (count * 100 + total / 2) / total
            }
            func share(_ predicate: (Rule) -> Bool) -> Int {
                percent(rules.filter(predicate).count, of: rules.count)
            }
            pattern = share { $0.matcher.pattern != nil }
            exclusion = share { $0.matcher.exclusion != nil }
            let exclusions = rules.compactMap(\.matcher.exclusion)
            patternExclusion = percent(exclusions.filter { if case .pattern = $0 { true } else { false } }.count,
                                       of: exclusions.count)
            negation = share { $0.negation != nil }
            combination = share { !$0.matcher.isFlat }
            agentSpeaker = share { $0.speaker == .agent }
            window = share { $0.window != nil }
        }
    }

    /// The rule set that every generated set starts with.
    public let base: RuleSet
    /// The feature shares measured on `base`.
    public let profile: Profile
    /// The keyword style of the generated rules.
    public let style: KeywordStyle
    /// Negation cues taken from the base set, so generated negations use real cue words.
    private let cues: [String]

    /// Measures `base` and collects its negation cues, falling back to two common cues when it has none.
    public init(base: RuleSet, style: KeywordStyle) {
        self.base = base
        self.style = style
        profile = Profile(of: base)
        var cues: [String] = []
        for cue in base.rules.compactMap(\.negation).flatMap(\.cues) where !cues.contains(cue) {
            cues.append(cue)
        }
        self.cues = cues.isEmpty ? ["不会", "不想"] : cues
    }

    /// Returns the base rules followed by generated ones, `ruleCount` in all
    /// (at least the base set), with version `BASE+generated.STYLE.COUNT.SEED`.
    public func generate(ruleCount: Int, seed: UInt64) -> RuleSet {
        var random = SplitMix64(seed: seed)
        var rules = base.rules
        let generatedCount = max(ruleCount - base.rules.count, 0)
        var generatedIds: [String] = []
        for index in 0..<generatedCount {
            let id = String(format: "generated-%05d", index + 1)
            rules.append(rule(id: id, previousIds: generatedIds, random: &random))
            generatedIds.append(id)
        }
        return RuleSet(version: "\(base.version)+generated.\(style.rawValue).\(rules.count).\(seed)", rules: rules)
    }

    // MARK: - Rules

    private func rule(id: String, previousIds: [String], random: inout SplitMix64) -> Rule {
        let category = random.element(of: RuleCategory.allCases)
        let severity = random.element(of: RuleSeverity.allCases)
        let speaker: RuleSpeaker = random.chance(percent: profile.agentSpeaker) ? .agent : .customer
        let title = LocalizedText(chinese: "生成的规则 \(id)", english: "Generated rule \(id)")

        var matcher: RuleMatcher
        if random.chance(percent: profile.combination) {
            matcher = combinedMatcher(random: &random)
        } else {
            matcher = RuleMatcher(keywords: words(count: 1 + random.next(below: 6), random: &random))
            if random.chance(percent: profile.pattern) {
                matcher.pattern = pattern(random: &random)
            }
        }
        if random.chance(percent: profile.exclusion), let keywords = matcher.keywords {
            matcher.exclusion = exclusion(around: keywords, random: &random)
        }

        var negation: RuleNegation?
        if random.chance(percent: profile.negation) {
            let cueCount = 2 + random.next(below: 4)
            var chosen: [String] = []
            for _ in 0..<cueCount {
                let cue = random.element(of: cues)
                if !chosen.contains(cue) {
                    chosen.append(cue)
                }
            }
            negation = RuleNegation(cues: chosen, scope: random.next(below: 3))
        }

        var window: RuleWindow?
        if !previousIds.isEmpty && random.chance(percent: profile.window) {
            window = RuleWindow(rule: random.element(of: previousIds), messages: 1 + random.next(below: 10))
        }

        return Rule(id: id, category: category, severity: severity, title: title, speaker: speaker,
                    matcher: matcher, window: window, negation: negation)
    }

    /// Returns an `allOf` of a verb list and a noun list with an optional `noneOf`, or
    /// an `anyOf` of fixed phrases and such an `allOf`, as the base set's combined rules are built.
    private func combinedMatcher(random: inout SplitMix64) -> RuleMatcher {
        let pair = [RuleMatcher(keywords: words(count: 3 + random.next(below: 3), random: &random)),
                    RuleMatcher(keywords: words(count: 3 + random.next(below: 5), random: &random))]
        var matcher: RuleMatcher
        if random.chance(percent: 50) {
            matcher = RuleMatcher(allOf: pair)
        } else {
            matcher = RuleMatcher(anyOf: [RuleMatcher(keywords: words(count: 2 + random.next(below: 4), random: &random)),
                                          RuleMatcher(allOf: pair)])
        }
        if random.chance(percent: 50) {
            matcher.noneOf = [RuleMatcher(keywords: words(count: 2 + random.next(below: 3), random: &random))]
        }
        return matcher
    }

    /// Returns a regular expression in one of the shapes the base set uses: whole
    /// numbers (hotlines), or two words with a short gap between them. Specific
    /// phrases come with five-digit service numbers (95xxx, 96xxx), common
    /// characters with any three- to five-digit number, prices and quantities included.
    private func pattern(random: inout SplitMix64) -> String {
        if random.chance(percent: 50) {
            let numbers: [String]
            switch style {
            case .specificPhrases:
                numbers = (0..<(1 + random.next(below: 3))).map { _ in
                    String(95 + random.next(below: 2)) + (0..<3).map { _ in String(random.next(below: 10)) }.joined()
                }
            case .commonCharacters:
                numbers = (0..<(1 + random.next(below: 3))).map { _ in
                    String(1 + random.next(below: 9)) + (0..<(2 + random.next(below: 3))).map { _ in
                        String(random.next(below: 10))
                    }.joined()
                }
            }
            return "(?<![0-9])(" + numbers.joined(separator: "|") + ")(?![0-9])"
        }
        let first = word(random: &random)
        let second = word(random: &random)
        return random.chance(percent: 50) ? "\(first).{0,3}\(second)" : "\(first)(了|过|的)?\(second)"
    }

    /// Returns words that contain a keyword in another sense (keyword plus one or two
    /// characters), or a regular expression for a keyword followed by a unit.
    private func exclusion(around keywords: [String], random: inout SplitMix64) -> RuleExclusion {
        let keyword = random.element(of: keywords)
        if random.chance(percent: profile.patternExclusion) {
            return .pattern("\(keyword)\\s*(个|件|元|块|号|ml|g)")
        }
        let count = 1 + random.next(below: 3)
        return .keywords((0..<count).map { _ in
            keyword + String(word(length: 1 + random.next(below: 2), random: &random))
        })
    }

    // MARK: - Words

    private func words(count: Int, random: inout SplitMix64) -> [String] {
        var result: [String] = []
        for _ in 0..<count {
            let candidate = word(random: &random)
            if !result.contains(candidate) {
                result.append(candidate)
            }
        }
        return result
    }

    /// Returns a keyword in the generator's style.
    private func word(random: inout SplitMix64) -> String {
        switch style {
        case .specificPhrases:
            PhraseVocabulary.phrase(random: &random)
        case .commonCharacters:
            commonWord(random: &random)
        }
    }

    /// Returns a word of two to six common characters, shorter ones more often, as in the base set.
    private func commonWord(random: inout SplitMix64) -> String {
        let roll = random.next(below: 100)
        let length: Int
        if roll < 40 {
            length = 2
        } else if roll < 70 {
            length = 3
        } else if roll < 88 {
            length = 4
        } else if roll < 96 {
            length = 5
        } else {
            length = 6
        }
        return word(length: length, random: &random)
    }

    /// Returns `length` characters in the generator's style: rare ones for specific phrases, common ones otherwise.
    private func word(length: Int, random: inout SplitMix64) -> String {
        if style == .specificPhrases {
            return PhraseVocabulary.rareWord(length: length, random: &random)
        }
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length {
            scalars.append(random.element(of: Self.commonCharacters))
        }
        return String(scalars)
    }

    /// Frequent characters of Chinese text and of shopping and delivery chats, without repeats.
    static let commonCharacters: [Unicode.Scalar] = {
        let text = """
            的一是不了人我在有他这中大来上个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么
            心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样
            现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打
            便位因重被走电四第门相次东海口使教西再平真听气信北少关并内加化由却代产入先山五太水万市眼体别处总才场书
            比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及
            今京务制解各任至清物台象记边共风干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结
            六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运半候七必城父强步完深区即
            求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友
            孩站广改议形委早房音火际则首单据导影失拿网香似专石若弟谁校读志飞观争究包组造落视济喜离虽坏兴切调客费退
            款货递订送骑餐店铺饭菜凉差评投诉赔偿换货售后包装质量过期漏洒少送迟到超时配送地址电话号码优惠券红包会员
            """
        var seen = Set<Unicode.Scalar>()
        var characters: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars where scalar.properties.isIdeographic && seen.insert(scalar).inserted {
            characters.append(scalar)
        }
        return characters
    }()
}
