#include "haoban/search/pinyin_table.h"

#include "haoban/text/utf8.h"

namespace haoban::search {

const PinyinTable& PinyinTable::instance() {
  static const PinyinTable table;
  return table;
}

PinyinTable::PinyinTable() {
  ranges_.assign(kLast - kFirst + 1, {0, 0});
  for (char c = 'a'; c <= 'z'; ++c) {
    ascii_[static_cast<int>(c)] = ascii_[c - 'a' + 'A'] = {static_cast<uint32_t>(pool_.size()), 1};
    pool_.emplace_back(1, c);
  }
  for (char c = '0'; c <= '9'; ++c) {
    ascii_[static_cast<int>(c)] = {static_cast<uint32_t>(pool_.size()), 1};
    pool_.emplace_back(1, c);
  }
  const std::string_view tsv = pinyin_table_tsv();
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    size_t cp_pos = 0;
    const auto cp = text::decode_next(line.substr(0, tab), cp_pos);
    if (!cp || *cp < kFirst || *cp > kLast) continue;
    const auto first = static_cast<uint32_t>(pool_.size());
    std::string_view rest = line.substr(tab + 1);
    while (!rest.empty() && (rest.back() == '\r' || rest.back() == ' ')) rest.remove_suffix(1);
    std::vector<std::string> extra;
    while (!rest.empty()) {
      const size_t comma = rest.find(',');
      std::string reading(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      if (reading.empty()) continue;
      if (reading.find('v') != std::string::npos) {
        std::string u = reading;
        for (char& c : u)
          if (c == 'v') c = 'u';
        extra.push_back(std::move(u));
      }
      pool_.push_back(std::move(reading));
    }
    for (auto& e : extra) pool_.push_back(std::move(e));
    ranges_[*cp - kFirst] = {first, static_cast<uint32_t>(pool_.size()) - first};
    ++hanzi_;
  }
}

std::span<const std::string> PinyinTable::readings(char32_t cp) const {
  std::pair<uint32_t, uint32_t> r{0, 0};
  if (cp < 128)
    r = ascii_[cp];
  else if (cp >= kFirst && cp <= kLast)
    r = ranges_[cp - kFirst];
  return {pool_.data() + r.first, r.second};
}

}  // namespace haoban::search
