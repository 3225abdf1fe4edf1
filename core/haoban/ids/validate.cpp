// Dispatch by kind name, as used by the wasm bindings, the stub's /api/v1/validate and forms.
#include "haoban/ids/validator_support.h"
#include "haoban/ids/validators.h"
#include "haoban/text/utf8.h"

namespace haoban::ids {

ValidationResult validate(std::string_view kind, std::string_view input,
                          const time::CivilDate& today) {
  if (kind == "resident_id") return validate_resident_id(input, today);
  if (kind == "uscc") return validate_uscc(input);
  if (kind == "mobile") return validate_mobile(input);
  if (kind == "hk_macau_permit") return validate_hk_macau_permit(input);
  if (kind == "mainland_travel_permit") return validate_mainland_travel_permit(input);
  if (kind == "passport") return validate_passport(input);

  // Echo the unknown kind only when it is short, printable text: it ends up in JSON.
  std::string echoed;
  if (kind.size() <= 64 && text::is_valid_utf8(kind)) echoed = std::string(kind);
  LocalizedText message{"不支持的证件类型“" + echoed + "”。",
                        "Unknown kind of identifier '" + echoed + "'."};
  if (echoed.empty())
    message = {"未指定有效的证件类型。", "No valid kind of identifier was given."};
  return detail::failure(echoed, "", "unknown_kind", std::move(message));
}

}  // namespace haoban::ids
