// Reading the inputs named on a command line into RawDocuments: files and "-" (stdin).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/document.h"

namespace newsgraph::cli {

// Calls `fn` for every document found in `inputs`, in order. A document that cannot be
// read is reported through `on_error` (with its source) and the run goes on. Returns the
// number of errors.
size_t ForEachInputDocument(const std::vector<std::string>& inputs,
                            const std::function<void(RawDocument&&)>& fn,
                            const std::function<void(const Status&)>& on_error);

}  // namespace newsgraph::cli
