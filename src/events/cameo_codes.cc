#include "events/cameo_codes.h"

#include <algorithm>
#include <cstdlib>

#include "core/data.h"

namespace newsgraph::events {

namespace {

bool IsCode(std::string_view c) {
  return c.size() >= 3 && c.size() <= 4 && std::all_of(c.begin(), c.end(), [](char x) { return x >= '0' && x <= '9'; });
}

// Sets one flag of the flags column; false when the flag is unknown.
bool SetFlag(std::string_view f, CodeInfo* info) {
  static constexpr std::pair<std::string_view, bool CodeInfo::*> kFlags[] = {
      {"symmetric", &CodeInfo::symmetric}, {"no_target", &CodeInfo::no_target}, {"accusation", &CodeInfo::accusation},
      {"hostile", &CodeInfo::hostile},     {"referable", &CodeInfo::referable}, {"aid", &CodeInfo::aid},
      {"fight", &CodeInfo::fight},         {"restraint", &CodeInfo::restraint}, {"intent", &CodeInfo::intent},
      {"authority", &CodeInfo::authority}};
  for (const auto& [name, member] : kFlags)
    if (f == name) return info->*member = true;
  if (f.starts_with("elsewhere=") && IsCode(f.substr(10))) {
    info->elsewhere = std::string(f.substr(10));
    return true;
  }
  return false;
}

// One line of codes.tsv; "" or what is wrong with it.
std::string ParseLine(const DataLine& l, CodeInfo* info) {
  if (l.fields.size() < 4 || !IsCode(l.fields[0]))
    return "expected code<TAB>quad_class<TAB>goldstein<TAB>flags[<TAB>label]";
  std::string q(l.fields[1]), g(l.fields[2]);
  char* end = nullptr;
  info->quad_class = static_cast<int>(std::strtol(q.c_str(), &end, 10));
  if (*end != '\0' || info->quad_class < 1 || info->quad_class > 4) return "quad_class must be 1-4";
  info->goldstein = std::strtod(g.c_str(), &end);
  if (*end != '\0' || info->goldstein < -10 || info->goldstein > 10) return "goldstein must be a number in [-10, 10]";
  std::string_view flags = l.fields[3];
  while (!flags.empty() && flags != "-") {
    size_t comma = flags.find(',');
    std::string_view f = flags.substr(0, comma);
    if (!SetFlag(f, info)) return "unknown flag \"" + std::string(f) + "\"";
    flags = comma == std::string_view::npos ? std::string_view() : flags.substr(comma + 1);
  }
  if (l.fields.size() > 4) info->label = std::string(l.fields[4]);
  return {};
}

}  // namespace

const CameoCodes& CameoCodes::Get() {
  static const CameoCodes table = [] {
    auto text = ReadDataFile("events/codes.tsv");
    return text.ok() ? Parse(*text) : CameoCodes();
  }();
  return table;
}

StatusOr<CameoCodes> CameoCodes::Load(std::string_view tsv, std::string_view file) {
  CameoCodes out;
  for (const DataLine& l : ParseTsv(tsv)) {
    CodeInfo info;
    std::string error = ParseLine(l, &info);
    if (!error.empty())
      return Status::InvalidArgument(std::string(file) + ":" + std::to_string(l.line_number) + ": " + error);
    out.codes_[std::string(l.fields[0])] = std::move(info);
  }
  return out;
}

CameoCodes CameoCodes::Parse(std::string_view tsv) {
  CameoCodes out;
  for (const DataLine& l : ParseTsv(tsv)) {
    CodeInfo info;
    if (ParseLine(l, &info).empty()) out.codes_[std::string(l.fields[0])] = std::move(info);
  }
  return out;
}

const CodeInfo* CameoCodes::Find(std::string_view code) const {
  if (code.size() < 2) return nullptr;
  std::string key(code.substr(0, std::min<size_t>(code.size(), 4)));
  if (key.size() == 2) key += "0";  // a root is named by its XX0 row
  for (; key.size() >= 3; key.pop_back()) {
    if (auto it = codes_.find(key); it != codes_.end()) return &it->second;
  }
  auto root = codes_.find(std::string(code.substr(0, 2)) + "0");
  return root == codes_.end() ? nullptr : &root->second;
}

std::string CameoCodes::Label(std::string_view code) const {
  const CodeInfo* i = Find(code);
  return i ? i->label : std::string();
}

std::string CameoCodes::Named(std::string_view code) const {
  std::string label = Label(code);
  return label.empty() ? std::string(code) : std::string(code) + " " + label;
}

int CameoCodes::QuadClass(std::string_view code) const {
  const CodeInfo* i = Find(code);
  return i ? i->quad_class : 0;
}

bool CameoCodes::IsKnownPrefix(std::string_view prefix) const {
  if (prefix.empty() || prefix.size() > 4) return false;
  if (!std::all_of(prefix.begin(), prefix.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  auto it = codes_.lower_bound(prefix);
  return it != codes_.end() && std::string_view(it->first).starts_with(prefix);
}

}  // namespace newsgraph::events
