#include "ingest/rule_data.h"

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unicode/unistr.h>

#include "ingest/clauses.h"
#include "ingest/icu_currencies.h"
#include "storage/normalize.h"

namespace kg::ingest {

namespace {

namespace fs = std::filesystem;

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) fields.push_back(field);
  return fields;
}

std::string Trim(const std::string& s) {
  size_t begin = s.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  size_t end = s.find_last_not_of(" \t\r");
  return s.substr(begin, end - begin + 1);
}

// Calls `each(line_number, line)` for every line that is not blank or a comment.
template <typename Fn>
Status ForEachLine(const std::string& path, Fn each) {
  std::ifstream in(path);
  if (!in) return Status::IOError("cannot read " + path);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    KG_RETURN_IF_ERROR(each(number, line));
  }
  return Status::OK();
}

Status Bad(const std::string& path, int line, const std::string& what) {
  return Status::InvalidArgument(path + ":" + std::to_string(line) + ": " + what);
}

bool ParseYesNo(const std::string& s, bool* out) {
  if (s == "yes" || s == "true") { *out = true; return true; }
  if (s == "no" || s == "false") { *out = false; return true; }
  return false;
}

std::vector<std::string> SortedFiles(const std::string& dir, const std::string& extension) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == extension) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Lower-cases the letters of a pattern segment, leaving escapes (\S, \W,
// \p{Lu}) alone: sentences are matched in lower case, so patterns need no
// case-insensitive matching, which costs ICU dearly.
bool AllDigits(const std::string& text, size_t max_size) {
  return !text.empty() && text.size() <= max_size &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A `time` value as timex.cpp resolves it: "year+1", "month-1", "day-1", "fiscal+0",
// a fiscal one with the month its year starts in (1-12) as `extra`.
bool IsRelativeTime(const std::string& value, const std::string& extra) {
  size_t sign = value.find_first_of("+-");
  if (sign == std::string::npos || !AllDigits(value.substr(sign + 1), 3)) return false;
  std::string unit = value.substr(0, sign);
  if (unit == "year" || unit == "month" || unit == "day") return true;
  return unit == "fiscal" && AllDigits(extra, 2) && std::stoi(extra) >= 1 && std::stoi(extra) <= 12;
}

std::string LowerPattern(const std::string& segment) {
  std::string out;
  out.reserve(segment.size());
  for (size_t i = 0; i < segment.size(); ++i) {
    char c = segment[i];
    if (c == '\\' && i + 1 < segment.size()) {
      out += c;
      out += segment[++i];
      if ((segment[i] == 'p' || segment[i] == 'P' || segment[i] == 'N') && i + 1 < segment.size() && segment[i + 1] == '{') {
        size_t close = segment.find('}', i);
        if (close == std::string::npos) close = segment.size() - 1;
        out += segment.substr(i + 1, close - i);
        i = close;
      }
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// Cues as ids of the language's index, one per cue (its words added when new).
CueIds IndexCues(const std::vector<Cue>& cues, CueIndex* index) {
  CueIds out;
  for (const auto& cue : cues) out.push_back(index->AddCue(cue));
  return out;
}

// Language::rules_by_cue and uncued_rules, from each rule's cues and their ids.
void IndexRulesByCue(Language* lang) {
  std::map<uint32_t, std::vector<uint32_t>> by_cue;
  for (size_t i = 0; i < lang->rules.size(); ++i) {
    const Rule& rule = lang->rules[i];
    auto index = static_cast<uint32_t>(i);
    if (rule.cues.empty()) {
      lang->uncued_rules.push_back(index);
      continue;
    }
    by_cue[rule.cue_ids[MostSelectiveCue(rule.cues)]].push_back(index);
  }
  lang->rules_by_cue.assign(by_cue.begin(), by_cue.end());
}

}  // namespace

Result<std::shared_ptr<const RuleData>> RuleData::Load(const std::string& dir) {
  auto data = std::make_shared<RuleData>();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::InvalidArgument("rule data directory not found: " + dir);
  KG_RETURN_IF_ERROR(data->LoadPredicates(dir + "/predicates.tsv"));
  KG_RETURN_IF_ERROR(data->LoadGazetteer(dir + "/gazetteer.tsv"));
  KG_RETURN_IF_ERROR(data->LoadTypes(dir + "/types.tsv"));
  Language common;
  if (fs::exists(dir + "/common/lexicon.tsv")) KG_RETURN_IF_ERROR(data->LoadLexicon(dir + "/common/lexicon.tsv", &common));
  std::vector<fs::path> lang_dirs;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_directory() && entry.path().filename() != "common" && fs::exists(entry.path() / "lexicon.tsv")) {
      lang_dirs.push_back(entry.path());
    }
  }
  std::sort(lang_dirs.begin(), lang_dirs.end());
  for (const auto& lang_dir : lang_dirs) {
    Language lang = common;
    lang.code = lang_dir.filename().string();
    lang.locale = lang.code;
    KG_RETURN_IF_ERROR(data->LoadLexicon((lang_dir / "lexicon.tsv").string(), &lang));
    AddIcuCurrencies(data->gazetteer_, &lang);
    for (const auto& file : SortedFiles(lang_dir.string(), ".rules")) KG_RETURN_IF_ERROR(data->LoadRules(file, &lang));
    if (fs::exists(lang_dir / "frames.tsv")) KG_RETURN_IF_ERROR(data->LoadFrames((lang_dir / "frames.tsv").string(), &lang));
    lang.negation_words = NegationWords(lang);
    for (auto& rule : lang.rules) {
      rule.cue_ids = IndexCues(rule.cues, &lang.cues);
      rule.forbid_cue_ids = IndexCues(rule.forbid_cues, &lang.cues);
      for (auto& part : rule.forbid_parts) part.cue_ids = IndexCues(part.cues, &lang.cues);
    }
    IndexRulesByCue(&lang);
    for (const PhraseTable* table : {&lang.relation_heads, &lang.relation_verbs, &lang.relation_passives}) {
      for (const Phrase& phrase : table->phrases()) lang.relation_cue_ids.push_back(lang.cues.Add(phrase.folded));
    }
    data->languages_[lang.code] = std::move(lang);
  }
  if (data->languages_.empty()) return Status::InvalidArgument(dir + ": no language folder with a lexicon.tsv");
  return std::shared_ptr<const RuleData>(std::move(data));
}

const Language* RuleData::language(const std::string& code) const {
  auto it = languages_.find(code);
  return it == languages_.end() ? nullptr : &it->second;
}

std::vector<std::string> RuleData::languages() const {
  std::vector<std::string> codes;
  for (const auto& [code, lang] : languages_) codes.push_back(code);
  return codes;
}

const PredicateSpec* RuleData::predicate(const std::string& name) const {
  auto it = predicates_.find(name);
  return it == predicates_.end() ? nullptr : &it->second;
}

const GazetteerEntry* RuleData::entity(const std::string& id) const {
  auto it = entities_.find(id);
  return it == entities_.end() ? nullptr : &it->second;
}

Status RuleData::LoadPredicates(const std::string& path) {
  return ForEachLine(path, [&](int n, const std::string& line) -> Status {
    auto f = SplitTabs(line);
    if (f.size() < 5) return Bad(path, n, "expected: name, when (year|month|none), single_valued, symmetric, description");
    PredicateSpec spec;
    spec.info.name = Trim(f[0]);
    spec.info.description = Trim(f[4]);
    std::string grain = Trim(f[1]);
    if (grain == "year") spec.grain = WhenGrain::kYear;
    else if (grain == "month") spec.grain = WhenGrain::kMonth;
    else if (grain != "none") return Bad(path, n, "when must be year, month or none, not '" + grain + "'");
    if (!ParseYesNo(Trim(f[2]), &spec.info.single_valued) || !ParseYesNo(Trim(f[3]), &spec.info.symmetric)) {
      return Bad(path, n, "single_valued and symmetric must be yes or no");
    }
    predicates_[spec.info.name] = spec;
    return Status::OK();
  });
}

Status RuleData::LoadGazetteer(const std::string& path) {
  std::vector<PhraseTable::Entry> names;
  Status read = ForEachLine(path, [&](int n, const std::string& line) -> Status {
    auto f = SplitTabs(line);
    if (f.size() < 2) return Bad(path, n, "expected: id, type, aliases separated by |");
    GazetteerEntry entry{Trim(f[0]), Trim(f[1]), {}};
    if (entry.id.empty() || entry.type.empty()) return Bad(path, n, "empty id or type");
    names.push_back({entry.id, entry.id, entry.type});
    if (f.size() > 2) {
      std::istringstream aliases(f[2]);
      std::string alias;
      while (std::getline(aliases, alias, '|')) {
        alias = Trim(alias);
        if (alias.empty()) continue;
        names.push_back({alias, entry.id, entry.type});
        entry.aliases.push_back(alias);
      }
    }
    entities_[entry.id] = std::move(entry);
    return Status::OK();
  });
  if (read.ok()) gazetteer_.AddAll(std::move(names));
  return read;
}

Status RuleData::LoadTypes(const std::string& path) {
  return ForEachLine(path, [&](int n, const std::string& line) -> Status {
    auto f = SplitTabs(line);
    if (f.size() < 2) return Bad(path, n, "expected: MACRO, placeholder types separated by spaces");
    std::istringstream types(f[1]);
    std::vector<std::string> list;
    for (std::string t; types >> t;) list.push_back(t);
    if (list.empty()) return Bad(path, n, "a macro needs at least one type");
    macros_[Trim(f[0])] = list;
    return Status::OK();
  });
}

Status RuleData::LoadLexicon(const std::string& path, Language* lang) {
  std::map<std::string, PhraseTable*> tables = {
      {"scale", &lang->scales}, {"scale_glued", &lang->glued_scales}, {"number_word", &lang->number_words},
      {"currency_before", &lang->currencies_before}, {"currency_after", &lang->currencies_after},
      {"unit_link", &lang->unit_links}, {"percent", &lang->percent_words}, {"unit", &lang->units},
      {"bound_before", &lang->bounds_before}, {"bound_after", &lang->bounds_after},
      {"bound_blocker", &lang->bound_blockers}, {"count_noun", &lang->count_nouns},
      {"count_adjective", &lang->count_adjectives}, {"count_modifier", &lang->count_modifiers},
      {"month", &lang->months}, {"quarter", &lang->quarters}, {"time", &lang->relative_times}, {"ref", &lang->refs},
      {"possessive", &lang->possessives}, {"coord", &lang->coordinators}, {"equivalence", &lang->equivalences},
      {"source_ref", &lang->source_refs}, {"yen_context", &lang->yen_contexts}, {"name_suffix", &lang->name_suffixes},
      {"object_marker", &lang->object_markers}, {"range", &lang->ranges}, {"name_verb", &lang->name_verbs},
      {"person_role", &lang->person_roles}, {"unnamed_source", &lang->unnamed_sources},
      {"product_word", &lang->product_words}, {"company_descriptor", &lang->company_descriptors}, {"letter_name", &lang->letter_names}, {"relation_head", &lang->relation_heads},
      {"relation_verb", &lang->relation_verbs}, {"relation_passive", &lang->relation_passives},
      {"list_aside", &lang->list_asides}, {"list_continuation", &lang->list_continuations},
      {"margin_aside", &lang->margin_asides},
      {"home_adjective", &lang->home_adjectives}, {"home_label", &lang->home_labels},
      {"role_noun", &lang->role_nouns}};
  std::map<std::string, std::vector<std::string>*> lists = {
      {"clutter_block", &lang->clutter_block}, {"clutter_line", &lang->clutter_line},
      {"clutter_teaser", &lang->clutter_teaser}, {"script_name_tail", &lang->script_name_tails},
      {"clutter_prefix", &lang->clutter_prefix}, {"rival_word", &lang->rival_words},
      {"list_and", &lang->list_ands}, {"place_suffix", &lang->place_suffixes},
      {"place_introducer", &lang->place_introducers}, {"ref_place", &lang->ref_places},
      {"model_word", &lang->model_words}, {"owner_marker", &lang->owner_markers},
      {"fiscal_prefix", &lang->fiscal_prefixes}, {"like_word", &lang->like_words}, {"kind_word", &lang->kind_words},
      {"noun_ending", &lang->noun_endings}, {"maker_link", &lang->maker_links},
      {"besides_word", &lang->besides_words}, {"name_marker", &lang->name_markers},
      {"rival_marker", &lang->rival_markers}, {"rivalled_marker", &lang->rivalled_markers},
      {"agent_marker", &lang->agent_markers}, {"maker_genitive", &lang->maker_genitives},
      {"count_genitive", &lang->count_genitives}, {"count_clitic", &lang->count_clitics},
      {"maturity_word", &lang->maturity_words}, {"legal_suffix", &lang->legal_suffixes},
      {"comparison_word", &lang->comparison_words}, {"outsider", &lang->outsiders},
      {"negation", &lang->negations}, {"negation_after_object", &lang->negations_after_object},
      {"denial", &lang->denials}, {"negation_counter", &lang->negation_counters},
      {"time_postposition", &lang->time_postpositions}, {"name_tail", &lang->name_tails},
      {"legal_form", &lang->legal_forms}, {"verb_ending", &lang->verb_endings},
      {"person_title", &lang->person_titles}, {"relative_word", &lang->relative_words},
      {"aside_opener", &lang->aside_openers},
      {"ranking_verb", &lang->ranking_verbs},
      {"speech_verb", &lang->speech_verbs}, {"forecast_verb", &lang->forecast_verbs},
      {"parent_genitive", &lang->parent_genitives}, {"unit_word", &lang->unit_words},
      {"first_person", &lang->first_person}, {"description_link", &lang->description_links},
      {"payee_link", &lang->payee_links}, {"place_kind", &lang->place_kinds},
      {"industry_head", &lang->industry_heads},
      {"relation_relative", &lang->relation_relatives}, {"country", &lang->countries},
      {"party_link", &lang->party_links}, {"own_party", &lang->own_parties},
      {"description_opener", &lang->description_openers}, {"relation_guard", &lang->relation_guards},
      {"agent_link", &lang->agent_links}, {"subject_pronoun", &lang->subject_pronouns},
      {"passive_copula", &lang->passive_copulas}, {"list_introducer", &lang->list_introducers}};
  return ForEachLine(path, [&](int n, const std::string& line) -> Status {
    auto f = SplitTabs(line);
    std::string key = Trim(f[0]);
    if (f.size() < 2 || Trim(f[1]).empty()) return Bad(path, n, "expected: key, phrase[, value[, extra]]");
    std::string phrase = Trim(f[1]);
    std::string value = f.size() > 2 ? Trim(f[2]) : "";
    std::string extra = f.size() > 3 ? Trim(f[3]) : "";
    if (key == "locale") { lang->locale = phrase; return Status::OK(); }
    if (key == "decimal" || key == "group") {
      if (phrase.size() != 1) return Bad(path, n, key + " separator must be one character");
      (key == "decimal" ? lang->decimal_separator : lang->group_separator) = phrase[0];
      return Status::OK();
    }
    if (key == "abbreviation") { lang->abbreviations.push_back(phrase); return Status::OK(); }
    if (key == "stopword") { lang->stopwords.insert(FoldPhrase(phrase)); return Status::OK(); }
    if (key == "function_word") {
      lang->stopwords.insert(FoldPhrase(phrase));
      lang->function_words.insert(FoldPhrase(phrase));
      return Status::OK();
    }
    if (key == "stopcap") { stopcaps_.insert(phrase); return Status::OK(); }
    if (auto it = lists.find(key); it != lists.end()) { it->second->push_back(FoldPhrase(phrase)); return Status::OK(); }
    if (key == "time" && !IsRelativeTime(value, extra)) {
      return Bad(path, n, "time value must be year|month|day|fiscal, a sign and a number (\"year+1\"); "
                          "a fiscal one takes the month its year starts in (1-12) as its fourth column");
    }
    auto it = tables.find(key);
    if (it == tables.end()) return Bad(path, n, "unknown key '" + key + "'");
    it->second->Add(phrase, value, extra);
    return Status::OK();
  });
}

Status RuleData::LoadFrames(const std::string& path, Language* lang) {
  FrameLexicon& frames = lang->frames;
  std::map<std::string, std::vector<std::string>*> lists = {{"boundary", &frames.boundaries},
                                                            {"aside", &frames.asides},
                                                            {"dash_aside", &frames.dash_asides},
                                                            {"figure_anaphor", &frames.figure_anaphors},
                                                            {"not_agent", &frames.not_agents},
                                                            {"agent_marker", &frames.agent_markers}};
  return ForEachLine(path, [&](int n, const std::string& line) -> Status {
    auto f = SplitTabs(line);
    std::string key = Trim(f[0]);
    if (f.size() < 2 || Trim(f[1]).empty()) return Bad(path, n, "expected: key, phrase[, class]");
    std::string phrase = FoldPhrase(Trim(f[1]));
    if (auto it = lists.find(key); it != lists.end()) {
      it->second->push_back(phrase);
      return Status::OK();
    }
    if (key != "cue" || f.size() < 3 || Trim(f[2]).empty()) return Bad(path, n, "expected: cue, word, class (or boundary, aside, dash_aside, figure_anaphor, not_agent, agent_marker)");
    frames.cues[Trim(f[2])].push_back(phrase);
    return Status::OK();
  });
}

Result<std::shared_ptr<const icu::RegexPattern>> RuleData::Compile(const std::string& source, const std::string& where,
                                                                   Rule* rule, std::vector<Cue>* cues) const {
  auto expanded = Expand(source, where, rule);
  if (!expanded.ok()) return expanded.status();
  if (rule != nullptr) {
    std::vector<Cue> order = OrderedCues(*expanded);
    if (order.size() >= 2) rule->match_order = std::move(order);
  }
  return CompileExpanded(*expanded, where, cues);
}

namespace {

// Whether `pattern` refers back to a group by number ("(a)x\1"): the numbers
// change when its alternatives are compiled apart.
bool HasNumberedBackReference(const std::string& pattern) {
  for (size_t i = 0; i + 1 < pattern.size(); ++i) {
    if (pattern[i] != '\\') continue;
    if (pattern[i + 1] >= '1' && pattern[i + 1] <= '9') return true;
    ++i;  // an escaped character, "\\" included
  }
  return false;
}

}  // namespace

Result<std::vector<PatternPart>> RuleData::SplitForbid(const std::string& source, const std::string& where) const {
  auto expanded = Expand(source, where, nullptr);
  if (!expanded.ok()) return expanded.status();
  std::vector<PatternPart> parts;
  if (HasNumberedBackReference(*expanded)) return parts;
  for (const auto& alternative : TopLevelAlternatives(*expanded)) {
    PatternPart part;
    auto compiled = CompileExpanded(alternative, where, &part.cues);
    if (!compiled.ok()) return std::vector<PatternPart>{};  // it needs the others: the whole pattern is run
    part.pattern = *compiled;
    parts.push_back(std::move(part));
  }
  return parts;
}

Result<std::string> RuleData::Expand(const std::string& source, const std::string& where, Rule* rule) const {
  // Expands {s:ORG} into ⟦(?:ORG|GROUP|...)#(?<s>\d+)⟧ and {ORG} into the same without a name.
  std::string expanded;
  size_t pos = 0;
  while (pos < source.size()) {
    size_t open = source.find('{', pos);
    if (open == std::string::npos) { expanded += LowerPattern(source.substr(pos)); break; }
    size_t close = source.find('}', open);
    if (close == std::string::npos) { expanded += LowerPattern(source.substr(pos)); break; }
    std::string inside = source.substr(open + 1, close - open - 1);
    std::string name;
    std::string type = inside;
    if (size_t colon = inside.find(':'); colon != std::string::npos) {
      name = inside.substr(0, colon);
      type = inside.substr(colon + 1);
    }
    auto macro = macros_.find(type);
    expanded += LowerPattern(source.substr(pos, open - pos));
    if (macro == macros_.end()) {
      if (!inside.empty() && (std::isdigit(static_cast<unsigned char>(inside[0])) || inside[0] == ',')) {
        expanded += "{" + inside + "}";  // a repetition count
        pos = close + 1;
        continue;
      }
      return Status::InvalidArgument(where + ": unknown type macro {" + inside + "}");
    }
    std::string alternatives;
    for (const auto& t : macro->second) alternatives += (alternatives.empty() ? "" : "|") + t;
    expanded += "⟦(?:" + alternatives + ")#" + (name.empty() ? std::string("\\d+") : "(?<" + name + ">\\d+)") + "⟧";
    if (rule != nullptr && (name == "s" || name == "o" || name == "a")) {
      Cue types;
      for (const auto& t : macro->second) types.push_back("⟦" + t + "#");
      rule->cues.push_back(std::move(types));
    }
    pos = close + 1;
  }
  return FoldNukta(ToNfc(expanded));
}

Result<std::shared_ptr<const icu::RegexPattern>> RuleData::CompileExpanded(const std::string& expanded, const std::string& where,
                                                                          std::vector<Cue>* cues) const {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  std::shared_ptr<const icu::RegexPattern> pattern(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(WithFirstCharGuards(expanded)), 0, parse_error, status));
  if (U_FAILURE(status) || !pattern) {
    // Compiled as written: a bad pattern's error offset then points into the rule file's text.
    status = U_ZERO_ERROR;
    pattern.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(expanded), 0, parse_error, status));
  }
  if (U_FAILURE(status) || !pattern) {
    return Status::InvalidArgument(where + ": bad regular expression (" + u_errorName(status) + " at offset " +
                                   std::to_string(parse_error.offset) + ")");
  }
  if (cues != nullptr) {
    for (auto& cue : PatternCues(expanded)) cues->push_back(std::move(cue));
    DropImpliedCues(cues);
    // Cues with fewer alternatives first: cheaper to test, and they fail sooner.
    std::stable_sort(cues->begin(), cues->end(), [](const Cue& a, const Cue& b) { return a.size() < b.size(); });
  }
  return pattern;
}

Status RuleData::LoadRules(const std::string& path, Language* lang) {
  Rule* rule = nullptr;
  auto group = [](const icu::RegexPattern& p, const char* name) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = p.groupNumberFromName(icu::UnicodeString(name), status);
    return U_FAILURE(status) ? 0 : n;
  };
  Status status = ForEachLine(path, [&](int n, const std::string& raw) -> Status {
    std::string line = Trim(raw);
    size_t space = line.find_first_of(" \t");
    std::string key = line.substr(0, space);
    std::string value = space == std::string::npos ? "" : Trim(line.substr(space));
    std::string where = path + ":" + std::to_string(n);
    if (key == "rule") {
      std::istringstream in(value);
      Rule fresh;
      in >> fresh.name >> fresh.predicate;
      if (fresh.predicate.empty()) return Bad(path, n, "expected: rule NAME PREDICATE");
      if (fresh.predicate == kAttribution) {
        fresh.role = RuleRole::kAttribution;
      } else if (fresh.predicate == kSamePrevious) {
        fresh.role = RuleRole::kSamePrevious;
      } else if (fresh.predicate[0] == '@') {
        return Bad(path, n, "unknown rule role '" + fresh.predicate + "' (" + kAttribution + " or " + kSamePrevious + ")");
      } else if (predicates_.count(fresh.predicate) == 0) {
        return Bad(path, n, "unknown predicate '" + fresh.predicate + "' (declare it in predicates.tsv)");
      }
      fresh.file = path;
      fresh.line = n;
      lang->rules.push_back(std::move(fresh));
      rule = &lang->rules.back();
      return Status::OK();
    }
    if (rule == nullptr) return Bad(path, n, "'" + key + "' before the first 'rule' line");
    if (key == "match" || key == "require" || key == "forbid") {
      const auto& slot = key == "match" ? rule->match : key == "require" ? rule->require : rule->forbid;
      if (slot != nullptr) return Bad(path, n, "'" + key + "' given twice in rule " + rule->name + ": join them with |");
      auto compiled = Compile(value, where, key == "match" ? rule : nullptr, key == "forbid" ? &rule->forbid_cues : &rule->cues);
      if (!compiled.ok()) return compiled.status();
      (key == "match" ? rule->match : key == "require" ? rule->require : rule->forbid) = *compiled;
      if (key == "forbid") {
        auto parts = SplitForbid(value, where);
        if (!parts.ok()) return parts.status();
        rule->forbid_parts = std::move(*parts);
      }
      if (key == "match") {
        rule->group_s = group(**compiled, "s");
        rule->group_o = group(**compiled, "o");
        rule->group_w = group(**compiled, "w");
        rule->group_a = group(**compiled, "a");
      }
    } else if (key == "when") {
      if (value != "none") return Bad(path, n, "when: only 'none' is known");
      rule->when_none = true;
    } else if (key == "subject") {
      if (value != "topic") return Bad(path, n, "subject: only 'topic' is known");
      rule->subject_topic = true;
    } else if (key == "objects") {
      if (value != "list") return Bad(path, n, "objects: only 'list' is known");
      rule->object_lists = true;
    } else if (key == "negation") {
      if (value != "read") return Bad(path, n, "negation: only 'read' is known");
      rule->reads_negation = true;
    } else if (key == "object") {
      if (value != "town") return Bad(path, n, "object: only 'town' is known");
      rule->object_town = true;
    } else if (key == "mask") {
      if (value != "no") return Bad(path, n, "mask: only 'no' is known");
      rule->keep_tags = true;
    } else if (key == "unit") {
      rule->unit = value;
    } else if (key == "example" || key == "counter") {
      RuleExample example;
      example.file = path;
      example.line = n;
      example.negative = key == "counter";
      example.predicate = rule->predicate;
      size_t arrow = value.find("=>");
      example.sentence = Trim(value.substr(0, arrow));
      if (arrow != std::string::npos) {
        std::istringstream claims(value.substr(arrow + 2));
        for (std::string claim; std::getline(claims, claim, ';');) {
          if (!Trim(claim).empty()) example.expected.push_back(Trim(claim));
        }
      }
      lang->examples.push_back(std::move(example));
    } else {
      return Bad(path, n, "unknown key '" + key + "'");
    }
    return Status::OK();
  });
  KG_RETURN_IF_ERROR(status);
  for (const auto& r : lang->rules) {
    if (!r.match) return Status::InvalidArgument(r.file + ":" + std::to_string(r.line) + ": rule " + r.name + " has no match line");
    if (r.role == RuleRole::kAttribution ? r.group_a == 0 : r.group_o == 0) {
      return Status::InvalidArgument(r.file + ":" + std::to_string(r.line) + ": rule " + r.name +
                                     " needs an {o:...} (or, for @attribution, {a:...}) capture");
    }
    if (r.role == RuleRole::kClaim && r.group_s == 0 && !r.subject_topic) {
      return Status::InvalidArgument(r.file + ":" + std::to_string(r.line) + ": rule " + r.name +
                                     " needs an {s:...} capture or 'subject topic'");
    }
  }
  return Status::OK();
}

}  // namespace kg::ingest
