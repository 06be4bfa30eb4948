#include "cli/input.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "ingest/extract.h"

namespace newsgraph::cli {

size_t ForEachInputDocument(const std::vector<std::string>& inputs,
                            const std::function<void(RawDocument&&)>& fn,
                            const std::function<void(const Status&)>& on_error) {
  size_t errors = 0;
  for (const std::string& path : inputs) {
    RawDocument doc;
    if (path == "-") {
      std::ostringstream ss;
      ss << std::cin.rdbuf();
      doc.bytes = ss.str();
      doc.source = "<stdin>";
    } else {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        on_error(Status::NotFound(path + ": cannot open file"));
        ++errors;
        continue;
      }
      doc.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      doc.source = path;
    }
    doc.media_type = SniffMediaType(doc.bytes);
    fn(std::move(doc));
  }
  return errors;
}

}  // namespace newsgraph::cli
