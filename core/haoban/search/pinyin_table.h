// Toneless pinyin readings of the 6,763 GB 2312 hanzi (data/pinyin/, generated from
// pinyin-pro 3.29.4, MIT). The table text is compiled into the core by core/CMakeLists.txt
// (the engine reads no files) and parsed once, on first use.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace haoban::search {

// The TSV text of data/pinyin/gb2312-pinyin.tsv (generated source).
std::string_view pinyin_table_tsv();

class PinyinTable {
 public:
  static const PinyinTable& instance();

  // Every reading of the code point, the most common first; ü appears as "v" and also as
  // "u" (lv and lu for 绿). ASCII letters and digits read as themselves. Empty otherwise.
  std::span<const std::string> readings(char32_t cp) const;
  size_t hanzi_count() const { return hanzi_; }

 private:
  PinyinTable();
  std::vector<std::string> pool_;
  std::vector<std::pair<uint32_t, uint32_t>> ranges_;  // per code point offset: (first, count)
  static constexpr char32_t kFirst = 0x4E00, kLast = 0x9FFF;
  std::pair<uint32_t, uint32_t> ascii_[128] = {};
  size_t hanzi_ = 0;
};

}  // namespace haoban::search
