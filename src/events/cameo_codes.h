// CAMEO event codes by name: the labels and quad classes of data/events/codes.tsv, for
// showing a code with its meaning ("173 arrest, detain") and for checking that a code a
// user typed exists. A root ("17") is named by its "170" row. Loaded once, read-only after.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace newsgraph::events {

class CameoCodes {
 public:
  // The table of the embedded (or NEWSGRAPH_DATA_DIR) codes.tsv; empty if it cannot be read.
  static const CameoCodes& Get();

  // Parses codes.tsv text (code<TAB>quad_class<TAB>goldstein<TAB>label); bad lines are skipped.
  static CameoCodes Parse(std::string_view tsv);

  // The label of a code or root ("17" and "170" -> "coerce"); "" when unknown. A 4-digit
  // code not listed takes its 3-digit parent's label.
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
  struct Info {
    int quad_class = 0;
    std::string label;
  };
  const Info* Find(std::string_view code) const;
  std::map<std::string, Info, std::less<>> codes_;
};

}  // namespace newsgraph::events
