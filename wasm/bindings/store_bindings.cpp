// A thin handle-based view of haoban::store::Database for JS, enough to prove that SQLite
// runs inside the module (":memory:" or a MEMFS/IDBFS path). JSON strings out, like every binding.
//   storeOpen(path)              → {"handle":n,"schemaVersion":v}
//   storePutDraft(handle,id,body) → {"ok":true}
//   storeGetDraft(handle,id)      → {"found":bool,"body":string|null}
//   storeClose(handle)            → {"closed":bool}
#include <emscripten/bind.h>

#include <map>
#include <memory>
#include <string>

#include "boundary.h"
#include "haoban/store/database.h"

namespace haoban::wasm {
namespace {

// A page has one or two databases open; the cap stops a leaking caller from exhausting memory.
constexpr size_t kMaxOpenStores = 16;

// Handles instead of embind classes: JS never has to remember .delete(), and a stale or
// forged handle is an error value, not a use-after-free.
std::map<int, std::unique_ptr<store::Database>>& open_stores() {
  static std::map<int, std::unique_ptr<store::Database>> stores;
  return stores;
}

store::Database& find_store(int handle) {
  auto it = open_stores().find(handle);
  if (it == open_stores().end())
    throw BoundaryError("bad_handle", "no open store with handle " + std::to_string(handle));
  return *it->second;
}

std::string store_open(const std::string& path) {
  return guarded([&] {
    static int next_handle = 1;
    if (open_stores().size() >= kMaxOpenStores) {
      throw BoundaryError("too_many_stores",
                          "at most " + std::to_string(kMaxOpenStores) + " stores may be open");
    }
    std::string error;
    auto db = store::Database::open(path, &error);
    if (!db) throw BoundaryError("store_error", error);
    const int handle = next_handle++;
    const int version = db->schema_version();
    open_stores().emplace(handle, std::move(db));
    return to_json_string({{"handle", handle}, {"schemaVersion", version}});
  });
}

std::string store_put_draft(int handle, const std::string& id, const std::string& body) {
  return guarded([&] {
    std::string error;
    if (!find_store(handle).put_draft(id, body, &error)) throw BoundaryError("store_error", error);
    return to_json_string({{"ok", true}});
  });
}

std::string store_get_draft(int handle, const std::string& id) {
  return guarded([&] {
    auto body = find_store(handle).get_draft(id);
    nlohmann::json out = {{"found", body.has_value()}, {"body", nullptr}};
    if (body) out["body"] = *body;
    return to_json_string(out);
  });
}

std::string store_close(int handle) {
  return guarded([&] { return to_json_string({{"closed", open_stores().erase(handle) == 1}}); });
}

}  // namespace
}  // namespace haoban::wasm

EMSCRIPTEN_BINDINGS(haoban_store) {
  emscripten::function("storeOpen", &haoban::wasm::store_open);
  emscripten::function("storePutDraft", &haoban::wasm::store_put_draft);
  emscripten::function("storeGetDraft", &haoban::wasm::store_get_draft);
  emscripten::function("storeClose", &haoban::wasm::store_close);
}
