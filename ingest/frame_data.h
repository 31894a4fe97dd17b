// The data of clause frames (frames.h) for one language, read from
// ingest/data/<lang>/frames.tsv by rule_data.cpp; docs/ingest.md describes it.
#ifndef KG_INGEST_FRAME_DATA_H_
#define KG_INGEST_FRAME_DATA_H_

#include <map>
#include <string>
#include <vector>

namespace kg::ingest {

struct FrameLexicon {
  // Text that ends one clause and starts the next ("; ", " - ", ", while ").
  std::vector<std::string> boundaries;  // folded
  // Text that opens an aside running to the next comma (", whose "): what it
  // says (a share price, a founder) is no part of the clause's frame.
  std::vector<std::string> asides;  // folded
  // Text that, right after a dash between spaces, opens a gloss running to
  // the next dash ("— यानी GPU और एक्सेलरेटर —"), both dashes included.
  std::vector<std::string> dash_asides;  // folded
  // Text that opens a sentence restating the figure of a sentence that is
  // the figure alone ("A$2.4 billion. That is what NEXTDC expects ...").
  std::vector<std::string> figure_anaphors;  // folded
  // Words right before a company that make it no agent ("from Nvidia").
  std::vector<std::string> not_agents;  // folded
  // Words right after a company that make it the agent whatever else it looks like ("की ओर से").
  std::vector<std::string> agent_markers;  // folded
  // Cue words by class (spend, plan, past, processor, allocate, bond, unit,
  // growth, daily, order, supply, guard); a word ending in "*" is a stem.
  std::map<std::string, std::vector<std::string>> cues;  // folded

  bool empty() const { return cues.empty(); }
};

}  // namespace kg::ingest

#endif  // KG_INGEST_FRAME_DATA_H_
