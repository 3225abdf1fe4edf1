// base64url without padding (RFC 4648 §5): the token's parts travel in an HTTP header.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace haoban::auth {

std::string base64url_encode(std::string_view bytes);
// nullopt for any character outside the alphabet or an impossible length.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace haoban::auth
