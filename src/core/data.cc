#include "core/data.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/data_registry.h"

namespace newsgraph {

StatusOr<std::string> ReadDataFile(std::string_view name) {
  if (const char* dir = std::getenv("NEWSGRAPH_DATA_DIR"); dir != nullptr && *dir != '\0') {
    std::string path = std::string(dir) + "/" + std::string(name);
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::ostringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  for (const auto* f = data_internal::kEmbeddedFiles; f->name != nullptr; ++f) {
    if (name == f->name) return std::string(f->begin, f->end);
  }
  return Status::NotFound("data file not found: " + std::string(name));
}

std::vector<std::string> EmbeddedDataFiles() {
  std::vector<std::string> names;
  for (const auto* f = data_internal::kEmbeddedFiles; f->name != nullptr; ++f) names.emplace_back(f->name);
  return names;
}

std::vector<DataLine> ParseTsv(std::string_view text) {
  std::vector<DataLine> out;
  int line_number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    DataLine dl;
    dl.line_number = line_number;
    size_t f = 0;
    while (true) {
      size_t tab = line.find('\t', f);
      dl.fields.push_back(line.substr(f, tab == std::string_view::npos ? std::string_view::npos : tab - f));
      if (tab == std::string_view::npos) break;
      f = tab + 1;
    }
    out.push_back(std::move(dl));
  }
  return out;
}

Status DataLineError(std::string_view file, int line, std::string_view why) {
  return Status::Corrupt("data/" + std::string(file) + " line " + std::to_string(line) + ": " + std::string(why));
}

StatusOr<Gender> ParseGender(std::string_view file, int line, std::string_view column) {
  if (column == "m") return Gender::kMale;
  if (column == "f") return Gender::kFemale;
  if (column == "n") return Gender::kNeuter;
  if (column == "p") return Gender::kPlural;
  if (column == "-") return Gender::kUnknown;
  return DataLineError(file, line, "gender must be m, f, n, p or -");
}

}  // namespace newsgraph
