#include "cjk_font.h"

#include "ui_text.h"

#include <cstdio>
#include <string>

namespace haoban::workbench {

namespace {

// Characters of derived facts (district names) that the 2,500-character common range
// misses or may miss; validator messages themselves use everyday characters.
constexpr const char* kExtraChars = "荔湾越秀海珠天河白云黄埔番禺花都南沙从化增城";

bool readable(const char* path) {
  std::FILE* file = std::fopen(path, "rb");
  if (file == nullptr) return false;
  std::fclose(file);
  return true;
}

}  // namespace

ImFont* CjkFontLoader::load(ImFontAtlas& atlas, const char* path, float pixel_size,
                            const char* extra_text) {
  // AddFontFromFileTTF asserts on a missing file, so check first.
  if (path == nullptr || !readable(path)) {
    atlas.AddFontDefault();
    return nullptr;
  }
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(atlas.GetGlyphRangesChineseSimplifiedCommon());
  const std::string own_text = ui_text::all_text() + kExtraChars;
  builder.AddText(own_text.c_str());
  if (extra_text != nullptr) builder.AddText(extra_text);
  ranges_.clear();
  builder.BuildRanges(&ranges_);

  ImFontConfig config;
  config.FontNo = 0;
  // Horizontal oversampling triples the atlas for no visible gain with CJK glyphs.
  config.OversampleH = 1;
  config.OversampleV = 1;
  ImFont* font = atlas.AddFontFromFileTTF(path, pixel_size, &config, ranges_.Data);
  if (font == nullptr) atlas.AddFontDefault();
  return font;
}

}  // namespace haoban::workbench
