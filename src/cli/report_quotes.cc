// "Who said what": the quotations grouped by speaker, in order of each speaker's first
// quotation; unattributed ones last.
#include <map>
#include <string>
#include <vector>

#include "cli/report.h"

namespace newsgraph::cli {
namespace {

// At most `max_bytes` of `text` on one line, cut at a UTF-8 boundary and a space.
std::string Shorten(const std::string& text, size_t max_bytes) {
  std::string one_line = text;
  for (char& c : one_line) {
    if (c == '\n') c = ' ';
  }
  if (one_line.size() <= max_bytes) return one_line;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(one_line[cut]) & 0xC0) == 0x80) --cut;
  size_t space = one_line.rfind(' ', cut);
  if (space != std::string::npos && space > max_bytes / 2) cut = space;
  return one_line.substr(0, cut) + " ...";
}

}  // namespace

void PrintQuotesSection(const Analysis& a, const ReportStyle& style, std::ostream& out) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<const Quote*>> by_speaker;
  std::vector<const Quote*> unattributed;
  for (const Quote& q : a.quotes) {
    if (q.speaker.empty()) {
      unattributed.push_back(&q);
      continue;
    }
    auto& list = by_speaker[q.speaker];
    if (list.empty()) order.push_back(q.speaker);
    list.push_back(&q);
  }
  out << "\n"
      << style.Heading("Who said what") << " (" << a.quotes.size() << " quotations, " << order.size()
      << (order.size() == 1 ? " speaker" : " speakers") << ")\n";
  if (a.quotes.empty()) out << "  no quotations\n";
  auto print = [&](const Quote& q) {
    out << "    \xE2\x80\x9C" << Shorten(q.text, 110) << "\xE2\x80\x9D";
    if (!q.cue.empty()) out << " " << style.Dim("(" + q.cue + ")");
    out << "\n";
  };
  for (const std::string& speaker : order) {
    const auto& list = by_speaker[speaker];
    out << "  " << speaker;
    if (!list.front()->speaker_id.empty()) out << " " << style.Dim("[" + list.front()->speaker_id + "]");
    out << "\n";
    for (const Quote* q : list) print(*q);
  }
  if (!unattributed.empty()) {
    out << "  " << style.Dim("(no attributable speaker)") << "\n";
    for (const Quote* q : unattributed) print(*q);
  }
}

}  // namespace newsgraph::cli
