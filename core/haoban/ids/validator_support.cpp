#include "haoban/ids/validator_support.h"

#include "haoban/ids/validators.h"
#include "haoban/text/normalize.h"
#include "haoban/text/utf8.h"

namespace haoban::ids::detail {

KindNoun noun_for(std::string_view kind) {
  if (kind == "resident_id") return {"身份证号码", "resident ID number"};
  if (kind == "uscc") return {"统一社会信用代码", "unified social credit code"};
  if (kind == "mobile") return {"手机号码", "mobile number"};
  if (kind == "hk_macau_permit") {
    return {"往来港澳通行证号码", "Hong Kong and Macao travel permit number"};
  }
  if (kind == "mainland_travel_permit") {
    return {"港澳居民来往内地通行证号码", "Mainland travel permit number"};
  }
  if (kind == "passport") return {"护照号码", "passport number"};
  return {"号码", "number"};
}

std::size_t count_chars(std::string_view s) { return text::char_count(s); }

std::string_view char_at(std::string_view s, std::size_t byte_pos) {
  std::size_t end = byte_pos;
  text::decode_next(s, end);
  return s.substr(byte_pos, end - byte_pos);
}

ValidationResult failure(std::string_view kind, std::string normalized, std::string_view code,
                         LocalizedText message) {
  ValidationResult r;
  r.valid = false;
  r.kind = std::string(kind);
  r.normalized = std::move(normalized);
  r.error_code = std::string(code);
  r.message = std::move(message);
  return r;
}

ValidationResult success(std::string_view kind, std::string normalized, LocalizedText message) {
  ValidationResult r;
  r.valid = true;
  r.kind = std::string(kind);
  r.normalized = std::move(normalized);
  r.message = std::move(message);
  return r;
}

std::optional<ValidationResult> prepare_input(std::string_view kind, std::string_view input,
                                              std::string& normalized) {
  const KindNoun noun = noun_for(kind);
  const std::string zh(noun.zh), en(noun.en);
  // Size first, before a single byte is decoded: hostile input costs O(1) here.
  if (input.size() > kMaxInputBytes) {
    return failure(kind, "", "too_long",
                   {"输入内容过长，不是有效的" + zh + "，请检查是否粘贴了多余的内容。",
                    "The input is far too long to be a " + en +
                        "; please check whether extra text was pasted."});
  }
  // Invalid UTF-8 is never echoed back: the JSON layer could not carry it.
  if (!text::is_valid_utf8(input)) {
    return failure(kind, "", "encoding",
                   {"输入内容含有无法识别的字符，请重新输入" + zh + "。",
                    "The input contains bytes that are not valid UTF-8 text; please re-enter the " +
                        en + "."});
  }
  normalized = text::normalize_code(input);
  if (normalized.empty()) {
    return failure(kind, "", "empty", {"请填写" + zh + "。", "Please enter the " + en + "."});
  }
  return std::nullopt;
}

LocalizedText length_message(std::string_view kind, std::string_view expected_zh,
                             std::string_view expected_en, std::size_t actual) {
  const KindNoun noun = noun_for(kind);
  return {std::string(noun.zh) + "应为" + std::string(expected_zh) + "位，您输入了" +
              std::to_string(actual) + "位，请核对。",
          "A " + std::string(noun.en) + " has " + std::string(expected_en) +
              " characters; you entered " + std::to_string(actual) + "."};
}

LocalizedText checksum_message(std::string_view kind) {
  const KindNoun noun = noun_for(kind);
  return {std::string(noun.zh) + "校验码错误，请逐位核对后重新输入。",
          "The check character of the " + std::string(noun.en) +
              " does not match; please check every character."};
}

LocalizedText charset_message(std::string_view kind, std::string_view bad,
                              std::string_view allowed_zh, std::string_view allowed_en) {
  const KindNoun noun = noun_for(kind);
  return {std::string(noun.zh) + "中含有不允许的字符“" + std::string(bad) + "”，" +
              std::string(allowed_zh) + "。",
          "The " + std::string(noun.en) + " contains the character '" + std::string(bad) +
              "', which is not allowed; " + std::string(allowed_en) + "."};
}

}  // namespace haoban::ids::detail
