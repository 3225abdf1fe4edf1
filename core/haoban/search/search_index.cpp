#include "haoban/search/search_index.h"

#include <algorithm>
#include <array>
#include <functional>
#include <span>
#include <unordered_map>

#include "haoban/search/pinyin_table.h"
#include "haoban/text/normalize.h"
#include "haoban/text/utf8.h"

namespace haoban::search {

namespace {

enum Match : uint8_t { kNone = 0, kSubstring = 1, kPrefix = 2, kExact = 3 };
enum Method : uint8_t { kInitials = 1, kPinyin = 2, kHanzi = 3 };
enum FieldKind : uint8_t { kDepartment = 1, kKeyword = 2, kName = 3 };

// One distinct searchable text (names, keywords and departments repeat across items: each is
// matched once per query).
struct IndexedText {
  std::string norm;                                     // normalize_query(text)
  std::vector<std::span<const std::string>> syllables;  // readings per searchable character
  uint32_t letters = 0;            // a–z present in any reading (quick reject)
  std::vector<uint32_t> initials;  // per character: first letters of its readings, as a–z bits
  uint32_t any_initial = 0;        // union of initials
};

struct Doc {
  bool bundle = false;
  size_t index = 0;
  const catalog::Text* name = nullptr;
  const std::vector<std::string>* audience = nullptr;
  std::string department;  // zh name
  std::string division;
  std::vector<std::pair<uint32_t, FieldKind>> texts;
};

uint32_t letter_mask(std::string_view s) {
  uint32_t m = 0;
  for (char c : s)
    if (c >= 'a' && c <= 'z') m |= 1u << (c - 'a');
  return m;
}

// Full pinyin: the query (from qpos) is the readings of chars i, i+1, …; the last syllable
// may be incomplete (typing in progress). Returns the index after the last char used, or -1.
int match_full(std::string_view q, size_t qpos, const IndexedText& t, size_t i, bool* partial) {
  if (qpos == q.size()) return static_cast<int>(i);
  if (i >= t.syllables.size()) return -1;
  const std::string_view rest = q.substr(qpos);
  for (const auto& r : t.syllables[i]) {
    if (rest.size() >= r.size() && rest.compare(0, r.size(), r) == 0) {
      const int end = match_full(q, qpos + r.size(), t, i + 1, partial);
      if (end >= 0) return end;
    } else if (r.size() > rest.size() && r.compare(0, rest.size(), rest) == 0) {
      *partial = true;
      return static_cast<int>(i + 1);
    }
  }
  return -1;
}

bool match_initials_at(std::string_view q, const IndexedText& t, size_t start) {
  if (start + q.size() > t.initials.size()) return false;
  for (size_t k = 0; k < q.size(); ++k) {
    const char c = q[k];
    if (c < 'a' || c > 'z' || !(t.initials[start + k] & (1u << (c - 'a')))) return false;
  }
  return true;
}

struct TextMatch {
  Match match = kNone;
  Method method = kInitials;
  int rank() const { return match * 4 + method; }
};

// Substring search with a skip table built once per query: UTF-8 hanzi all start with the same
// few lead bytes, so a first-byte scan (std::string::find) stops at every character.
// Boyer-Moore-Horspool written out because Emscripten 3.1.6's libc++ has no
// std::boyer_moore_horspool_searcher.
class Searcher {
 public:
  explicit Searcher(std::string_view pattern) : pattern_(pattern) {
    skip_.fill(pattern.size());
    for (size_t i = 0; i + 1 < pattern.size(); ++i)
      skip_[static_cast<unsigned char>(pattern[i])] = pattern.size() - 1 - i;
  }

  bool found_in(std::string_view text) const {
    const size_t m = pattern_.size();
    if (m == 0) return true;
    for (size_t at = 0; at + m <= text.size();
         at += skip_[static_cast<unsigned char>(text[at + m - 1])]) {
      if (text.compare(at, m, pattern_) == 0) return true;
    }
    return false;
  }

 private:
  std::string_view pattern_;
  std::array<size_t, 256> skip_;
};

TextMatch match_text(const IndexedText& t, std::string_view q, bool ascii, uint32_t q_letters,
                     const Searcher& searcher) {
  TextMatch best;
  auto consider = [&](Match m, Method method) {
    TextMatch c{m, method};
    if (c.rank() > best.rank()) best = c;
  };
  if (t.norm == q)
    consider(kExact, kHanzi);
  else if (t.norm.compare(0, q.size(), q) == 0)
    consider(kPrefix, kHanzi);
  else if (t.norm.size() > q.size() && searcher.found_in(t.norm))
    consider(kSubstring, kHanzi);
  if (!ascii || best.match == kExact || (q_letters & ~t.letters) != 0) return best;
  const char first = q[0];
  if (first < 'a' || first > 'z') return best;
  const uint32_t first_bit = 1u << (first - 'a');
  if (!(t.any_initial & first_bit)) return best;
  const size_t n = t.syllables.size();
  for (size_t s = 0; s < n; ++s) {
    if (!(t.initials[s] & first_bit)) continue;  // no reading of this character starts with q[0]
    bool partial = false;
    const int end = match_full(q, 0, t, s, &partial);
    if (end >= 0) {
      consider(s == 0 ? (static_cast<size_t>(end) == n && !partial ? kExact : kPrefix) : kSubstring,
               kPinyin);
      if (s == 0) break;
    }
    if (q.size() >= 2 && match_initials_at(q, t, s))
      consider(s == 0 ? (q.size() == n ? kExact : kPrefix) : kSubstring, kInitials);
  }
  return best;
}

const char* match_name(int m) {
  return m == kExact ? "exact" : m == kPrefix ? "prefix" : "substring";
}
const char* method_name(int m) {
  return m == kHanzi ? "hanzi" : m == kPinyin ? "pinyin" : "initials";
}
const char* field_name(int f) {
  return f == kName ? "name" : f == kKeyword ? "keyword" : "department";
}

}  // namespace

std::string normalize_query(std::string_view query) {
  std::string s = text::fullwidth_to_halfwidth(query);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\'') continue;  // "ju zhu zheng", "xi'an"
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return text::trim(out);
}

struct SearchIndex::Impl {
  std::shared_ptr<const catalog::Catalog> catalog;
  std::vector<IndexedText> texts;
  std::unordered_map<std::string, uint32_t> text_ids;
  std::vector<Doc> docs;
  // Per text, the documents that hold it and as what: a query visits only the documents of the
  // texts it matched, instead of every document's text list (a scan of 11,449 scattered lists
  // was most of a query's time).
  std::vector<std::vector<std::pair<uint32_t, FieldKind>>> postings;

  void add(Doc d) {
    const auto doc = static_cast<uint32_t>(docs.size());
    for (const auto& [text, field] : d.texts) {
      if (postings.size() <= text) postings.resize(text + 1);
      postings[text].emplace_back(doc, field);
    }
    docs.push_back(std::move(d));
  }

  uint32_t intern(const std::string& raw) {
    std::string norm = normalize_query(raw);
    auto it = text_ids.find(norm);
    if (it != text_ids.end()) return it->second;
    IndexedText t;
    const auto& table = PinyinTable::instance();
    size_t pos = 0;
    while (pos < norm.size()) {
      const auto cp = text::decode_next(norm, pos);
      if (!cp) continue;
      auto readings = table.readings(*cp);
      if (readings.empty()) continue;  // punctuation, brackets: not part of the syllables
      t.syllables.push_back(readings);
      uint32_t initials = 0;
      for (const auto& r : readings) {
        t.letters |= letter_mask(r);
        if (!r.empty() && r[0] >= 'a' && r[0] <= 'z') initials |= 1u << (r[0] - 'a');
      }
      t.initials.push_back(initials);
      t.any_initial |= initials;
    }
    t.norm = norm;
    const auto id = static_cast<uint32_t>(texts.size());
    texts.push_back(std::move(t));
    text_ids.emplace(std::move(norm), id);
    return id;
  }
};

SearchIndex::SearchIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SearchIndex::~SearchIndex() = default;

std::unique_ptr<SearchIndex> SearchIndex::build(std::shared_ptr<const catalog::Catalog> catalog) {
  auto impl = std::make_unique<Impl>();
  impl->catalog = catalog;
  // Raw text → its id, for this build only. Keywords, themes and department names repeat
  // across thousands of items, and normalizing every occurrence before the lookup was ~70 % of
  // the index build of the 11,449-item catalogue in wasm.
  std::unordered_map<std::string, uint32_t> raw_ids;
  const auto intern = [&](const std::string& raw) {
    if (const auto it = raw_ids.find(raw); it != raw_ids.end()) return it->second;
    const uint32_t id = impl->intern(raw);
    raw_ids.emplace(raw, id);
    return id;
  };
  for (size_t i = 0; i < catalog->items.size(); ++i) {
    const auto& item = catalog->items[i];
    Doc d;
    d.index = i;
    d.name = &item.name;
    d.audience = &item.audience;
    d.department = item.department.name.zh;
    d.division = item.department.division;
    d.texts.push_back({intern(item.name.zh), kName});
    for (const auto& k : item.keywords) d.texts.push_back({intern(k), kKeyword});
    for (const auto& k : item.themes) d.texts.push_back({intern(k), kKeyword});
    d.texts.push_back({intern(item.department.name.zh), kDepartment});
    impl->add(std::move(d));
  }
  for (size_t i = 0; i < catalog->bundles.size(); ++i) {
    const auto& b = catalog->bundles[i];
    Doc d;
    d.bundle = true;
    d.index = i;
    d.name = &b.name;
    d.audience = &b.audience;
    d.texts.push_back({intern(b.name.zh), kName});
    for (const auto& k : b.keywords) d.texts.push_back({intern(k), kKeyword});
    for (const auto& k : b.themes) d.texts.push_back({intern(k), kKeyword});
    impl->add(std::move(d));
  }
  return std::unique_ptr<SearchIndex>(new SearchIndex(std::move(impl)));
}

std::vector<SearchHit> SearchIndex::search(std::string_view raw_query,
                                           const SearchOptions& options) const {
  const Impl& s = *impl_;
  std::vector<SearchHit> hits;
  if (raw_query.size() > 256) return hits;  // a bound on hostile input: no name is that long
  const std::string q = normalize_query(raw_query);
  if (q.empty()) return hits;
  const bool ascii =
      std::all_of(q.begin(), q.end(), [](char c) { return static_cast<unsigned char>(c) < 128; });
  const uint32_t q_letters = letter_mask(q);

  const std::string_view qv(q);
  const Searcher searcher(qv);
  std::vector<TextMatch> matches(s.texts.size());
  for (size_t t = 0; t < s.texts.size(); ++t)
    matches[t] = match_text(s.texts[t], q, ascii, q_letters, searcher);

  struct Scored {
    int score;
    size_t doc;
    int field, match, method;
  };
  // Each document's best-scoring text among the matched ones (the score encodes match, field
  // and method, so which of equal-scoring texts is kept does not matter).
  std::vector<Scored> scored;
  std::vector<int32_t> slot(s.docs.size(), -1);  // doc → index in scored; -2: filtered out
  auto admitted = [&](size_t d) {
    const Doc& doc = s.docs[d];
    if (doc.bundle && !options.include_bundles) return false;
    if (!options.audience.empty() && std::find(doc.audience->begin(), doc.audience->end(),
                                               options.audience) == doc.audience->end())
      return false;
    if (!options.department.empty() && doc.division != options.department &&
        doc.department.find(options.department) == std::string::npos)
      return false;
    return true;
  };
  for (size_t t = 0; t < s.texts.size() && t < s.postings.size(); ++t) {
    const TextMatch& m = matches[t];
    if (m.match == kNone) continue;
    for (const auto& [d, field] : s.postings[t]) {
      if (slot[d] == -2) continue;
      const int score = m.match * 100 + field * 10 + m.method;
      if (slot[d] == -1) {
        if (!admitted(d)) {
          slot[d] = -2;
          continue;
        }
        slot[d] = static_cast<int32_t>(scored.size());
        scored.push_back({score, d, field, m.match, m.method});
      } else if (score > scored[slot[d]].score) {
        scored[slot[d]] = {score, d, field, m.match, m.method};
      }
    }
  }
  auto name_length = [&](const Scored& x) { return s.docs[x.doc].name->zh.size(); };
  const size_t limit = std::min(options.limit, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(limit),
                    scored.end(), [&](const Scored& a, const Scored& b) {
                      if (a.score != b.score) return a.score > b.score;
                      if (name_length(a) != name_length(b)) return name_length(a) < name_length(b);
                      return a.doc < b.doc;
                    });
  for (size_t k = 0; k < limit; ++k) {
    const Scored& x = scored[k];
    const Doc& doc = s.docs[x.doc];
    SearchHit h;
    h.kind = doc.bundle ? "bundle" : "item";
    h.id = doc.bundle ? s.catalog->bundles[doc.index].id : s.catalog->items[doc.index].id;
    h.name = doc.name;
    h.field = field_name(x.field);
    h.match = match_name(x.match);
    h.method = method_name(x.method);
    h.score = x.score;
    hits.push_back(std::move(h));
  }
  return hits;
}

nlohmann::json to_json(const std::vector<SearchHit>& hits) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& h : hits)
    out.push_back({{"id", h.id},
                   {"kind", h.kind},
                   {"name", {{"zh", h.name->zh}, {"en", h.name->en}}},
                   {"field", h.field},
                   {"match", h.match},
                   {"method", h.method},
                   {"score", h.score}});
  return out;
}

}  // namespace haoban::search
