// Publication dates as found in the wild → "YYYY-MM-DD": ISO 8601 ("2024-03-05T10:00:00Z",
// "2024-03-05"), slashed ("2024/03/05"), RFC 822/1123 as in RSS and HTTP ("Tue, 05 Mar 2024
// 10:00:00 GMT"), WARC-Date, and English prose ("March 5, 2024", "5 March 2024",
// "Mar. 5, 2024"). The calendar day is taken as written (no time-zone shifting).
#pragma once

#include <string>
#include <string_view>

namespace newsgraph {

// "YYYY-MM-DD", or empty when `text` holds no recognisable date.
std::string NormalizeDate(std::string_view text);

}  // namespace newsgraph
