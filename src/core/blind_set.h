// The blind real-news evaluation set (tests/blind/README.md): ten Wikinews documents of the
// GUM treebank, named by their "# newdoc id". No model trains on them (six are in GUM's train
// split) and no rule is tuned on them; every trainer and evaluation skips them through here.
#pragma once

#include <string_view>

namespace newsgraph {

inline constexpr int kBlindDocumentCount = 10;
bool IsBlindDocument(std::string_view newdoc_id);

}  // namespace newsgraph
