// Hooks that let tests damage a store on purpose, to prove that Check
// notices. Never used by the library itself.
#ifndef KG_STORAGE_TEST_HOOKS_H_
#define KG_STORAGE_TEST_HOOKS_H_

#include "kg/store.h"

namespace kg::storage {

enum class Damage {
  kDropPosEntry,      // delete one entry of the pos index
  kStrayOspEntry,     // add an osp entry for a claim that does not exist
  kWrongMentionCount, // change the mention count recorded on one claim
  kDropDocMention,    // delete one entry of a document's mention list
  kStrayTermByValue,  // add a dictionary entry by value whose id has no term
};

// Applies `damage` to a store opened for writing. NotFound when the store has
// no claim to damage.
Status DamageForTest(Store& store, Damage damage);

}  // namespace kg::storage

#endif  // KG_STORAGE_TEST_HOOKS_H_
