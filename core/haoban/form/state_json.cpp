#include "haoban/form/state_json.h"

#include <string_view>
#include <vector>

namespace haoban::form {

namespace {

using Serializer = nlohmann::detail::serializer<json>;

// Strings go through nlohmann's own serializer (its escaping and its U+FFFD replacement of
// invalid UTF-8), so the text matches dump() byte for byte. The scratch string keeps its
// capacity between calls, so escaping one string allocates nothing once warm.
//
// The text is gathered in a std::vector<char> and handed to `out` once, at the end: in wasm,
// std::string::append is libc++'s prebuilt extern-template member, a chain of calls per piece
// that nothing inlines, and the pieces here are a few bytes each (a chain keystroke's 1 KB
// result is ~300 of them: a quarter of formSet's time in a wasm profile). vector<char>'s
// insert is a header template, inlined at -O2.
class Writer {
 public:
  explicit Writer(std::string& out)
      : out_(out),
        serializer_(nlohmann::detail::output_adapter<char>(buffer_), ' ',
                    json::error_handler_t::replace) {
    buffer_.reserve(1024);
  }
  ~Writer() { out_.append(buffer_.data(), buffer_.size()); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void raw(std::string_view text) { buffer_.insert(buffer_.end(), text.begin(), text.end()); }
  // `"name":`, after a comma unless it is the first member. Keys are ASCII constants.
  void key(std::string_view name, bool first = false) {
    raw(first ? "\"" : ",\"");
    raw(name);
    raw("\":");
  }
  void field(std::string_view name, const std::string& s, bool first = false) {
    key(name, first);
    string(s);
  }
  void field(std::string_view name, bool b) {
    key(name);
    raw(b ? "true" : "false");
  }
  void string(const std::string& s) {
    if (plain_ascii(s)) {
      buffer_.push_back('"');
      raw(s);
      buffer_.push_back('"');
      return;
    }
    scratch_.get_ref<std::string&>().assign(s);
    serializer_.dump(scratch_, false, false, 0);
  }
  void value(const json& v) { serializer_.dump(v, false, false, 0); }

 private:
  // Printable ASCII with nothing to escape: written as is (the common case for paths, codes
  // and English messages).
  static bool plain_ascii(const std::string& s) {
    for (unsigned char c : s)
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') return false;
    return true;
  }

  std::string& out_;
  std::vector<char> buffer_;  // before serializer_, which writes into it
  Serializer serializer_;
  json scratch_ = std::string();
};

void write_error(Writer& w, const FieldError& e) {
  w.raw("{");
  w.field("code", e.code, true);
  w.field("en", e.en);
  w.field("page", e.page);
  w.field("path", e.path);
  if (e.warning) w.raw(",\"severity\":\"warning\"");
  w.field("zh", e.zh);
  w.raw("}");
}

// Key order is nlohmann's (std::map): enabled, errors, options, path, readonly, required,
// value, visible.
void write_state(Writer& w, const FieldState& s) {
  w.raw("{\"enabled\":");
  w.raw(s.enabled ? "true" : "false");
  w.key("errors");
  w.raw("[");
  for (size_t i = 0; i < s.errors.size(); ++i) {
    if (i) w.raw(",");
    write_error(w, s.errors[i]);
  }
  w.raw("]");
  if (!s.options.empty()) {
    w.key("options");
    w.raw("[");
    for (size_t i = 0; i < s.options.size(); ++i) {
      if (i) w.raw(",");
      w.string(s.options[i]);
    }
    w.raw("]");
  }
  w.field("path", s.path);
  w.field("readonly", s.readonly);
  w.field("required", s.required);
  w.key("value");
  w.value(s.value);
  w.field("visible", s.visible);
  w.raw("}");
}

}  // namespace

void append_json(const FieldState& state, std::string& out) {
  Writer w(out);
  write_state(w, state);
}

void append_json(const SetResult& r, std::string& out) {
  Writer w(out);
  if (!r.ok) {
    w.raw("{\"error\":{");
    w.field("code", r.error.code, true);
    w.field("en", r.error.en);
    w.field("zh", r.error.zh);
    w.raw("},\"ok\":false}");
    return;
  }
  w.raw("{\"changed\":[");
  for (size_t i = 0; i < r.changed.size(); ++i) {
    if (i) w.raw(",");
    write_state(w, r.changed[i]);
  }
  w.raw("],\"ok\":true}");
}

}  // namespace haoban::form
