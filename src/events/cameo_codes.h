// CAMEO event codes and what they mean: data/events/codes.tsv read once, with each code's
// GDELT QuadClass, Goldstein value, label and the flags the event coder infers from
// (symmetric, no_target, accusation, ...: the file's header documents them). Used by the
// coder, to show a code with its meaning ("173 arrest, detain") and to check that a code a
// user typed exists. A root ("17") is named by its "170" row. Read-only after loading.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/status.h"

namespace newsgraph::events {

struct CodeInfo {
  int quad_class = 0;
  double goldstein = 0.0;
  std::string label;
  bool symmetric = false;   // a mutual action
  bool no_target = false;   // coded without a target
  bool accusation = false;  // reported by a third party, an accusation (112) by that party
  bool hostile = false;     // a conflict event: its sides are the story's last fight
  bool referable = false;   // "the attack" may refer back to it
  bool aid = false;         // material help: no recipient named -> the story's country
  bool fight = false;       // no target named -> the other side of the source's last fight
  bool restraint = false;   // an appeal for calm: no addressee -> the parties
  bool intent = false;      // a plan or promise: weekdays resolve forward
  bool authority = false;   // done by a state's authorities: a passive without agent is the story's country
  std::string elsewhere;    // the code it becomes in a third country ("044" for 040), or ""
};

class CameoCodes {
 public:
  // The table of the embedded (or NEWSGRAPH_DATA_DIR) codes.tsv; empty if it cannot be read.
  static const CameoCodes& Get();

  // Parses codes.tsv text (code quad_class goldstein flags label); a bad line is an error
  // naming `file`:LINE.
  [[nodiscard]] static StatusOr<CameoCodes> Load(std::string_view tsv, std::string_view file);
  // The same, skipping bad lines.
  static CameoCodes Parse(std::string_view tsv);

  // The row of a code: the code's own, else its 3-digit parent's, else its root's ("190"
  // for "19x"); nullptr when none is listed.
  const CodeInfo* Find(std::string_view code) const;
  // The label of a code or root ("17" and "170" -> "coerce"); "" when unknown.
  std::string Label(std::string_view code) const;
  // "173 arrest, detain", or the code alone when it has no label.
  std::string Named(std::string_view code) const;
  // 1-4 (GDELT QuadClass), 0 when unknown.
  int QuadClass(std::string_view code) const;
  // True when some listed code starts with `prefix` (1 to 4 digits): "1", "17", "173", "1731".
  bool IsKnownPrefix(std::string_view prefix) const;
  bool empty() const { return codes_.empty(); }
  // Every listed code in order, with its quad class and label.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    for (const auto& [code, info] : codes_) fn(code, info.quad_class, info.label);
  }

 private:
  std::map<std::string, CodeInfo, std::less<>> codes_;
};

}  // namespace newsgraph::events
