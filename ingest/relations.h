// Relation rules applied to tagged sentences: attribution first ("according
// to the Financial Times" -> attributed_to, and those words leave the
// sentence), then every relation rule of the language, each match one or
// more statements (coordinated objects, "X ($Y)" equivalents).
#ifndef KG_INGEST_RELATIONS_H_
#define KG_INGEST_RELATIONS_H_

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <unicode/regex.h>

#include "ingest/rule_data.h"
#include "ingest/tagger.h"
#include "kg/model.h"

namespace kg::ingest {

// What the sentence needs from its document.
struct DocumentContext {
  std::string topic;        // the document's main organisation, for anaphors
  std::string salient;      // the organisation the last sentences were about (salience.h)
  std::string last_source;  // the source last named ("the report said")

  // What an anaphor or a statement without a subject points to.
  const std::string& Antecedent() const { return salient.empty() ? topic : salient; }
};

// ICU matchers of the rules' patterns, made once and reset for each
// sentence: making a matcher costs more than many a failed match.
class RuleMatchers {
 public:
  // The matcher of `pattern` reset to `text` (which must outlive its use),
  // or nullptr when ICU fails.
  icu::RegexMatcher* Reset(const icu::RegexPattern& pattern, const icu::UnicodeString& text);

 private:
  std::unordered_map<const icu::RegexPattern*, std::unique_ptr<icu::RegexMatcher>> matchers_;
};

// Rule matchers kept from one document to the next, one set for each
// extraction running at a time: a document needs matchers for most rules of
// its language, and making them anew for each cost 1.4% of the ingest
// bench's instructions.
class RuleMatcherPool {
 public:
  std::unique_ptr<RuleMatchers> Take();
  void Give(std::unique_ptr<RuleMatchers> matchers);

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<RuleMatchers>> idle_;
};

// Where a statement's subject came from: a company named as the subject
// (ahead of the object, not "its X model"), an anaphor or the rule's topic,
// or anything else (a product, a name after the object: "chips made by X").
enum class SubjectFrom { kOther, kName, kAnaphor };

struct Extracted {
  Claim claim;
  std::string rule;
  SubjectFrom subject_from = SubjectFrom::kOther;
  Bound bound = Bound::kExact;
};

// The entity a tag names: an anaphor's antecedent, "the report"'s source, a count's product; "" for a
// quantity or a time.
std::string EntityOf(const Tag& tag, const DocumentContext& context);

// Who the sentence attributes its statements to ("" when nobody); the
// attribution's tags become ATTR so that no relation rule uses them.
std::string ApplyAttribution(const Language& lang, TaggedSentence* sentence, DocumentContext* context,
                             RuleMatchers* matchers);

// Is the figure tagged `object` forecast by an analyst ("Macquarie analyst
// Hugh Lambert, who forecasts NEXTDC's capex will top A$3 billion")? Such a
// figure is no claim of anyone's: the rules and the clause frames skip it.
bool ForecastByAnalyst(const Language& lang, const TaggedSentence& s, size_t object);

std::vector<Extracted> ApplyRelations(const Language& lang, const RuleData& data, const TaggedSentence& sentence,
                                      const DocumentContext& context, RuleMatchers* matchers);

}  // namespace kg::ingest

#endif  // KG_INGEST_RELATIONS_H_
