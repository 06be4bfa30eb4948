#include <algorithm>

#include "cli/report.h"

namespace newsgraph::cli {

// People, organisations, places: one line per entity, most mentioned first, with its
// title, country, aliases and mention count.
void PrintEntitiesSection(const Analysis& a, const ReportStyle& style, std::ostream& out) {
  out << "\n" << style.Heading("Entities") << " (" << a.entities.size() << ")\n";
  if (a.entities.empty()) {
    out << "  none found\n";
    return;
  }
  static constexpr struct {
    EntityType type;
    const char* heading;
  } kGroups[] = {{EntityType::kPerson, "People"}, {EntityType::kOrg, "Organisations"}, {EntityType::kLoc, "Places"}};
  for (const auto& group : kGroups) {
    std::vector<const Entity*> list;
    for (const Entity& e : a.entities)
      if (e.type == group.type) list.push_back(&e);
    if (list.empty()) continue;
    std::stable_sort(list.begin(), list.end(),
                     [](const Entity* x, const Entity* y) { return x->mentions.size() > y->mentions.size(); });
    out << "  " << group.heading << " (" << list.size() << ")\n";
    for (const Entity* e : list) {
      out << "    " << e->name;
      if (!e->title.empty()) out << ", " << e->title;
      if (!e->country.empty()) out << " [" << e->country << "]";
      out << "  " << style.Dim("x" + std::to_string(e->mentions.size()));
      if (!e->aliases.empty()) {
        std::string aliases = "also";
        for (size_t i = 0; i < e->aliases.size(); ++i) aliases += (i ? ", " : " ") + e->aliases[i];
        out << "  " << style.Dim(aliases);
      }
      out << "\n";
    }
  }
}

}  // namespace newsgraph::cli
