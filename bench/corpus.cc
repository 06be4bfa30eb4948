#include "corpus.h"

#include <random>

namespace newsgraph::bench {
namespace {

// Vocabulary invented for the generator; the shapes matter, not the facts.
const char* const kGiven[] = {"Amara", "Tomas", "Lena", "Kofi", "Mei", "Rafael", "Ingrid", "Omar", "Sofia", "Dmitri",
                              "Priya", "Jonas", "Aiko", "Mateo", "Hana", "Yusuf"};
const char* const kFamily[] = {"Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Kowalski", "Mensah",
                               "Castillo", "Novak", "Petrov", "Iyer", "Bauer", "Sato", "Alvarez"};
const char* const kTitles[] = {"Foreign Minister", "Defense Secretary", "President", "Gen.", "Sen.",
                               "Prime Minister", "central bank governor", "police chief", "Dr."};
const char* const kPlaces[] = {"Beijing", "Washington", "Nairobi", "Geneva", "Brasilia", "Jakarta", "Kyiv",
                               "Ottawa", "Lagos", "Hanoi", "the U.S.", "the U.K.", "Paris", "Seoul"};
const char* const kOrgs[] = {"the United Nations", "the Foreign Ministry", "NATO", "Acme Corp.", "the IMF",
                             "the European Union", "the World Bank", "Globex Inc."};
const char* const kVerbs[] = {"met", "criticized", "urged", "visited", "accused", "praised", "rejected",
                              "signed an agreement with", "called for talks with", "warned"};
const char* const kFillers[] = {
    "on Sunday", "in a statement", "after weeks of tension", "during a 6-hour meeting", "earlier this month",
    "according to officials", "amid rising costs", "on Jan. 5", "at a news conference", "by 3.5 percent"};
const char* const kQuotes[] = {"We are ready to work together", "This is not acceptable",
                               "The talks were constructive and frank", "We will respond at the right time",
                               "Nobody expected the market to fall so fast"};
const char* const kDatelines[] = {"BEIJING \xE2\x80\x94 ", "GENEVA (Reuters) - ", "NAIROBI, Kenya \xE2\x80\x94 ",
                                  ""};

template <size_t N>
const char* Pick(std::mt19937_64& rng, const char* const (&a)[N]) {
  return a[rng() % N];
}

std::string Person(std::mt19937_64& rng) { return std::string(Pick(rng, kGiven)) + " " + Pick(rng, kFamily); }

std::string Sentence(std::mt19937_64& rng) {
  switch (rng() % 4) {
    case 0:
      return std::string(Pick(rng, kTitles)) + " " + Person(rng) + " " + Pick(rng, kVerbs) + " " + Person(rng) +
             " " + Pick(rng, kFillers) + " in " + Pick(rng, kPlaces) + ".";
    case 1:
      return "\xE2\x80\x9C" + std::string(Pick(rng, kQuotes)) + ",\xE2\x80\x9D " + Person(rng) + " said " +
             Pick(rng, kFillers) + ".";
    case 2:
      return std::string("Officials from ") + Pick(rng, kOrgs) + " " + Pick(rng, kVerbs) + " " + Pick(rng, kOrgs) +
             " " + Pick(rng, kFillers) + ", a spokesperson said.";
    default:
      return std::string("The dispute over trade in ") + Pick(rng, kPlaces) + " has cost about " +
             std::to_string(rng() % 900 + 100) + " million dollars since " + std::to_string(2000 + rng() % 24) +
             ", " + Person(rng) + " told reporters.";
  }
}

}  // namespace

std::vector<std::string> GenerateArticles(size_t total_bytes, uint64_t seed, size_t article_bytes) {
  std::mt19937_64 rng(seed);
  std::vector<std::string> out;
  size_t total = 0;
  while (total < total_bytes) {
    std::string a = Person(rng) + " " + Pick(rng, kVerbs) + " " + Pick(rng, kOrgs) + " in " + Pick(rng, kPlaces) + "\n";
    a += Pick(rng, kDatelines);
    std::string first;
    while (a.size() < article_bytes) {
      int sentences = 1 + static_cast<int>(rng() % 3);
      for (int i = 0; i < sentences; ++i) {
        std::string s = Sentence(rng);
        if (first.empty()) first = s;
        a += s;
        a += i + 1 < sentences ? " " : "\n";
      }
      if (rng() % 20 == 0) a += first + "\n";  // a repeated sentence
    }
    if (rng() % 4 == 0) {
      a += "Disclaimer: The copyright of this article belongs to the original author. Reposting is for "
           "information only. Please contact us for removal.\n";
    }
    total += a.size();
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace newsgraph::bench
