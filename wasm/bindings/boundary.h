// The one rule of the JS boundary: every call returns a JSON string, and nothing thrown in C++
// ever crosses into JS (where it would arrive as a bare number). Each binding runs its body
// through guarded(), which turns any exception into {"error":{"type":…,"message":…}}.
#pragma once

#include <exception>
#include <new>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace haoban::wasm {

// Serialises for JS. Invalid UTF-8 (a lone surrogate from JS, raw bytes from a store) is
// replaced with U+FFFD instead of throwing, so a result can always be sent back.
inline std::string to_json_string(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// {"error":{"type":type,"message":message}}: the only shape a boundary failure takes.
// The wrappers in wasm/package turn it into a thrown Error whose .type is `type`.
inline std::string error_json(std::string_view type, std::string_view message) {
  nlohmann::json body = {{"error", {{"type", type}, {"message", message}}}};
  return to_json_string(body);
}

// A failure the binding itself detects (a bad argument from JS), reported with its own type.
class BoundaryError : public std::runtime_error {
 public:
  BoundaryError(std::string type, const std::string& message)
      : std::runtime_error(message), type_(std::move(type)) {}
  const std::string& type() const { return type_; }

 private:
  std::string type_;
};

// Runs body (returning a JSON string) and converts every exception into an error JSON.
template <typename Body>
std::string guarded(Body&& body) noexcept {
  try {
    return body();
  } catch (const BoundaryError& e) {
    return error_json(e.type(), e.what());
  } catch (const nlohmann::json::exception& e) {
    return error_json("json_error", e.what());
  } catch (const std::bad_alloc&) {
    return error_json("out_of_memory", "out of memory");
  } catch (const std::exception& e) {
    return error_json("internal_error", e.what());
  } catch (...) {
    return error_json("internal_error", "unknown C++ exception");
  }
}

}  // namespace haoban::wasm
