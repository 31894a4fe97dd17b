// kg::Extractor over the rule data: the whole pipeline for one document.
//   UTF-8 check -> NFC -> clutter removed -> sentences -> tagged mentions
//   -> attribution and relation rules -> statements with provenance.
// Byte spans and the content hash refer to the NFC text.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <set>

#include "ingest/clutter.h"
#include "ingest/descriptions.h"
#include "ingest/frames.h"
#include "ingest/relations.h"
#include "ingest/rule_data.h"
#include "ingest/rule_extractor.h"
#include "ingest/salience.h"
#include "ingest/sentences.h"
#include "ingest/tagger.h"
#include "ingest/text_check.h"
#include "kg/ingest.h"
#include "storage/normalize.h"

namespace kg {

namespace ingest {

namespace {

// 64-bit FNV-1a twice (forwards, and seeded with the length): a content
// fingerprint for "has this document changed", not a cryptographic hash.
std::string ContentHash(std::string_view text) {
  uint64_t a = 1469598103934665603ULL;
  uint64_t b = 1099511628211ULL ^ text.size();
  for (unsigned char c : text) {
    a = (a ^ c) * 1099511628211ULL;
    b = (b ^ c) * 6364136223846793005ULL + 1442695040888963407ULL;
  }
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a), static_cast<unsigned long long>(b));
  return buf;
}

// Adds the count of each unknown one-word name that two longer names or more
// start with ("Erida" of "Erida Energia" and "Erida Digitale") to theirs, in
// `totals`; returns those short names.
std::set<std::string> CountSharedShortNames(const std::map<std::string, size_t>& counts, const std::set<std::string>& unknown,
                                            std::map<std::string, size_t>* totals) {
  std::set<std::string> short_names;
  for (const auto& short_name : unknown) {
    if (short_name.find(' ') != std::string::npos) continue;
    std::vector<std::string> longer;
    for (const auto& [id, count] : counts) {
      if (id.size() > short_name.size() && id.compare(0, short_name.size(), short_name) == 0 && id[short_name.size()] == ' ') {
        longer.push_back(id);
      }
    }
    if (longer.size() < 2) continue;
    for (const auto& id : longer) (*totals)[id] += counts.at(short_name);
    short_names.insert(short_name);
  }
  return short_names;
}

// The organisation the document is about: the one named most often (names
// missing from the gazetteer count too: articles are often about them), a
// maker or supplier aside ("एनवीडिया से 5,000 H200 चिप्स": when the buyer's
// name is not read, the anaphors must not go to its supplier), and so is a
// company an interviewer asks about ("E Nvidia?"); a tie goes to the one
// named first (the headline's). An unknown one-word name the tagger left apart
// because two longer names or more start with it ("Erida" beside "Erida
// Energia" and its unit "Erida Digitale") counts for each of them, not for
// itself: the page's company is named more often than one of its spellings
// says. (One longer name is the short name's already, or a product named
// after it: "Proximus Nova 2".) A name of `products` never counts ("il suo
// chatbot multilingue Meera", named more often than its maker).
std::string Topic(const std::vector<TaggedSentence>& sentences, const std::vector<Salience::Place>& places,
                  const Language& lang, const std::set<std::string>& products) {
  std::map<std::string, size_t> counts;
  std::set<std::string> unknown;
  std::vector<std::string> order;
  for (size_t k = 0; k < sentences.size(); ++k) {
    if (places[k].asked) continue;
    const TaggedSentence& s = sentences[k];
    for (size_t i = 0; i < s.tags.size(); ++i) {
      const Tag& tag = s.tags[i];
      if ((tag.type != "ORG" && tag.type != "UNK") || NamedAsSupplier(s, lang, i) || products.count(tag.id)) continue;
      if (counts[tag.id]++ == 0) order.push_back(tag.id);
      if (tag.type == "UNK") unknown.insert(tag.id);
    }
  }
  std::map<std::string, size_t> totals = counts;
  std::set<std::string> short_names = CountSharedShortNames(counts, unknown, &totals);
  std::string best;
  size_t best_count = 0;
  for (const auto& id : order) {
    if (!short_names.count(id) && totals[id] > best_count) { best = id; best_count = totals[id]; }
  }
  return best;
}

// Does `text` start with a quotation mark (an answer quoted in an interview)?
bool IsQuoteMark(std::string_view text) {
  for (std::string_view mark : {"\"", "\u201c", "\u00ab", "'", "\u2018"}) {
    if (text.substr(0, mark.size()) == mark) return true;
  }
  return false;
}

// Does the sentence ask something ("Quanto spenderete?", "«Nvidia?")?
bool Asks(std::string_view sentence) {
  size_t last = sentence.find_last_not_of(" \t\"'\u00bb\u201d\u2019");  // bytes of closing quotes too
  return last != std::string_view::npos && sentence[last] == '?';
}

// Where each sentence stands: in an interviewer's line (one that opens or
// ends with a question, "Quali chip? In Europa tutti parlano di Nvidia.",
// and is no quoted answer), and whether the next sentence continues its
// paragraph (a line of the text is a paragraph).
std::vector<Salience::Place> PlacesOnPage(std::string_view text, const std::vector<Span>& spans) {
  std::vector<Salience::Place> places(spans.size());
  auto sentence = [&](size_t i) { return text.substr(spans[i].start, spans[i].end - spans[i].start); };
  size_t first = 0;  // the first sentence of the current line
  for (size_t i = 0; i < spans.size(); ++i) {
    bool line_ends = i + 1 == spans.size() || text.substr(spans[i].end, spans[i + 1].start - spans[i].end).find('\n') != std::string_view::npos;
    places[i].paragraph_goes_on = !line_ends;
    if (!line_ends) continue;
    bool asked = !IsQuoteMark(sentence(first)) && (Asks(sentence(first)) || Asks(sentence(i)));
    for (size_t k = first; k <= i; ++k) places[k].asked = asked;
    first = i + 1;
  }
  return places;
}

// Opening and closing quotation marks: straight (the same mark twice), English and guillemets.
constexpr std::pair<std::string_view, std::string_view> kQuoteMarks[] = {
    {"\"", "\""}, {"\u201c", "\u201d"}, {"\u00ab", "\u00bb"}};

// The closing mark of the quotation `sentence` opens and leaves open ("\"Out of the 14.5 billion,
// ... this year." before "... ,\" the CFO replied."), or "" when it opens none or closes it.
std::string_view OpenQuoteClose(std::string_view sentence) {
  if (sentence.substr(0, 1) == "\"") return std::count(sentence.begin(), sentence.end(), '"') % 2 == 1 ? "\"" : "";
  for (auto [open, close] : kQuoteMarks) {
    if (open == close || sentence.substr(0, open.size()) != open) continue;
    return sentence.find(close) == std::string_view::npos ? close : "";
  }
  return "";
}

// The closing mark of a quotation opened inside `sentence`, after its speaker, and left open ("Lindqvist
// said: \"We will invest ..."), or "".
std::string_view QuoteLeftOpenInside(std::string_view sentence) {
  if (std::count(sentence.begin(), sentence.end(), '"') % 2 == 1) return "\"";
  for (auto [open, close] : kQuoteMarks) {
    if (open == close) continue;
    // The last opening mark, found forward (rfind compares at every position: 24M instructions on the probe set).
    size_t opened = std::string_view::npos;
    for (size_t at = sentence.find(open); at != std::string_view::npos; at = sentence.find(open, at + 1)) opened = at;
    if (opened != std::string_view::npos && sentence.find(close, opened) == std::string_view::npos) return close;
  }
  return "";
}

// Does `sentence`, the first of a paragraph, go on with a quotation left open that `close` ends? Journalists
// open each paragraph of a long quotation with the opening mark again, and close only the last.
bool ReopensQuotation(std::string_view sentence, std::string_view close) {
  return std::any_of(std::begin(kQuoteMarks), std::end(kQuoteMarks), [&](const auto& marks) {
    return marks.second == close && sentence.substr(0, marks.first.size()) == marks.first;
  });
}

// A quotation of several sentences is its speaker's: named where it closes, or, for one that runs into the
// next paragraphs, named before it ("Lindqvist said: \"... \n\"...\"") when the closing sentence names none.
// The source of each sentence of the quotation whose own is none ("" for the others).
std::vector<std::string> QuotationSpeakers(std::string_view text, const std::vector<Span>& spans,
                                           const std::vector<Salience::Place>& places,
                                           const std::vector<std::string>& sources) {
  std::vector<std::string> speakers(spans.size());
  auto sentence = [&](size_t i) { return text.substr(spans[i].start, spans[i].end - spans[i].start); };
  for (size_t first = 0; first < spans.size(); ++first) {
    std::string_view close = OpenQuoteClose(sentence(first));
    bool opened_inside = close.empty();
    if (opened_inside) close = QuoteLeftOpenInside(sentence(first));
    if (close.empty()) continue;
    size_t last = first;
    bool closed = false;
    bool paragraphs = false;  // the quotation runs into the next paragraph
    while (!closed && last + 1 < spans.size()) {
      bool reopened = !places[last].paragraph_goes_on && ReopensQuotation(sentence(last + 1), close);
      if (!places[last].paragraph_goes_on && !reopened) break;
      paragraphs = paragraphs || reopened;
      std::string_view next = sentence(++last);
      closed = next.find(close, reopened ? close.size() : 0) != std::string_view::npos;
    }
    if (!paragraphs && (!closed || opened_inside)) continue;  // within a paragraph: only "\"... . ...,\" X said"
    // The speaker named where it closes; over paragraphs, else the one before it, who also gets the last sentence.
    bool closer_names = closed && !sources[last].empty();
    const std::string& speaker = closer_names || !paragraphs ? sources[last] : sources[first];
    for (size_t k = first; k < last + (closer_names ? 0 : 1); ++k) speakers[k] = sources[k].empty() ? speaker : "";
    first = last;
  }
  return speakers;
}

bool IsMoney(const Term& t) {
  return t.kind == TermKind::kQuantity && t.unit.size() == 3 && std::isupper(static_cast<unsigned char>(t.unit[0]));
}

// How far back "this budget" may point, in sentences.
constexpr size_t kAnaphoraReach = 5;

// Completes an "@previous" statement from the latest money claim, when that
// one is near and in another currency (the same amount restated).
bool ContinuesPrevious(const std::optional<std::pair<Claim, size_t>>& last, size_t sentence, Claim* claim) {
  if (!last || sentence - last->second > kAnaphoraReach || last->first.object.unit == claim->object.unit) return false;
  claim->subject = last->first.subject;
  claim->predicate = last->first.predicate;
  claim->when = last->first.when;
  return true;
}

// The single-word names the document's sentences use (UNK tags).
std::set<std::string> SingleWordNames(const std::vector<TaggedSentence>& sentences) {
  std::set<std::string> names;
  for (const auto& s : sentences) {
    for (const auto& tag : s.tags) {
      if (tag.type == "UNK" && tag.id.find(' ') == std::string::npos) names.insert(tag.id);
      // "... with CoreWeave, Nebius and Lambda": a group's members are names too
      if (tag.type != "GROUP") continue;
      for (const auto& member : tag.members) {
        if (member.find(' ') == std::string::npos) names.insert(member);
      }
    }
  }
  return names;
}

// A headline restates a claim of the body without its year ("Nscale, piano
// da 2,5 miliardi di sterline"): an undated claim that the document also
// states with one date, same subject, predicate and object, takes that date.
void DateUndatedRestatements(std::vector<DocumentInput::Statement>* statements) {
  for (auto& undated : *statements) {
    Claim& claim = undated.claim;
    if (!claim.when.empty()) continue;
    std::set<std::string> dates;
    for (const auto& other : *statements) {
      const Claim& dated = other.claim;
      if (!dated.when.empty() && dated.predicate == claim.predicate && dated.subject.SameAs(claim.subject) &&
          dated.object.SameAs(claim.object)) {
        dates.insert(dated.when);
      }
    }
    if (dates.size() == 1) claim.when = *dates.begin();
  }
}

// A figure a frame read in one sentence (a headline: "... will invest EUR 4bn") that a rule
// reads elsewhere in the document ("about EUR 4bn") is the rule's: the frame's mention goes, so
// that the claims the rules make, bound included, stay as they were.
void DropFramesTheRulesRestate(std::vector<DocumentInput::Statement>* statements) {
  auto by_rule = [](const DocumentInput::Statement& st) { return !IsFrameRule(st.mention.rule); };
  std::vector<const Claim*> ruled;
  for (const auto& st : *statements) {
    if (by_rule(st)) ruled.push_back(&st.claim);
  }
  auto restated = [&](const DocumentInput::Statement& st) {
    return !by_rule(st) && std::any_of(ruled.begin(), ruled.end(), [&st](const Claim* c) {
             return c->predicate == st.claim.predicate && c->when == st.claim.when &&
                    c->subject.SameAs(st.claim.subject) && c->object.SameAs(st.claim.object);
           });
  };
  statements->erase(std::remove_if(statements->begin(), statements->end(), restated), statements->end());
}

// "Il gruppo bergamasco" says the province; "ha sede a Ponte San Pietro" the town: a home read from an
// adjective (salience.cpp ReadHomeAdjectives) gives way to any other home the page states for the company.
void DropHomesOfAdjectivesStatedOtherwise(std::vector<DocumentInput::Statement>* statements) {
  auto of_adjective = [](const DocumentInput::Statement& st) { return IsHomeAdjectiveRule(st.mention.rule); };
  std::set<std::string> stated;  // companies with a home read otherwise
  for (const auto& st : *statements) {
    if (st.claim.predicate == "headquartered_in" && !of_adjective(st)) stated.insert(st.claim.subject.value);
  }
  auto superseded = [&](const DocumentInput::Statement& st) { return of_adjective(st) && stated.count(st.claim.subject.value) > 0; };
  statements->erase(std::remove_if(statements->begin(), statements->end(), superseded), statements->end());
}

}  // namespace

void RuleExtractor::RetagKnownInitialNames(const std::string& text, const std::vector<Span>& spans, const Language& lang,
                                           const RefDate& ref, std::vector<TaggedSentence>* tagged) const {
  std::set<std::string> names = SingleWordNames(*tagged);
  if (names.empty()) return;
  for (size_t i = 0; i < tagged->size(); ++i) {
    std::string initial = UntaggedInitialWord((*tagged)[i]);
    if (initial.empty() || names.count(initial) == 0) continue;
    (*tagged)[i] = TagSentence(std::string_view(text).substr(spans[i].start, spans[i].end - spans[i].start), lang,
                               *data_, ref, names);
  }
}

Result<std::unique_ptr<RuleExtractor>> RuleExtractor::Create(const std::string& rules_dir) {
  auto data = RuleData::Load(rules_dir);
  if (!data.ok()) return data.status();
  std::unique_ptr<RuleExtractor> extractor(new RuleExtractor(*data));
  KG_RETURN_IF_ERROR(extractor->Init());
  return extractor;
}

  Status RuleExtractor::Init() {
    for (const auto& code : data_->languages()) {
      const Language* lang = data_->language(code);
      auto splitter = SentenceSplitter::Create(lang->locale, lang->abbreviations);
      if (!splitter.ok()) return splitter.status();
      splitters_.emplace(code, std::move(splitter).value());
    }
    return Status::OK();
  }

Result<DocumentInput> RuleExtractor::Extract(const std::string& raw, const Document& meta) const {
  return Extract(raw, meta, nullptr);
}

  Result<DocumentInput> RuleExtractor::Extract(const std::string& raw, const Document& meta, ExtractStats* stats) const {
    KG_RETURN_IF_ERROR(CheckText(raw));
    DocumentInput input;
    input.document = meta;
    std::string text = ArticleNfc(raw);
    std::string lang_code = meta.lang.empty() ? DetectLanguage(text, *data_) : meta.lang;
    const Language* lang = data_->language(lang_code);
    if (lang == nullptr) {
      return Status::InvalidArgument(lang_code.empty() ? "unknown language (neither the script nor frequent words match a known language)"
                                                       : "unknown language '" + lang_code + "'");
    }
    input.document.lang = lang_code;
    input.document.content_hash = ContentHash(text);
    input.document.size = text.size();
    RefDate ref = RefDate::Parse(meta.published);

    std::vector<Span> lines = ContentLines(text, *lang);
    for (const Span& line : lines) {
      if (input.document.title.empty()) input.document.title = text.substr(line.start, std::min<size_t>(line.end - line.start, 200));
    }
    std::vector<Span> spans = splitters_.at(lang_code).Split(text, lines);
    std::vector<TaggedSentence> tagged;
    tagged.reserve(spans.size());
    for (const Span& s : spans) {
      tagged.push_back(TagSentence(std::string_view(text).substr(s.start, s.end - s.start), *lang, *data_, ref));
    }
    RetagKnownInitialNames(text, spans, *lang, ref, &tagged);
    ReadDocumentWide(*lang, *data_, ref, &tagged);
    MarkTownsOfDescriptions(*lang, &tagged);  // before the page's company is counted
    if (stats != nullptr) stats->sentences = spans.size();
    DocumentContext context;
    std::vector<Salience::Place> places = PlacesOnPage(text, spans);
    std::set<std::string> products = NamesWrittenAsProducts(*lang, tagged);
    context.topic = Topic(tagged, places, *lang, products);
    std::set<std::string> entities;
    std::optional<std::pair<Claim, size_t>> last_money;  // the latest money claim and its sentence
    Salience salience(*lang, std::move(products));
    Homes homes;
    FrameReader frames(*lang, *data_, ref);
    std::unique_ptr<RuleMatchers> matchers = matchers_.Take();
    std::vector<std::string> sources(tagged.size());  // each sentence's attribution
    for (size_t i = 0; i < tagged.size(); ++i) {
      std::string attributed = ApplyAttribution(*lang, &tagged[i], &context, matchers.get());
      sources[i] = attributed;
      context.salient = salience.For(tagged[i], context.topic);
      if (std::string owner = salience.PossessiveOwner(tagged[i], context.Antecedent()); !owner.empty()) context.salient = owner;
      if (std::string speaker = salience.SpeakerCompany(tagged[i]); !speaker.empty()) context.salient = speaker;
      salience.ResolveRoles(context.Antecedent(), &tagged[i]);
      ResolvePlaceDescriptions(*lang, homes, context.Antecedent(), &tagged[i]);
      std::vector<Extracted> sentence_found = ApplyRelations(*lang, *data_, tagged[i], context, matchers.get());
      salience.Observe(tagged[i], sentence_found, context, places[i]);
      // After the salience: the frames add figures and leave what the rules read, and what it makes of them, as it was.
      frames.Read(tagged[i], &sentence_found, context);
      std::vector<Extracted> described = ReadDescriptions(*lang, tagged[i], sentence_found, context);
      sentence_found.insert(sentence_found.end(), std::make_move_iterator(described.begin()), std::make_move_iterator(described.end()));
      ReadHomeAdjectives(*lang, tagged[i], context, &sentence_found);
      ReadHomeLabels(*lang, tagged, i, context, &sentence_found);
      NoteHomes(sentence_found, &homes);
      for (auto& found : sentence_found) {
        if (found.claim.predicate == kSamePrevious) {
          if (!ContinuesPrevious(last_money, i, &found.claim)) continue;
        }
        if (IsMoney(found.claim.object)) last_money = std::make_pair(found.claim, i);
        DocumentInput::Statement statement;
        statement.claim = std::move(found.claim);
        Mention& mention = statement.mention;
        mention.doc = input.document.id;
        mention.lang = lang_code;
        mention.sentence = static_cast<uint32_t>(i);
        mention.start = static_cast<uint32_t>(spans[i].start);
        mention.end = static_cast<uint32_t>(spans[i].end);
        mention.text = text.substr(spans[i].start, spans[i].end - spans[i].start);
        mention.rule = found.rule;
        mention.attributed_to = attributed == statement.claim.subject.value ? "" : attributed;
        mention.bound = found.bound;
        entities.insert(statement.claim.subject.value);
        if (statement.claim.object.kind == TermKind::kEntity) entities.insert(statement.claim.object.value);
        if (!mention.attributed_to.empty()) entities.insert(mention.attributed_to);
        input.statements.push_back(std::move(statement));
      }
    }
    matchers_.Give(std::move(matchers));
    std::vector<std::string> speakers = QuotationSpeakers(text, spans, places, sources);
    for (auto& statement : input.statements) {
      const std::string& speaker = speakers[statement.mention.sentence];
      if (speaker.empty() || speaker == statement.claim.subject.value) continue;
      statement.mention.attributed_to = speaker;
      entities.insert(speaker);
    }
    DropFramesTheRulesRestate(&input.statements);
    DropHomesOfAdjectivesStatedOtherwise(&input.statements);
    DateUndatedRestatements(&input.statements);
    for (const auto& id : entities) {
      if (const GazetteerEntry* entry = data_->entity(id)) {
        for (const auto& alias : entry->aliases) input.aliases.push_back(Alias{alias, id, ""});
      }
    }
    return input;
  }

}  // namespace ingest

Extractor::~Extractor() = default;

std::string DefaultRulesDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("KG_RULES_DIR"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  if (fs::exists(fs::path(KG_INSTALL_RULES_DIR) / "predicates.tsv", ec)) return KG_INSTALL_RULES_DIR;
  return KG_SOURCE_RULES_DIR;
}

Result<std::unique_ptr<Extractor>> Extractor::Load(const std::string& rules_dir) {
  auto extractor = ingest::RuleExtractor::Create(rules_dir);
  if (!extractor.ok()) return extractor.status();
  return std::unique_ptr<Extractor>(std::move(extractor).value());
}

}  // namespace kg
