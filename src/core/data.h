// Access to the lexicons, patterns and dictionaries under data/. They are compiled into
// the binary; a user may override any of them by setting NEWSGRAPH_DATA_DIR to a folder
// laid out like data/ (files found there win).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace newsgraph {

// The contents of data file `name` (path relative to data/, e.g. "clean/boilerplate.tsv";
// generated files live under "gen/").
StatusOr<std::string> ReadDataFile(std::string_view name);

// Names of all embedded data files.
std::vector<std::string> EmbeddedDataFiles();

// One non-comment line of a tab-separated data file, split into fields.
struct DataLine {
  int line_number = 0;
  std::vector<std::string_view> fields;
};

// Splits a TSV data file: blank lines and lines starting with '#' are skipped, trailing
// '\r' is dropped. The returned views point into `text`.
std::vector<DataLine> ParseTsv(std::string_view text);

// The error for a bad line of data file `file`: "data/quotes/cues.tsv line 7: <why>".
Status DataLineError(std::string_view file, int line, std::string_view why);

// Grammatical gender (and number) of a pronoun, title or given name, as the word lists of
// data/quotes/ write it in a column: m, f, n (neuter), p (plural) or - (unknown).
enum class Gender : uint8_t { kUnknown, kMale, kFemale, kNeuter, kPlural };
StatusOr<Gender> ParseGender(std::string_view file, int line, std::string_view column);

}  // namespace newsgraph
