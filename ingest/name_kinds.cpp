#include "ingest/name_kinds.h"

#include "ingest/clauses.h"
#include "ingest/phrase_match.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>

namespace kg::ingest {

namespace {

constexpr int kWordsBeforeRole = 3;  // "Aki Morimoto, a senior analyst": the role within three words of the comma

bool StartsAt(const std::string& text, size_t pos, const std::string& phrase) {
  return text.compare(pos, phrase.size(), phrase) == 0 && !IsWordCharAt(text, pos + phrase.size());
}

bool AnyStartsAt(const std::string& text, size_t pos, const std::vector<std::string>& phrases) {
  return std::any_of(phrases.begin(), phrases.end(), [&](const std::string& p) { return StartsAt(text, pos, p); });
}

// The longest phrase of `kinds` ending at `end` ("chief executive", "analyst"), or nullptr; an
// acronym only as written ("AD" the Italian chief executive, not "ad" the preposition).
const Phrase* KindEndingAt(const PhraseTable& kinds, const TextView& view, size_t end) {
  const Phrase* found = nullptr;
  for (const Phrase& kind : kinds.phrases()) {
    if (!PhraseEndsAt(view.text, end, kind.folded) || (found != nullptr && kind.folded.size() <= found->folded.size())) continue;
    size_t start = end - kind.folded.size();
    if (kind.acronym && view.source.substr(view.SourceOffset(start), view.SourceOffset(end) - view.SourceOffset(start)) !=
                            kind.written) {
      continue;
    }
    found = &kind;
  }
  return found;
}


constexpr const char* kPerson = "PERSON";
// An unknown name the page calls a product: still an unknown name for the rules (`UNKNOWN_NAME`), and a
// product (`PRODUCT`, `RIVAL`), never a company.
constexpr const char* kUnknownProduct = "UNKPRODUCT";
// A person whose role is `outside` (an analyst): what such a person forecasts is no claim (relations.cpp).
constexpr const char* kAnalyst = "ANALYST";
// A company named before its unit ("G42's cloud unit Core42"): no subject, the parent of the `owns` rules.
constexpr const char* kParent = "PARENT";
// A company the money goes to ("Most of it will go to Nvidia:"): no subject.
constexpr const char* kPayee = "PAYEE";
// "Singtel's data-centre arm Nxera", "G42 की क्लाउड और AI इन्फ्रास्ट्रक्चर इकाई Core42": up to four words between
// the genitive and the unit word.
constexpr int kWordsBeforeUnitWord = 4;
// "Priya Rao, chief financial officer of Halcyon AI", "Halcyon AI के सीएफओ प्रिया राव": the speaker's role
// and company within six words of the name.
constexpr int kWordsToSpeakersCompany = 6;

// What an apposition after the name calls it: ", [up to `max_words` words]
// KIND", no word of `stops` on the way and none of `not_after` right after
// the kind ("Lumora, a spokesperson said"; "Lumora, the AI model developer");
// nullptr when there is none.
struct Apposition {
  const PhraseTable& kinds;
  const std::vector<std::string>& stops;
  const std::vector<std::string>& not_after;
  int max_words;
};

const Phrase* KindInApposition(const Apposition& apposition, const TextView& view, size_t name_end) {
  const std::string& text = view.text;
  size_t pos = SkipSpaces(text, name_end);
  if (pos >= text.size() || text[pos] != ',') return nullptr;
  pos = SkipSpaces(text, pos + 1);
  for (int words = 0; words <= apposition.max_words && pos < text.size(); ++words) {
    size_t kind_end = 0;
    if (const Phrase* kind = apposition.kinds.Match(view, pos, &kind_end)) {
      return AnyStartsAt(text, SkipSpaces(text, kind_end), apposition.not_after) ? nullptr : kind;
    }
    if (AnyStartsAt(text, pos, apposition.stops)) return nullptr;
    size_t end = WordEndAt(text, pos);
    if (end == pos) return nullptr;  // punctuation ends the apposition
    pos = SkipSpaces(text, end);
  }
  return nullptr;
}

// "Orbis Telecom's chief financial officer, Maria Lindqvist, said": the role right before the commas
// around the name; nullptr when there is none.
const Phrase* RoleBeforeApposition(const Language& lang, const TextView& view, const Tag& tag) {
  const std::string& text = view.text;
  size_t comma = BackOverSpaces(text, tag.start);
  size_t after = SkipSpaces(text, tag.end);
  if (comma == 0 || text[comma - 1] != ',' || after >= text.size() || text[after] != ',') return nullptr;
  return KindEndingAt(lang.person_roles, view, BackOverSpaces(text, comma - 1));
}

// The type a name's context gives it: PERSON, ANALYST (an `outside` role) or "" (no person's context).
std::string PersonTypeByContext(const Language& lang, const TextView& view, const Tag& tag) {
  size_t before = BackOverSpaces(view.text, tag.start);
  const Phrase* role = KindEndingAt(lang.person_roles, view, before);
  const Phrase* descriptor = KindEndingAt(lang.company_descriptors, view, before);
  // "the pension manager X": the longer phrase says what X is, a company, not its "manager"
  if (descriptor != nullptr && (role == nullptr || descriptor->folded.size() >= role->folded.size())) return "";
  if (role == nullptr) {
    role = KindInApposition({lang.person_roles, lang.relative_words, lang.speech_verbs, kWordsBeforeRole}, view, tag.end);
  }
  if (role == nullptr) role = RoleBeforeApposition(lang, view, tag);
  if (role != nullptr) return role->value == "outside" ? kAnalyst : kPerson;
  return PhraseEndsAt(view.text, before, lang.person_titles) ? kPerson : "";
}

std::vector<std::string> Words(const std::string& name) {
  std::vector<std::string> words;
  for (size_t pos = 0; pos < name.size();) {
    size_t end = name.find(' ', pos);
    if (end == std::string::npos) end = name.size();
    if (end > pos) words.push_back(name.substr(pos, end - pos));
    pos = end + 1;
  }
  return words;
}

bool IsCompanyWord(const Language& lang, const std::string& word) {
  std::string folded = FoldPhrase(word);
  auto in = [&](const std::vector<std::string>& list) { return std::find(list.begin(), list.end(), folded) != list.end(); };
  return in(lang.legal_suffixes) || in(lang.name_tails);
}

// "Josh Payne" beside "Payne" alone: a first name and a surname (a company
// is shortened to its first word, "Sakura" for "Sakura Internet").
std::set<std::string> PeopleBySurname(const Language& lang, const std::set<std::string>& unknown_names) {
  std::set<std::string> people;
  for (const std::string& name : unknown_names) {
    std::vector<std::string> words = Words(name);
    if (words.size() < 2 || words.size() > 3) continue;
    if (std::any_of(words.begin(), words.end(), [&](const std::string& w) { return IsCompanyWord(lang, w); })) continue;
    if (unknown_names.count(words.back()) && !unknown_names.count(words.front())) people.insert(name);
  }
  return people;
}

// "Macquarie analyst Hugh Lambert": the firm before an `outside` role joins the person's mention.
bool FoldOutsideEmployer(const Language& lang, const TextView& view, size_t person, std::vector<Tag>* tags) {
  size_t role_end = BackOverSpaces(view.text, (*tags)[person].start);
  const Phrase* role = KindEndingAt(lang.person_roles, view, role_end);
  if (person == 0 || role == nullptr || role->value != "outside") return false;
  Tag& employer = (*tags)[person - 1];
  if ((employer.type != "ORG" && employer.type != "UNK") ||
      BackOverSpaces(view.text, role_end - role->folded.size()) != employer.end) {
    return false;
  }
  (*tags)[person].start = employer.start;
  tags->erase(tags->begin() + static_cast<long>(person - 1));
  return true;
}

// "Tom Hale, an economist at Jefferies": the firm at most two words after the analyst's role in the
// apposition after analyst `person`; it is no party to what its analyst says or forecasts (a quote's
// "we", a frame's agent), so it takes the analyst's type.
constexpr int kWordsFromRoleToFirm = 2;

bool MarkAnalystsFirmAfter(const Language& lang, const TextView& view, size_t person, std::vector<Tag>* tags) {
  if (person + 1 >= tags->size()) return false;
  Tag& firm = (*tags)[person + 1];
  const std::string& text = view.text;
  size_t pos = SkipSpaces(text, (*tags)[person].end);
  if ((firm.type != "ORG" && firm.type != "UNK") || pos >= firm.start || text[pos] != ',') return false;
  std::string_view apposition = std::string_view(text).substr(pos + 1, firm.start - pos - 1);
  if (apposition.find_first_of(",;:()\"") != std::string_view::npos) return false;
  for (pos = SkipSpaces(text, pos + 1); pos < firm.start; pos = SkipSpaces(text, WordEndAt(text, pos))) {
    size_t role_end = 0;
    const Phrase* role = lang.person_roles.Match(view, pos, &role_end);
    if (role != nullptr && role->value == "outside" && role_end <= firm.start) {
      if (CountWords(std::string_view(text).substr(role_end, firm.start - role_end)) > kWordsFromRoleToFirm) return false;
      firm.type = kAnalyst;
      return true;
    }
    if (WordEndAt(text, pos) == pos) return false;
  }
  return false;
}

// Is tags[i] between a possessive pronoun and a count's noun ("its Kunlun accelerators")? A
// company's own chips are named so; a company is not ("Lumora chips" may be a maker's).
bool OwnCountedProduct(const Language& lang, const TaggedSentence& s, size_t i) {
  const Tag& tag = s.tags[i];
  if (i == 0 || s.tags[i - 1].type != "POSS" || SkipSpaces(s.view.text, s.tags[i - 1].end) != tag.start) return false;
  size_t end = 0;
  return lang.count_nouns.Match(s.view, SkipSpaces(s.view.text, tag.end), &end) != nullptr;
}

// "the Vela family of models", "the Fjord chat app": up to two lower-case words between the name and
// its product word.
constexpr int kWordsBeforeTrailingProductWord = 2;

// Is tags[i] an unknown name after an article and before a product word, in its singular or
// plural, that ends the phrase ("the Ayo language models", "the Vela family of models", "the
// Fjord chat app")? An interview names its company's models more often than the company.
bool NamedBeforeProductWord(const Language& lang, const TaggedSentence& s, size_t i) {
  const Tag& tag = s.tags[i];
  const std::string& text = s.view.text;
  if (!PhraseBefore(text, tag.start, lang.description_openers)) return false;
  size_t pos = tag.end + 1;
  if (pos >= text.size() || text[tag.end] != ' ') return false;  // "Vela's", "Vela,"
  for (int words = 0; words <= kWordsBeforeTrailingProductWord; ++words) {
    size_t kind_end = 0;
    if (lang.product_words.Match(s.view, pos, &kind_end, true) != nullptr) {
      if (kind_end < text.size() && text[kind_end] == 's') ++kind_end;
      if (kind_end < text.size() && IsWordCharAt(text, kind_end)) return false;  // "the Orbis chipmaker"
      // the product word ends the noun ("the Ridgeline GPU cloud" is a cloud, maybe the company's)
      size_t next = kind_end + 1;
      return kind_end >= text.size() || text[kind_end] != ' ' || next >= text.size() || !IsWordCharAt(text, next) ||
             lang.stopwords.count(text.substr(next, WordEndAt(text, next) - next)) > 0;
    }
    size_t end = WordEndAt(text, pos);
    if (end == pos || end >= text.size() || text[end] != ' ' ||
        std::isupper(static_cast<unsigned char>(s.view.source[s.view.origin[pos]])) != 0) {
      return false;
    }
    pos = end + 1;
  }
  return false;
}

// Does an anaphor open the apposition after tags[i] ("Tessera Intelligence, la start-up dei modelli
// linguistici ...")? Then its product word is the company's trade, not what the name is; an
// anaphor's possessive is the owner ("Vela, the group's e-commerce platform").
bool DescribedAsCompany(const TaggedSentence& s, size_t i) {
  if (i + 1 >= s.tags.size() || s.tags[i + 1].type != "REF") return false;
  const std::string& text = s.view.text;
  std::string_view between = std::string_view(text).substr(s.tags[i].end, s.tags[i + 1].start - s.tags[i].end);
  bool possessive = text.compare(s.tags[i + 1].end, 2, "'s") == 0 || text.compare(s.tags[i + 1].end, 4, "\u2019s") == 0;
  return between.find_first_not_of(", ") == std::string_view::npos && between.find(',') != std::string_view::npos &&
         !possessive;
}

// Is the apposition after tags[i] headed by a product word, first after its article ("Shopee,
// la piattaforma di e-commerce del gruppo") or last ("Vela, the group's e-commerce platform"),
// with nothing tagged in it but anaphors and possessives? Not "the American supplier of GPU capacity" (a company's trade), nor
// "la piattaforma gestita da Halvorsen Cloud" (its maker named), nor "la start-up dei modelli".
bool ProductHeadsApposition(const Language& lang, const TaggedSentence& s, size_t i) {
  if (DescribedAsCompany(s, i)) return false;
  const std::string& text = s.view.text;
  size_t comma = SkipSpaces(text, s.tags[i].end);
  if (comma >= text.size() || text[comma] != ',') return false;
  size_t start = SkipSpaces(text, comma + 1);
  size_t end = std::min(text.find_first_of(",.;", start), text.size());
  for (size_t k = i + 1; k < s.tags.size() && s.tags[k].start < end; ++k) {
    if (s.tags[k].type != "REF" && s.tags[k].type != "POSS") return false;  // a maker, a place, a figure
  }
  size_t kind_end = 0;
  // a noun phrase opens an apposition: "the ...", "la ...", "its ..."
  size_t after_article = WordAfterPhrase(text, start, lang.description_openers);
  bool possessive = i + 1 < s.tags.size() && s.tags[i + 1].start == start && s.tags[i + 1].type == "POSS";
  if (after_article == std::string::npos && !possessive) return false;  // "Fjord, serves open models"
  if (!possessive && lang.product_words.Match(s.view, after_article, &kind_end) != nullptr) return true;
  size_t last = end;
  while (last > start && text[last - 1] == ' ') --last;
  if (last > start && text[last - 1] == 's') --last;  // "platforms"
  return KindEndingAt(lang.product_words, s.view, last) != nullptr;
}

// Is tags[i] named after its owner's product word and one lower-case word that describes the product
// ("il suo chatbot multilingue Meera", "its chatbot app Meera")? The possessive says the name is the
// owner's product, not a trade the name practises ("the platform provider Orvane" has none).
bool OwnProductWordWithAModifier(const Language& lang, const TaggedSentence& s, size_t i) {
  const std::string& text = s.view.text;
  size_t modifier_end = BackOverSpaces(text, s.tags[i].start);
  if (i == 0 || modifier_end == s.tags[i].start || modifier_end == 0) return false;
  size_t modifier = modifier_end;
  while (modifier > 0 && IsWordCharBefore(text, modifier)) {
    do --modifier; while (modifier > 0 && (static_cast<unsigned char>(text[modifier]) & 0xC0) == 0x80);  // a whole letter
  }
  if (modifier == modifier_end || lang.stopwords.count(text.substr(modifier, modifier_end - modifier)) ||
      std::isupper(static_cast<unsigned char>(s.view.source[s.view.origin[modifier]])) != 0) {
    return false;
  }
  size_t kind_end = BackOverSpaces(text, modifier);
  const Phrase* kind = KindEndingAt(lang.product_words, s.view, kind_end);
  if (kind == nullptr || kind_end == modifier) return false;
  const Tag& owner = s.tags[i - 1];
  return owner.type == "POSS" && BackOverSpaces(text, kind_end - kind->folded.size()) == owner.end;
}

// Does a name end in its version or size ("Saaga 2", "Llama 3.3 70B": the tagger's JoinVersionAfterName)?
bool EndsInVersion(const std::string& id) {
  size_t space = id.rfind(' ');
  if (space == std::string::npos) return false;
  std::string last = id.substr(space + 1);
  size_t digits = last.find_first_not_of("0123456789");
  if (digits == 0) return false;
  if (digits == std::string::npos) return last.size() <= 2;
  bool decimal = last[digits] == '.' && digits + 1 < last.size() &&
                 last.find_first_not_of("0123456789", digits + 1) == std::string::npos;
  bool size = digits + 1 == last.size() && (last[digits] == 'B' || last[digits] == 'b');
  return (decimal && digits <= 2) || size;
}

// One-word unknown names the page writes with a version number every time, twice or more, joined
// with it by the tagger (JoinVersionAfterName: "Saaga 2"): a model named so, never the company
// ("Saaga 2, presentato da Kalju AI").
std::set<std::string> AlwaysVersioned(const std::vector<TaggedSentence>& sentences) {
  std::set<std::string> models;
  for (const auto& s : sentences) {
    for (const Tag& tag : s.tags) {
      size_t space = tag.id.find(' ');
      if (tag.type == "UNK" && space != std::string::npos && space == tag.id.rfind(' ') && EndsInVersion(tag.id)) {
        models.insert(tag.id);
      }
    }
  }
  return models;
}

// Is tags[i] where something happens rather than what does it: after "in", alone or in a list of
// such names ("che in Estonia e Lettonia ha superato Gemini")?
bool AfterAPlace(const TaggedSentence& s, size_t i) {
  const std::string& text = s.view.text;
  for (size_t k = i;; --k) {
    size_t start = s.tags[k].start;
    if (start >= 3 && text.compare(start - 3, 3, "in ") == 0 && (start == 3 || text[start - 4] == ' ')) return true;
    if (k == 0 || (s.tags[k - 1].type != "PLACE" && s.tags[k - 1].type != "UNK")) return false;
    std::string between = text.substr(s.tags[k - 1].end, start - s.tags[k - 1].end);
    if (between != " e " && between != " and " && between != ", ") return false;
  }
}

// How far a ranking verb and its known product may stand after an unknown name, in bytes.
constexpr size_t kRankingReach = 60;

// Is tags[i] an unknown name ranked against a known product right after it, or an unknown one in its
// owner's possessive ("Rusalka overtook Google's Gemma", "Saaga trails OpenAI's GPT-5", "Sóng ha
// superato ChatGPT")? Only a product is
// ranked so: the name is one too. Nothing but a `ranking_verb` and the product's maker may stand
// between them.
bool RankedAgainstAProduct(const Language& lang, const TaggedSentence& s, size_t i) {
  if (s.tags[i].type != "UNK" || lang.ranking_verbs.empty() || AfterAPlace(s, i)) return false;
  for (size_t j = i + 1; j < s.tags.size() && s.tags[j].start <= s.tags[i].end + kRankingReach; ++j) {
    const Tag& next = s.tags[j];
    if (next.type == "ORG") continue;  // the product's maker: "Google's Gemma"
    if (!IsProductType(next.type) && next.type != kUnknownProduct) return false;  // JoinRankedProductsWithOwners's
    std::string between = s.view.text.substr(s.tags[i].end, next.start - s.tags[i].end);
    return std::any_of(lang.ranking_verbs.begin(), lang.ranking_verbs.end(),
                       [&](const std::string& verb) { return FindWord(between, verb) != std::string::npos; });
  }
  return false;
}

// Unknown names the page writes after a product word ("il modello X", "मॉडल X", "the platform X"),
// before one ("the X family of models"), in apposition with one as a unit ("X, the group's
// e-commerce platform"), as its own counted product ("its Kunlun accelerators") or always with a version.
// Is tags[i] after a product word ("the cloud platform Brightmere") and not the subject of a relative
// clause on that word ("the cloud platform Brightmere runs for ministries": a relation verb follows, so the
// name is whoever runs it)? One such clause had made a page's own company a product, and the page's
// figures went to its rival.
bool NamedAfterProductWord(const Language& lang, const TaggedSentence& s, size_t i) {
  const Tag& tag = s.tags[i];
  if (KindEndingAt(lang.product_words, s.view, BackOverSpaces(s.view.text, tag.start)) == nullptr) return false;
  size_t verb_end = 0;
  return lang.relation_verbs.Match(s.view, SkipSpaces(s.view.text, tag.end), &verb_end) == nullptr;
}

std::set<std::string> ProductsByContext(const Language& lang, const std::vector<TaggedSentence>& sentences) {
  std::set<std::string> products = AlwaysVersioned(sentences);
  for (const auto& s : sentences) {
    for (size_t i = 0; i < s.tags.size(); ++i) {
      const Tag& tag = s.tags[i];
      if (tag.type != "UNK") continue;
      if (NamedAfterProductWord(lang, s, i) || OwnCountedProduct(lang, s, i) || NamedBeforeProductWord(lang, s, i) || ProductHeadsApposition(lang, s, i) ||
          RankedAgainstAProduct(lang, s, i) || OwnProductWordWithAModifier(lang, s, i)) {
        products.insert(tag.id);
      }
    }
  }
  return products;
}

bool IsCompanyTag(const Tag& tag) { return tag.type == "ORG" || tag.type == "UNK"; }

// "X Cloud, una piattaforma su cui ...", "X, the group's GPU-as-a-service platform": up to four words
// between the comma and the product word.
constexpr int kWordsBeforeProductWord = 4;

// Is the text between `parent` and `unit` "GENITIVE [up to three words] UNIT_WORD[,]" ("'s cloud unit",
// " की क्लाउड इकाई ")?
bool NamesUnitOf(const Language& lang, const TextView& view, const Tag& parent, const Tag& unit) {
  const std::string& text = view.text;
  size_t pos = SkipSpaces(text, parent.end);
  auto genitive = std::find_if(lang.parent_genitives.begin(), lang.parent_genitives.end(),
                               [&](const std::string& g) { return StartsAt(text, pos, g); });
  if (genitive == lang.parent_genitives.end()) return false;
  pos += genitive->size();
  for (int words = 0; words <= kWordsBeforeUnitWord; ++words) {
    pos = SkipSpaces(text, pos);
    for (const std::string& word : lang.unit_words) {
      if (!StartsAt(text, pos, word)) continue;
      size_t after = SkipSpaces(text, pos + word.size());
      if (after < text.size() && text[after] == ',') after = SkipSpaces(text, after + 1);
      if (after == unit.start) return true;
    }
    size_t end = WordEndAt(text, pos);
    if (end == pos || end >= unit.start) return false;  // punctuation, or the unit reached without its word
    pos = end;
  }
  return false;
}


bool Inside(const std::vector<std::pair<size_t, size_t>>& spans, size_t pos) {
  return std::any_of(spans.begin(), spans.end(), [pos](const auto& span) { return pos > span.first && pos < span.second; });
}

// Does [from, to) hold a person's role within kWordsToSpeakersCompany words ("chief financial officer of")?
bool RoleBetween(const Language& lang, const TextView& view, size_t from, size_t to) {
  size_t pos = from;
  for (int words = 0; words <= kWordsToSpeakersCompany; ++words) {
    pos = SkipSpaces(view.text, pos);
    if (pos < to && view.text[pos] == ',') pos = SkipSpaces(view.text, pos + 1);
    if (pos >= to) return false;
    size_t end = 0;
    if (lang.person_roles.Match(view, pos, &end) != nullptr && end <= to) return true;
    size_t next = WordEndAt(view.text, pos);
    if (next == pos) return false;
    pos = next;
  }
  return false;
}

// Is the company right after speaker i the speaker's, with the role between ("Priya Rao, chief financial
// officer of Halcyon AI") or after it ("Priya Rao, Halcyon AI's chief financial officer")?
bool CompanyOfSpeakerAfter(const Language& lang, const TaggedSentence& s, size_t i) {
  const Tag& company = s.tags[i + 1];
  if (RoleBetween(lang, s.view, s.tags[i].end, company.start)) return true;
  std::string_view gap = std::string_view(s.view.text).substr(s.tags[i].end, company.start - s.tags[i].end);
  size_t to = i + 2 < s.tags.size() ? s.tags[i + 2].start : s.view.text.size();
  return gap.find_first_not_of(", ") == std::string_view::npos && RoleBetween(lang, s.view, company.end, to);
}

// A speaker the page names by the role alone, or by a name the tagger does not read ("Halcyon AI के
// सीएफओ प्रिया राव ने कहा", "Halcyon AI's chief executive said"): the one company outside the quotes
// followed by a role; nullptr when there is none or two.
const Tag* CompanyBeforeRole(const Language& lang, const TaggedSentence& s, const std::vector<std::pair<size_t, size_t>>& spans) {
  const Tag* found = nullptr;
  for (size_t i = 0; i < s.tags.size(); ++i) {
    const Tag& company = s.tags[i];
    if (!IsCompanyTag(company) || Inside(spans, company.start)) continue;
    size_t to = i + 1 < s.tags.size() ? s.tags[i + 1].start : s.view.text.size();
    if (!RoleBetween(lang, s.view, company.end, to)) continue;
    if (found != nullptr && found->id != company.id) return nullptr;
    found = &company;
  }
  return found;
}

// The one speaker outside the quotes and whom the first person stands for: the company named beside
// the speaker with a role ("Priya Rao, chief financial officer of Halcyon AI"), or an analyst speaker
// itself; nullptr when the sentence names no such speaker or two.
const Tag* SpeakersVoice(const Language& lang, const TaggedSentence& s, const std::vector<std::pair<size_t, size_t>>& spans) {
  const Tag* voice = nullptr;
  for (size_t i = 0; i < s.tags.size(); ++i) {
    const Tag& speaker = s.tags[i];
    if ((speaker.type != kPerson && speaker.type != kAnalyst) || Inside(spans, speaker.start)) continue;
    if (voice != nullptr && voice->type == kAnalyst && speaker.type == kAnalyst) continue;  // the analyst's firm
    if (voice != nullptr) return nullptr;
    if (speaker.type == kAnalyst) {
      voice = &speaker;
      continue;
    }
    if (i + 1 < s.tags.size() && IsCompanyTag(s.tags[i + 1]) && CompanyOfSpeakerAfter(lang, s, i)) {
      voice = &s.tags[i + 1];
    } else if (i > 0 && IsCompanyTag(s.tags[i - 1]) && RoleBetween(lang, s.view, s.tags[i - 1].end, speaker.start)) {
      voice = &s.tags[i - 1];
    }
    if (voice == nullptr) return nullptr;  // a speaker whose company the sentence does not give
  }
  return voice != nullptr ? voice : CompanyBeforeRole(lang, s, spans);
}

// Gives each first-person word inside a quote the voice's type and id (a new tag where none was).
bool VoiceFirstPerson(const Language& lang, const std::vector<std::pair<size_t, size_t>>& spans, const Tag& voice,
                      TaggedSentence* s) {
  bool changed = false;
  const std::string& text = s->view.text;
  for (const std::string& word : lang.first_person) {
    for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size())) {
      if (!Inside(spans, at) || (at > 0 && IsWordCharBefore(text, at)) || !StartsAt(text, at, word)) continue;
      auto tag = std::find_if(s->tags.begin(), s->tags.end(), [&](const Tag& t) { return t.start < at + word.size() && t.end > at; });
      if (tag == s->tags.end()) {
        s->tags.push_back(Tag{at, at + word.size(), voice.type, voice.id, {}, "", {}});
      } else if (tag->start == at && tag->end == at + word.size()) {
        tag->type = voice.type;
        tag->id = voice.id;
      } else {
        continue;
      }
      changed = true;
    }
  }
  if (changed) std::sort(s->tags.begin(), s->tags.end(), [](const Tag& a, const Tag& b) { return a.start < b.start; });
  return changed;
}

}  // namespace

void ReadQuotedSpeakers(const Language& lang, std::vector<TaggedSentence>* sentences) {
  if (lang.first_person.empty()) return;
  for (auto& s : *sentences) {
    if (s.view.text.find('"') == std::string::npos) continue;
    std::vector<std::pair<size_t, size_t>> spans = QuotedSpans(s.view.text);
    if (spans.empty()) continue;
    const Tag* voice = SpeakersVoice(lang, s, spans);
    if (voice == nullptr) continue;
    Tag speaker_voice = *voice;  // the tags are rewritten below
    if (VoiceFirstPerson(lang, spans, speaker_voice, &s)) Render(lang, &s);
  }
}

void ReadPayees(const Language& lang, std::vector<TaggedSentence>* sentences) {
  if (lang.payee_links.empty()) return;
  for (auto& s : *sentences) {
    bool changed = false;
    const std::string& text = s.view.text;
    for (Tag& tag : s.tags) {
      size_t after = SkipSpaces(text, tag.end);
      bool ends_clause = after < text.size() && (text[after] == ':' || text[after] == ',' || text[after] == ';');
      if (!IsCompanyTag(tag) || !ends_clause || !PhraseEndsAt(text, BackOverSpaces(text, tag.start), lang.payee_links)) continue;
      tag.type = kPayee;
      changed = true;
    }
    if (changed) Render(lang, &s);
  }
}

void ReadParentsOfUnits(const Language& lang, std::vector<TaggedSentence>* sentences) {
  if (lang.unit_words.empty() || lang.parent_genitives.empty()) return;
  for (auto& s : *sentences) {
    bool changed = false;
    for (size_t i = 0; i + 1 < s.tags.size(); ++i) {
      Tag& parent = s.tags[i];
      const Tag& unit = s.tags[i + 1];
      if (!IsCompanyTag(parent) || !IsCompanyTag(unit) || parent.id == unit.id) continue;
      if (!NamesUnitOf(lang, s.view, parent, unit)) continue;
      parent.type = kParent;
      changed = true;
    }
    if (changed) Render(lang, &s);
  }
}

std::string SourceOf(const TextView& view, size_t start, size_t end) {
  return std::string(view.source.substr(view.origin[start], view.origin[end] - view.origin[start]));
}

// "Sarah Chen of Jefferies said": a `speech_verb` within `max_words` words from view position `pos`.
bool SpeechVerbWithin(const Language& lang, const std::string& text, size_t pos, int max_words) {
  for (int words = 0; words <= max_words && pos < text.size(); ++words) {
    if (AnyStartsAt(text, pos, lang.speech_verbs)) return true;
    size_t end = WordEndAt(text, pos);
    if (end == pos) return false;  // punctuation
    pos = SkipSpaces(text, end);
  }
  return false;
}

// "Analyst Sarah Chen said", "Analyst Sarah Chen of Jefferies said", "..., Chief Financial Officer
// Anders Lindqvist replied": a role capitalised as the sentence's first word or as a title is not a
// part of the name after it when that name says something (a `speech_verb` within three words) and
// looks like a person's (two words at least, no company word): a company's name may start with a
// role word ("Founder Data Systems will spend").
constexpr int kWordsToSpeechVerb = 3;

bool TrimLeadingRole(const Language& lang, const TextView& view, Tag* tag) {
  size_t role_end = 0;
  if (tag->type != "UNK" || lang.person_roles.Match(view, tag->start, &role_end) == nullptr) {
    return false;
  }
  size_t name = SkipSpaces(view.text, role_end);
  if (role_end >= tag->end || name >= tag->end || CountWords(std::string_view(view.text).substr(name, tag->end - name)) < 2 ||
      !SpeechVerbWithin(lang, view.text, SkipSpaces(view.text, tag->end), kWordsToSpeechVerb)) {
    return false;
  }
  std::string rest = SourceOf(view, name, tag->end);
  std::vector<std::string> words = Words(rest);
  if (std::any_of(words.begin(), words.end(), [&](const std::string& w) { return IsCompanyWord(lang, w); })) return false;
  tag->start = name;
  tag->id = std::move(rest);
  return true;
}

// "chief executive Jan Novak", "CFO May Larsen": a month's name right after a role and before a name
// is the person's first name.
bool JoinFirstNameReadAsMonth(const Language& lang, const TextView& view, size_t time, std::vector<Tag>* tags) {
  const Tag& month = (*tags)[time];
  if (month.type != "TIME" || time + 1 >= tags->size() || (*tags)[time + 1].type != "UNK") return false;
  Tag& name = (*tags)[time + 1];
  if (name.start != month.end + 1 || view.text[month.end] != ' ' || CountWords(std::string_view(view.text).substr(month.start, month.end - month.start)) != 1 ||
      KindEndingAt(lang.person_roles, view, BackOverSpaces(view.text, month.start)) == nullptr) {
    return false;
  }
  name.start = month.start;
  name.id = SourceOf(view, name.start, name.end);
  tags->erase(tags->begin() + static_cast<long>(time));
  return true;
}

// The names a role stands beside, separated from the role and from a first name read as a month.
void SeparateNamesFromRoles(const Language& lang, TaggedSentence* s) {
  bool changed = false;
  for (size_t i = 0; i < s->tags.size(); ++i) {
    changed |= TrimLeadingRole(lang, s->view, &s->tags[i]);
    changed |= JoinFirstNameReadAsMonth(lang, s->view, i, &s->tags);
  }
  if (changed) Render(lang, s);
}

void ReadPeople(const Language& lang, std::vector<TaggedSentence>* sentences) {
  for (auto& s : *sentences) SeparateNamesFromRoles(lang, &s);
  if (lang.person_roles.empty() && lang.person_titles.empty()) return;
  std::set<std::string> unknown_names;
  std::map<std::string, std::string> people;  // id -> PERSON or ANALYST
  for (const auto& s : *sentences) {
    for (const Tag& tag : s.tags) {
      // a person the tagger found ("प्रवक्ता विनोद ने कहा") names the same person where it is an unknown name
      bool tagged_person = tag.type == kPerson || tag.type == kAnalyst;
      if (tag.type != "UNK" && !tagged_person) continue;
      if (tag.type == "UNK") unknown_names.insert(tag.id);
      std::string type = tagged_person ? tag.type : PersonTypeByContext(lang, s.view, tag);
      if (!type.empty() && people[tag.id] != kAnalyst) people[tag.id] = type;
    }
  }
  for (const std::string& name : PeopleBySurname(lang, unknown_names)) people.emplace(name, kPerson);
  std::map<std::string, std::string> surnames;
  for (const auto& [name, type] : people) {
    std::vector<std::string> words = Words(name);
    if (words.size() > 1) surnames.emplace(words.back(), type);
  }
  people.merge(surnames);
  if (people.empty()) return;
  for (auto& s : *sentences) {
    bool changed = false;
    for (size_t i = 0; i < s.tags.size(); ++i) {
      auto person = people.find(s.tags[i].id);
      if (s.tags[i].type != "UNK" || person == people.end()) continue;
      s.tags[i].type = person->second;
      changed = true;
      if (FoldOutsideEmployer(lang, s.view, i, &s.tags)) --i;
      if (s.tags[i].type == kAnalyst) MarkAnalystsFirmAfter(lang, s.view, i, &s.tags);
    }
    if (changed) Render(lang, &s);
  }
}

bool NamedAsProduct(const Language& lang, const TaggedSentence& s, size_t i) {
  const Tag& tag = s.tags[i];
  if (KindEndingAt(lang.product_words, s.view, BackOverSpaces(s.view.text, tag.start)) != nullptr) return true;
  return KindInApposition({lang.product_words, lang.relative_words, lang.speech_verbs, kWordsBeforeProductWord}, s.view,
                          tag.end) != nullptr;
}

// Is the text from view position `pos` on a possessive's "'s " (or "’s ")?
bool PossessiveSAt(const std::string& text, size_t pos) {
  return text.compare(pos, 3, "'s ") == 0 || text.compare(pos, 5, "\u2019s ") == 0;
}

// "Rusalka overtook Google's Gemma": a company in the possessive right after a `ranking_verb`, before an
// unknown name, is that name's owner; the name is a product, and what is ranked. The owner's mention
// joins the product's, so the ranking rules read the product as their object (no rule reads who
// develops an unknown name). A known product keeps its owner's mention: "OpenAI develops GPT-5" of
// "trails OpenAI's GPT-5". The ids of unknown names so read are added to `products`.
void JoinRankedProductsWithOwners(const Language& lang, std::set<std::string>* products, TaggedSentence* s) {
  const std::string& text = s->view.text;
  bool changed = false;
  for (size_t i = 0; i + 1 < s->tags.size(); ++i) {
    Tag& owner = s->tags[i];
    Tag& product = s->tags[i + 1];
    if (owner.type != "ORG" || !PhraseEndsAt(text, BackOverSpaces(text, owner.start), lang.ranking_verbs) ||
        !PossessiveSAt(text, owner.end) || SkipSpaces(text, text.find(' ', owner.end)) != product.start ||
        product.type != "UNK") {
      continue;
    }
    product.type = kUnknownProduct;
    products->insert(product.id);
    product.start = owner.start;
    s->tags.erase(s->tags.begin() + static_cast<long>(i));
    changed = true;
  }
  if (changed) Render(lang, s);
}

void ReadProducts(const Language& lang, std::vector<TaggedSentence>* sentences) {
  if (lang.product_words.empty()) return;
  std::set<std::string> ranked;
  if (!lang.ranking_verbs.empty()) {
    for (auto& s : *sentences) JoinRankedProductsWithOwners(lang, &ranked, &s);
  }
  std::set<std::string> products = ProductsByContext(lang, *sentences);
  products.insert(ranked.begin(), ranked.end());
  RetypeUnknownNames(lang, products, kUnknownProduct, sentences);
}

size_t WordEndAt(const std::string& text, size_t pos) {
  static const std::string kStops = " ,.;:()\"";
  while (pos < text.size() && kStops.find(text[pos]) == std::string::npos) ++pos;
  return pos;
}

}  // namespace kg::ingest
