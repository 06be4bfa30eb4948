#include "events/cameo_codes.h"

#include <algorithm>
#include <cstdlib>

#include "core/data.h"

namespace newsgraph::events {

const CameoCodes& CameoCodes::Get() {
  static const CameoCodes table = [] {
    auto text = ReadDataFile("events/codes.tsv");
    return text.ok() ? Parse(*text) : CameoCodes();
  }();
  return table;
}

CameoCodes CameoCodes::Parse(std::string_view tsv) {
  CameoCodes out;
  for (const DataLine& l : ParseTsv(tsv)) {
    if (l.fields.size() < 2) continue;
    std::string_view code = l.fields[0];
    if (code.size() < 3 || code.size() > 4 ||
        !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      continue;
    }
    Info info;
    info.quad_class = std::atoi(std::string(l.fields[1]).c_str());
    if (l.fields.size() > 3) info.label = std::string(l.fields[3]);
    out.codes_[std::string(code)] = std::move(info);
  }
  return out;
}

const CameoCodes::Info* CameoCodes::Find(std::string_view code) const {
  std::string key(code);
  if (key.size() == 2) key += "0";  // a root is named by its XX0 row
  for (; key.size() >= 3; key.pop_back()) {
    if (auto it = codes_.find(key); it != codes_.end()) return &it->second;
  }
  return nullptr;
}

std::string CameoCodes::Label(std::string_view code) const {
  const Info* i = Find(code);
  return i ? i->label : std::string();
}

std::string CameoCodes::Named(std::string_view code) const {
  std::string label = Label(code);
  return label.empty() ? std::string(code) : std::string(code) + " " + label;
}

int CameoCodes::QuadClass(std::string_view code) const {
  const Info* i = Find(code);
  return i ? i->quad_class : 0;
}

bool CameoCodes::IsKnownPrefix(std::string_view prefix) const {
  if (prefix.empty() || prefix.size() > 4) return false;
  if (!std::all_of(prefix.begin(), prefix.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  auto it = codes_.lower_bound(prefix);
  return it != codes_.end() && std::string_view(it->first).starts_with(prefix);
}

}  // namespace newsgraph::events
