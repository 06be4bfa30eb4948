#include "core/blind_set.h"

#include <algorithm>
#include <iterator>

namespace newsgraph {

bool IsBlindDocument(std::string_view id) {
  static constexpr std::string_view kPrefix = "GUM_news_";
  static constexpr std::string_view kBlind[] = {"asylum", "crane",  "election", "hackers",   "homeopathic",
                                                "iodine", "korea", "nasa",     "sensitive", "stampede"};
  static_assert(std::size(kBlind) == kBlindDocumentCount);
  if (!id.starts_with(kPrefix)) return false;
  id.remove_prefix(kPrefix.size());
  return std::find(std::begin(kBlind), std::end(kBlind), id) != std::end(kBlind);
}

}  // namespace newsgraph
