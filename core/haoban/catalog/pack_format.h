// The packed catalogue's byte layout (docs/catalog-format.md, "Packed catalogue"): what
// `haoban catalog pack` writes from a checked JSON catalogue and load_catalog_pack reads.
//
// Why a second shipping form: a JSON catalogue of 11,449 items is 41 MB, and a load has to read
// every byte of it and build a JSON document of each item's metadata before it can fill the
// item; in wasm that stayed at ~760 ms against a 300 ms budget (bench/catalog/README.md). The
// pack holds each item's metadata as length-prefixed fields, read straight into the Item, and
// each form and material list as JSON text that is parsed only when the item is first opened.
//
//   pack    := magic "HBPACK1\n", header, count, item*  (nothing after the last item)
//   header  := str: the catalogue's JSON without "items" (read by the JSON loader's own code)
//   item    := its fields in the one order of write_packed_item (pack_writer.cpp) and
//              read_packed_items (loader.cpp)
//   str     := varint byte length, UTF-8 bytes (checked on read)
//   json    := str holding compact JSON text (parsed, bounded, on read)
//   varint  := unsigned LEB128, at most 10 bytes
//
// A pack is not trusted: the reader checks every length against what is left, every string's
// UTF-8, every count against a bound, and then runs the same value checks, expression compiles
// and reference checks as a JSON load (forms and materials on first use, as a lazy load does).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "haoban/text/utf8.h"

namespace haoban::catalog::pack {

inline constexpr std::string_view kMagic = "HBPACK1\n";

inline bool looks_packed(std::string_view bytes) {
  return bytes.substr(0, kMagic.size()) == kMagic;
}

class Writer {
 public:
  Writer() { out_.append(kMagic); }

  void number(uint64_t v) {
    do {
      const auto low = static_cast<unsigned char>(v & 0x7f);
      v >>= 7;
      out_.push_back(static_cast<char>(v ? (low | 0x80) : low));
    } while (v);
  }
  void string(std::string_view s) {
    number(s.size());
    out_.append(s);
  }
  void strings(const std::vector<std::string>& list) {
    number(list.size());
    for (const auto& s : list) string(s);
  }
  void json(const nlohmann::json& value) { string(value.dump()); }

  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads the layout above. Each read checks what is left; after the first failure every read
// returns empty values and failed() stays true, so a caller checks once per item.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : s_(bytes), pos_(kMagic.size()) {
    if (!looks_packed(bytes)) fail("not a packed catalogue (no HBPACK1 header)");
  }

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  size_t pos() const { return pos_; }
  bool at_end() const { return pos_ == s_.size(); }
  size_t remaining() const { return s_.size() - pos_; }

  uint64_t number(uint64_t max) {
    uint64_t v = 0;
    for (int shift = 0; shift < 70 && !failed(); shift += 7) {
      if (pos_ >= s_.size()) return fail("the pack ends inside a number"), 0;
      const auto byte = static_cast<unsigned char>(s_[pos_++]);
      if (shift == 63 && byte > 1) break;
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) {
        if (v > max) return fail("a number is out of range"), 0;
        return v;
      }
    }
    return fail("a number is malformed"), 0;
  }
  int integer(int max) { return static_cast<int>(number(static_cast<uint64_t>(max))); }

  // The next string's bytes, in place (a view into the pack).
  std::string_view view() {
    const uint64_t size = number(s_.size());
    if (failed()) return {};
    if (size > s_.size() - pos_) return fail("a string runs past the end of the pack"), "";
    const std::string_view out = s_.substr(pos_, size);
    pos_ += size;
    return out;
  }
  // A text string: valid UTF-8 of at most max_bytes (the JSON loader's bound on strings).
  std::string string(size_t max_bytes) {
    const std::string_view v = view();
    if (v.size() > max_bytes) return fail("a string is too long"), std::string();
    if (!text::is_valid_utf8(v)) return fail("a string is not valid UTF-8"), std::string();
    return std::string(v);
  }
  std::vector<std::string> strings(size_t max_count, size_t max_bytes) {
    const uint64_t count = number(max_count);
    std::vector<std::string> out;
    if (failed()) return out;
    out.reserve(std::min<uint64_t>(count, remaining()));  // a string takes at least a byte
    for (uint64_t i = 0; i < count && !failed(); ++i) out.push_back(string(max_bytes));
    return out;
  }

  bool fail(std::string message) {
    if (error_.empty()) error_ = std::move(message) + " (at byte " + std::to_string(pos_) + ")";
    pos_ = s_.size();
    return false;
  }

 private:
  std::string_view s_;
  size_t pos_;
  std::string error_;
};

}  // namespace haoban::catalog::pack
