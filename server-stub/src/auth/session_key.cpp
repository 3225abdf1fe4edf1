#include "auth/session_key.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace haoban::auth {

std::optional<std::string> random_bytes(size_t count) {
  std::string out(count, '\0');
  size_t filled = 0;
  while (filled < count) {
    const ssize_t got = getrandom(out.data() + filled, count - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      return std::nullopt;
    }
    filled += static_cast<size_t>(got);
  }
  return out;
}

namespace {

std::optional<std::string> read_key(const std::filesystem::path& path, std::string* error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (error) *error = "cannot open " + path.string() + ": " + std::strerror(errno);
    return std::nullopt;
  }
  std::string key(kSessionKeyBytes + 1, '\0');  // one more, to notice a file too long
  size_t filled = 0;
  for (;;) {
    const ssize_t got = ::read(fd, key.data() + filled, key.size() - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    filled += static_cast<size_t>(got);
    if (filled == key.size()) break;
  }
  ::close(fd);
  if (filled != kSessionKeyBytes) {
    if (error) {
      *error = path.string() + " is not a session key (" + std::to_string(kSessionKeyBytes) +
               " bytes); remove it to generate a new one";
    }
    return std::nullopt;
  }
  key.resize(kSessionKeyBytes);
  return key;
}

}  // namespace

std::optional<std::string> load_or_create_session_key(const std::filesystem::path& path,
                                                      std::string* error) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return read_key(path, error);
    if (error) *error = "cannot create " + path.string() + ": " + std::strerror(errno);
    return std::nullopt;
  }
  auto key = random_bytes(kSessionKeyBytes);
  bool ok = key.has_value();
  size_t written = 0;
  while (ok && written < key->size()) {
    const ssize_t put = ::write(fd, key->data() + written, key->size() - written);
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0)
      ok = false;
    else
      written += static_cast<size_t>(put);
  }
  ok = ok && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) {
    ::unlink(path.c_str());  // never leave a short key behind for the next start to refuse
    if (error) *error = "cannot write a new session key to " + path.string();
    return std::nullopt;
  }
  return key;
}

}  // namespace haoban::auth
