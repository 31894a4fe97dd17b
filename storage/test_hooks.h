// Hooks that let tests damage a store on purpose, to prove that Check
// notices. Never used by the library itself.
#ifndef KG_STORAGE_TEST_HOOKS_H_
#define KG_STORAGE_TEST_HOOKS_H_

#include <string>

#include "kg/store.h"

namespace kg::storage {

enum class Damage {
  kDropPosEntry,      // delete one entry of the pos index
  kStrayOspEntry,     // add an osp entry for a claim that does not exist
  kWrongMentionCount, // change the mention count recorded on one claim
  kDropDocMention,    // delete one entry of a document's mention list
  kStrayTermByValue,  // add a dictionary entry by value whose id has no term
  kGarblePosEntry,    // give a packed pos entry a value that does not decode (format 2)
};

// Applies `damage` to a store opened for writing. NotFound when the store has
// no claim to damage.
Status DamageForTest(Store& store, Damage damage);

// Makes `path` a new, empty store of format 1 (a key per claim in every
// index), as builds before format 2 made it: for the tests that this build
// still reads and writes such stores in their own format.
Status CreateFormat1StoreForTest(const std::string& path);

}  // namespace kg::storage

#endif  // KG_STORAGE_TEST_HOOKS_H_
