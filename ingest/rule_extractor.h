// The rule-driven kg::Extractor, with what kg ingest needs beyond the
// public interface: the rule data (to declare predicates) and counts.
#ifndef KG_INGEST_RULE_EXTRACTOR_H_
#define KG_INGEST_RULE_EXTRACTOR_H_

#include <map>
#include <memory>
#include <string>

#include "ingest/relations.h"
#include "ingest/rule_data.h"
#include "ingest/sentences.h"
#include "ingest/tagger.h"
#include "kg/ingest.h"

namespace kg::ingest {

struct ExtractStats {
  size_t sentences = 0;
};

class RuleExtractor : public Extractor {
 public:
  static Result<std::unique_ptr<RuleExtractor>> Create(const std::string& rules_dir);

  Result<DocumentInput> Extract(const std::string& text, const Document& meta) const override;
  Result<DocumentInput> Extract(const std::string& text, const Document& meta, ExtractStats* stats) const;

  const RuleData& data() const { return *data_; }

 private:
  explicit RuleExtractor(std::shared_ptr<const RuleData> data) : data_(std::move(data)) {}
  Status Init();
  // Sentences that start with a single word the document names elsewhere
  // ("Lumora competes ..." beside "... rival Lumora") are tagged again,
  // that word a name.
  void RetagKnownInitialNames(const std::string& text, const std::vector<Span>& spans, const Language& lang,
                              const RefDate& ref, std::vector<TaggedSentence>* tagged) const;

  std::shared_ptr<const RuleData> data_;
  std::map<std::string, SentenceSplitter> splitters_;
  mutable RuleMatcherPool matchers_;
};

}  // namespace kg::ingest

#endif  // KG_INGEST_RULE_EXTRACTOR_H_
