// The secret that signs session tokens: 32 random bytes generated on the stub's first start
// and kept in <data-dir>/session.key (mode 0600), so that tokens survive a restart and
// nobody else on the machine can read the key.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace haoban::auth {

inline constexpr size_t kSessionKeyBytes = 32;

// 32 bytes from the kernel's CSPRNG (getrandom), or nullopt if it failed.
std::optional<std::string> random_bytes(size_t count);

// Reads the key at `path`, or creates it (O_EXCL, mode 0600) with fresh random bytes when it
// does not exist. A file of the wrong size is an error, never silently replaced: replacing it
// would log everyone out and hide a corrupted data directory.
std::optional<std::string> load_or_create_session_key(const std::filesystem::path& path,
                                                      std::string* error);

}  // namespace haoban::auth
