// Statements prepared for the bulk loader away from its thread. The loader
// interns, fingerprints and records statements one at a time, in order; what
// each statement needs before that (validation, canonical terms, their
// dictionary keys) can run on the threads that parse the input, and
// `kg import` does so through PreparedStatementSink.
#ifndef KG_STORAGE_BULK_LOAD_H_
#define KG_STORAGE_BULK_LOAD_H_

#include <array>
#include <optional>
#include <string>

#include "kg/store.h"
#include "storage/store_write.h"

namespace kg::storage {

struct PreparedStatement {
  CanonicalStatement canonical;
  // TermValueKey of the subject, predicate and object, the order in which
  // InternStatement interns them, and their hashes in the loader's map.
  std::array<std::string, 3> value_keys;
  std::array<size_t, 3> key_hashes{};
  // The mention as stored when it has no text of its own (it is then
  // stored inline whatever came before); unset when it has a text.
  std::optional<std::string> mention_value;
};

// Thread-safe; InvalidArgument as BulkLoader::Add reports a bad statement.
// Fills `*out` in place (a prepared statement is large: moving it was a
// noticeable cost of parsing). A temporary `statement` gives up its strings.
Status PrepareStatement(DocumentInput::Statement statement, PreparedStatement* out);

// The store's bulk loader is also a PreparedStatementSink (dynamic_cast a
// BulkLoader to find out): PrepareStatement(s, &p) and AddPrepared(p) do
// what Add(s) does.
class PreparedStatementSink {
 public:
  virtual ~PreparedStatementSink() = default;
  virtual Status AddPrepared(PreparedStatement& statement) = 0;
  // A hint: `statement` is added soon (its terms' lookups can start).
  virtual void Prefetch(const PreparedStatement& statement) const = 0;
  // The document's content hash, before Finish, for a loader begun without
  // it: `kg import` hashes a file as it reads it (a pass of its own, before
  // the load began, was ~4% of an import's wall time).
  virtual void SetContentHash(std::string content_hash) = 0;
};

}  // namespace kg::storage

#endif  // KG_STORAGE_BULK_LOAD_H_
